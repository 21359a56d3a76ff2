#include "peoplepicker.h"

#include "markerstyle.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace linecard::ui {

static constexpr int IdRole = Qt::UserRole + 1;

PeoplePicker::PeoplePicker(const QString &buttonText, QWidget *parent)
    : QWidget(parent)
    , m_button(new QToolButton(this))
    , m_summary(new QLabel(this))
    , m_popup(new QFrame(this, Qt::Popup))
    , m_filter(new QLineEdit(m_popup))
    , m_list(new QTreeWidget(m_popup))
    , m_emptyText(tr("nobody"))
{
    m_button->setText(buttonText);
    m_button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::NoTextInteraction);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_button);
    row->addWidget(m_summary, 1);

    m_popup->setFrameShape(QFrame::StyledPanel);
    m_filter->setPlaceholderText(tr("Find a person"));
    m_filter->setClearButtonEnabled(true);
    m_list->setHeaderHidden(true);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    auto *box = new QVBoxLayout(m_popup);
    box->setContentsMargins(4, 4, 4, 4);
    box->addWidget(m_filter);
    box->addWidget(m_list);

    connect(m_button, &QToolButton::clicked, this, &PeoplePicker::showPopup);
    connect(m_list, &QTreeWidget::itemChanged, this, &PeoplePicker::onItemChanged);
    connect(m_filter, &QLineEdit::textChanged, this, &PeoplePicker::filter);
    updateSummary();
}

void PeoplePicker::setPeople(const QList<Entry> &employees, const QList<Entry> &contacts)
{
    m_employees = employees;
    m_contacts = contacts;
    rebuild();
}

void PeoplePicker::setSelectedIds(const QList<qint64> &ids)
{
    if (ids == m_selected)
        return;
    m_selected = ids;
    rebuild();
    emit selectionChanged();
}

bool PeoplePicker::isContact(qint64 id) const
{
    for (const Entry &e : m_contacts)
        if (e.id == id)
            return true;
    return false;
}

void PeoplePicker::setEmptyText(const QString &text)
{
    m_emptyText = text;
    updateSummary();
}

QTreeWidgetItem *PeoplePicker::addGroup(
    const QString &title, const QList<Entry> &people, bool contacts)
{
    auto *group = new QTreeWidgetItem(m_list, {title});
    group->setFlags(Qt::ItemIsEnabled);
    QFont bold = font();
    bold.setBold(true);
    group->setFont(0, bold);
    const QPalette pal = palette();
    if (contacts) {
        group->setForeground(0, markers::accentText(pal, markers::externalAccent()));
        group->setBackground(0, markers::externalBackground(pal));
    }
    for (const Entry &person : people) {
        const QString text
            = person.detail.isEmpty() ? person.name : tr("%1 (%2)").arg(person.name, person.detail);
        auto *item = new QTreeWidgetItem(group, {text});
        item->setData(0, IdRole, person.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(0, m_selected.contains(person.id) ? Qt::Checked : Qt::Unchecked);
        if (contacts)
            item->setBackground(0, markers::externalBackground(pal));
    }
    group->setExpanded(true);
    return group;
}

void PeoplePicker::rebuild()
{
    m_rebuilding = true;
    m_list->clear();
    addGroup(tr("Employees"), m_employees, false);
    if (!m_contacts.isEmpty())
        addGroup(tr("Contacts"), m_contacts, true);
    filter(m_filter->text());
    m_rebuilding = false;
    updateSummary();
}

void PeoplePicker::onItemChanged(QTreeWidgetItem *item)
{
    if (m_rebuilding || !item->parent())
        return;
    const qint64 id = item->data(0, IdRole).toLongLong();
    const bool checked = item->checkState(0) == Qt::Checked;
    if (checked == m_selected.contains(id))
        return;
    if (checked)
        m_selected.append(id);
    else
        m_selected.removeAll(id);
    updateSummary();
    emit edited();
    emit selectionChanged();
}

void PeoplePicker::filter(const QString &text)
{
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_list->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i)
            group->child(i)->setHidden(
                !group->child(i)->text(0).contains(text, Qt::CaseInsensitive));
    }
}

QString PeoplePicker::summaryText() const
{
    return m_summary->text();
}

void PeoplePicker::updateSummary()
{
    const QPalette pal = palette();
    QStringList parts;
    auto nameOf = [](const QList<Entry> &list, qint64 id) -> QString {
        for (const Entry &e : list)
            if (e.id == id)
                return e.name;
        return {};
    };
    for (qint64 id : m_selected) {
        QString name = nameOf(m_employees, id);
        if (!name.isEmpty()) {
            parts << name.toHtmlEscaped();
            continue;
        }
        name = nameOf(m_contacts, id);
        if (!name.isEmpty())
            parts << QStringLiteral("<span style=\"color:%1\">%2</span>")
                         .arg(markers::accentText(pal, markers::externalAccent()).name(),
                             name.toHtmlEscaped());
    }
    m_summary->setText(parts.isEmpty()
            ? QStringLiteral("<span style=\"color:%1\">%2</span>")
                  .arg(markers::dimText(pal).name(), m_emptyText.toHtmlEscaped())
            : parts.join(QStringLiteral(", ")));
}

void PeoplePicker::showPopup()
{
    m_popup->resize(qMax(260, m_button->width()), 320);
    QPoint at = m_button->mapToGlobal(QPoint(0, m_button->height()));
    if (const QScreen *screen = m_button->screen()) {
        const QRect area = screen->availableGeometry();
        if (at.y() + m_popup->height() > area.bottom())
            at.setY(m_button->mapToGlobal(QPoint(0, 0)).y() - m_popup->height());
        at.setX(qMin(at.x(), area.right() - m_popup->width()));
    }
    m_popup->move(at);
    m_popup->show();
    m_filter->setFocus();
}

void PeoplePicker::changeEvent(QEvent *event)
{
    // A new palette (light/dark switch) re-tints the contacts group and the summary.
    if (event->type() == QEvent::PaletteChange)
        rebuild();
    QWidget::changeEvent(event);
}

} // namespace linecard::ui
