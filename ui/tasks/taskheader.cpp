#include "taskheader.h"

#include "markerstyle.h"

#include "app/session.h"
#include "models/peopledirectory.h"
#include "protocol/jsonid.h"

#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QJsonArray>
#include <QLabel>
#include <QTextBrowser>
#include <QUrl>

#include <cmath>

namespace linecard::ui {

static QString statusLabel(const QString &status)
{
    if (status == QLatin1String("open"))
        return TaskHeader::tr("Open");
    if (status == QLatin1String("done"))
        return TaskHeader::tr("Done");
    if (status == QLatin1String("cancelled"))
        return TaskHeader::tr("Cancelled");
    return status;
}

TaskHeader::TaskHeader(client::Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_title(new QLabel(this))
    , m_counterparty(new QLabel(this))
    , m_roles(new QLabel(this))
    , m_description(new QTextBrowser(this))
    , m_error(new QLabel(this))
{
    m_title->setObjectName(QStringLiteral("taskTitle"));
    m_counterparty->setObjectName(QStringLiteral("taskCounterparty"));
    m_roles->setObjectName(QStringLiteral("taskRoles"));
    m_description->setObjectName(QStringLiteral("taskDescription"));
    m_error->setObjectName(QStringLiteral("taskError"));

    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QLabel *label : {m_counterparty, m_roles}) {
        label->setTextFormat(Qt::RichText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
        connect(label, &QLabel::linkActivated, this, [this](const QString &link) {
            // "contact:<id>"
            const QUrl url(link);
            if (url.scheme() == QLatin1String("contact"))
                emit openContact(url.path().toLongLong());
        });
    }
    m_description->setOpenExternalLinks(true);
    m_description->setFrameShape(QFrame::NoFrame);
    m_description->setMaximumHeight(140);
    // As tall as its text (up to the cap), not the browser's generous default: a one-line
    // description left a band of empty header above the thread.
    connect(m_description->document()->documentLayout(),
        &QAbstractTextDocumentLayout::documentSizeChanged, m_description,
        [this](const QSizeF &size) {
            m_description->setFixedHeight(qMin(140, int(std::ceil(size.height())) + 2));
        });
    m_description->viewport()->setAutoFillBackground(false);
    m_error->setWordWrap(true);
    m_error->setVisible(false);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(10, 8, 10, 4);
    grid->setVerticalSpacing(4);
    grid->addWidget(m_title, 0, 0);
    if (session->me().isEmployee()) {
        m_status = new QComboBox(this);
        m_status->setObjectName(QStringLiteral("taskStatus"));
        for (const QString &s :
            {QStringLiteral("open"), QStringLiteral("done"), QStringLiteral("cancelled")})
            m_status->addItem(statusLabel(s), s);
        m_status->setEnabled(false);
        grid->addWidget(m_status, 0, 1, Qt::AlignTop);
        connect(m_status, qOverload<int>(&QComboBox::activated), this, [this] {
            const QString chosen = m_status->currentData().toString();
            if (chosen != m_task.value(QStringLiteral("status")).toString())
                emit statusChosen(chosen);
        });
    } else {
        m_statusText = new QLabel(this);
        m_statusText->setObjectName(QStringLiteral("taskStatus"));
        grid->addWidget(m_statusText, 0, 1, Qt::AlignTop);
    }
    grid->addWidget(m_counterparty, 1, 0, 1, 2);
    grid->addWidget(m_roles, 2, 0, 1, 2);
    grid->addWidget(m_description, 3, 0, 1, 2);
    grid->addWidget(m_error, 4, 0, 1, 2);
    grid->setColumnStretch(0, 1);

    connect(session->people(), &PeopleDirectory::personChanged, this, &TaskHeader::refreshPeople);
    connect(session->people(), &PeopleDirectory::employeesLoaded, this, &TaskHeader::refreshPeople);
    setTask({});
}

QString TaskHeader::titleText() const
{
    return m_title->text();
}

void TaskHeader::setTask(const QJsonObject &task)
{
    m_task = task;
    m_title->setText(task.value(QStringLiteral("title")).toString());
    const QString status = task.value(QStringLiteral("status")).toString();
    if (m_status) {
        m_status->setEnabled(!task.isEmpty());
        m_status->setCurrentIndex(qMax(0, m_status->findData(status)));
    } else {
        m_statusText->setText(statusLabel(status));
    }
    const QString description = task.value(QStringLiteral("description")).toString();
    m_description->setMarkdown(description);
    m_description->setVisible(!description.trimmed().isEmpty());
    refreshPeople();
}

void TaskHeader::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        refreshPeople();
    QWidget::changeEvent(event);
}

void TaskHeader::setError(const QString &error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

QString TaskHeader::personLink(qint64 id, bool contact) const
{
    const QString name = m_session->people()->name(id).toHtmlEscaped();
    // Only employees open contact cards; a contact sees names.
    if (m_session->me().isContact() || !(contact || m_session->people()->isContact(id)))
        return name;
    // The colour spelled out: rich text would otherwise take the application's, not ours.
    return QStringLiteral("<a href=\"contact:%1\" style=\"color:%2\">%3</a>")
        .arg(id)
        .arg(palette().color(QPalette::Link).name(), name);
}

QString TaskHeader::peopleLinks(const QJsonValue &ids) const
{
    QStringList out;
    for (const QJsonValue &id : ids.toArray())
        out << personLink(protocol::idOf(id), false);
    return out.join(QStringLiteral(", "));
}

void TaskHeader::refreshPeople()
{
    const QString dim = markers::dimText(palette()).name();
    auto caption = [&dim](const QString &text) {
        return QStringLiteral("<span style=\"color:%1\">%2</span> ").arg(dim, text.toHtmlEscaped());
    };
    const qint64 counterparty = protocol::idOf(m_task, QStringLiteral("counterpartyId"));
    m_counterparty->setText(
        counterparty ? caption(tr("Counterparty:")) + personLink(counterparty, true) : QString());
    m_counterparty->setVisible(counterparty != 0);
    QStringList roles;
    const QString assignees = peopleLinks(m_task.value(QStringLiteral("assigneeIds")));
    const QString participants = peopleLinks(m_task.value(QStringLiteral("participantIds")));
    if (!assignees.isEmpty())
        roles << caption(tr("Assignees:")) + assignees;
    if (!participants.isEmpty())
        roles << caption(tr("Participants:")) + participants;
    m_roles->setText(roles.join(QStringLiteral(" &nbsp;·&nbsp; ")));
    m_roles->setVisible(!roles.isEmpty());
}

} // namespace linecard::ui
