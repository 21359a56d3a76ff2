#include "previewbar.h"

#include "models/peopledirectory.h"
#include "protocol/jsonid.h"

#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>

namespace linecard::ui {

using protocol::idOf;

PreviewBar::PreviewBar(PeopleDirectory *people, QWidget *parent)
    : QWidget(parent)
    , m_people(people)
    , m_idle(new QWidget(this))
    , m_choose(new QToolButton(m_idle))
    , m_menu(new QMenu(m_choose))
    , m_active(new QWidget(this))
    , m_banner(new QLabel(m_active))
    , m_exit(new QPushButton(tr("E&xit preview"), m_active))
{
    setObjectName(QStringLiteral("previewBar"));
    m_choose->setText(tr("Preview as contact"));
    m_choose->setToolTip(tr("See this thread exactly as one of the task's contacts sees it"));
    m_choose->setIcon(QIcon::fromTheme(QStringLiteral("view-preview")));
    m_choose->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_choose->setPopupMode(QToolButton::InstantPopup);
    m_choose->setAutoRaise(true);
    m_choose->setMenu(m_menu);
    connect(m_menu, &QMenu::aboutToShow, this, &PreviewBar::fillMenu);
    auto *idle = new QHBoxLayout(m_idle);
    idle->setContentsMargins(6, 0, 6, 0);
    idle->addStretch(1);
    idle->addWidget(m_choose);

    // Amber, bold and full width: nobody mistakes the preview for the real thread.
    m_active->setObjectName(QStringLiteral("previewBanner"));
    m_active->setAutoFillBackground(true);
    QPalette amber = m_active->palette();
    amber.setColor(QPalette::Window, QColor(0xff, 0xc1, 0x07));
    amber.setColor(QPalette::WindowText, QColor(0x21, 0x21, 0x21));
    m_active->setPalette(amber);
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::RichText);
    auto *active = new QHBoxLayout(m_active);
    active->setContentsMargins(10, 6, 10, 6);
    active->addWidget(m_banner, 1);
    active->addWidget(m_exit);
    connect(m_exit, &QPushButton::clicked, this, &PreviewBar::exitRequested);
    connect(m_people, &PeopleDirectory::personChanged, this, [this](qint64 id) {
        if (id == m_contactId)
            updateBanner();
    });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_idle);
    layout->addWidget(m_active);
    setPreviewing(0);
}

void PreviewBar::setTask(const QJsonObject &task)
{
    m_task = task;
    m_choose->setEnabled(!candidates().isEmpty());
}

QList<qint64> PreviewBar::candidates() const
{
    QList<qint64> ids;
    if (const qint64 cp = idOf(m_task.value(QStringLiteral("counterpartyId"))))
        ids << cp;
    for (const QString &key : {QStringLiteral("assigneeIds"), QStringLiteral("participantIds")})
        for (const QJsonValue &v : m_task.value(key).toArray()) {
            const qint64 id = idOf(v);
            const auto person = m_people->person(id);
            // Employees are all known at sign-in: anyone else on the task is a contact.
            if (!ids.contains(id) && (!person || person->isContact()))
                ids << id;
        }
    return ids;
}

void PreviewBar::fillMenu()
{
    m_menu->clear();
    for (qint64 id : candidates())
        m_menu->addAction(m_people->name(id), this, [this, id] { emit previewRequested(id); });
}

void PreviewBar::setPreviewing(qint64 contactId)
{
    m_contactId = contactId;
    m_idle->setVisible(!contactId);
    m_active->setVisible(contactId);
    updateBanner();
}

void PreviewBar::updateBanner()
{
    if (!m_contactId)
        return;
    m_banner->setText(tr("<b>Preview: this is the thread as %1 sees it.</b> What %1 may not see "
                         "is left out; replying is off.")
                          .arg(m_people->name(m_contactId).toHtmlEscaped()));
}

} // namespace linecard::ui
