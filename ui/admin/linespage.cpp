#include "linespage.h"

#include "confirm.h"
#include "linedialog.h"

#include "app/eventrouter.h"
#include "app/eventstream.h"
#include "app/restclient.h"
#include "app/session.h"
#include "models/peopledirectory.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace linecard::ui {

namespace {
enum Column
{
    NameColumn,
    NumberColumn,
    RingsColumn
};
constexpr int LineRole = Qt::UserRole + 1;

QIcon swatch(const QString &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(color));
    painter.setPen(Qt::NoPen);
    painter.drawRoundedRect(QRectF(1, 1, 14, 14), 3, 3);
    return QIcon(pixmap);
}
} // namespace

LinesPage::LinesPage(client::Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_list(new QTreeWidget(this))
    , m_add(new QPushButton(tr("&Add line…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_delete(new QPushButton(tr("De&lete"), this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("linesPage"));
    m_list->setObjectName(QStringLiteral("linesList"));
    m_list->setAccessibleName(tr("Lines"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Name"), tr("Number"), tr("Rings")});
    m_list->header()->setSectionResizeMode(RingsColumn, QHeaderView::Stretch);
    m_add->setAccessibleName(tr("Add line"));
    m_edit->setAccessibleName(tr("Edit line"));
    m_delete->setAccessibleName(tr("Delete line"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &LinesPage::updateButtons);
    connect(m_list, &QTreeWidget::itemActivated, this, &LinesPage::editSelected);
    connect(m_add, &QPushButton::clicked, this, &LinesPage::addLine);
    connect(m_edit, &QPushButton::clicked, this, &LinesPage::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &LinesPage::deleteSelected);
    connect(session->router(), &client::EventRouter::lineUpdated, this,
        [this](const QJsonObject &data) {
            if (const auto line = Line::fromJson(data))
                show(*line);
        });
    connect(session->router(), &client::EventRouter::lineDeleted, this, &LinesPage::forget);
    connect(session->events(), &client::EventStream::resyncNeeded, this, &LinesPage::reload);
    // A name or an activation changed: the lines that ring that person say it.
    connect(session->people(), &PeopleDirectory::personChanged, this, [this](qint64 id) {
        for (const Line &line : lines())
            if (line.employeeIds.contains(id))
                show(line);
    });
    updateButtons();
    reload();
}

void LinesPage::reload()
{
    m_session->rest()->get(
        QStringLiteral("/api/v1/lines"), this,
        [this](const QJsonObject &json) {
            m_list->clear();
            for (const QJsonValue &v : json.value(QStringLiteral("items")).toArray())
                if (const auto line = Line::fromJson(v.toObject()))
                    show(*line);
            m_error->hide();
            m_loaded = true;
            emit loaded();
        },
        [this](const client::ApiFailure &failure) {
            m_error->setText(tr("The lines could not be loaded: %1").arg(failure.describe()));
            m_error->show();
        });
}

QTreeWidgetItem *LinesPage::itemFor(qint64 lineId) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->data(NameColumn, Qt::UserRole).toLongLong() == lineId)
            return m_list->topLevelItem(i);
    return nullptr;
}

void LinesPage::select(qint64 lineId)
{
    if (QTreeWidgetItem *item = itemFor(lineId))
        m_list->setCurrentItem(item);
}

QList<Line> LinesPage::lines() const
{
    QList<Line> out;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (const auto line
            = Line::fromJson(m_list->topLevelItem(i)->data(NameColumn, LineRole).toJsonObject()))
            out << *line;
    return out;
}

void LinesPage::show(const Line &line)
{
    QTreeWidgetItem *item = itemFor(line.id);
    if (!item)
        item = new QTreeWidgetItem(m_list);
    item->setData(NameColumn, Qt::UserRole, line.id);
    item->setData(NameColumn, LineRole, line.toJson());
    item->setIcon(NameColumn, swatch(line.color));
    item->setText(NameColumn, line.name.isEmpty() ? line.number : line.name);
    item->setText(NumberColumn, line.number);
    QStringList names;
    for (qint64 id : line.employeeIds) {
        // Still on the line, but calls skip them until they are reactivated.
        const auto person = m_session->people()->person(id);
        const QString name = m_session->people()->name(id);
        names << (person && !person->active ? tr("%1 (deactivated, not ringing)").arg(name) : name);
    }
    item->setText(RingsColumn,
        names.isEmpty() ? tr("the extension the PBX names") : names.join(QStringLiteral(", ")));
    updateButtons();
}

void LinesPage::forget(qint64 lineId)
{
    delete itemFor(lineId);
    updateButtons();
}

std::optional<Line> LinesPage::selected() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return std::nullopt;
    return Line::fromJson(item->data(NameColumn, LineRole).toJsonObject());
}

void LinesPage::updateButtons()
{
    const bool any = selected().has_value();
    m_edit->setEnabled(any);
    m_delete->setEnabled(any);
}

void LinesPage::addLine()
{
    auto *dialog = new LineDialog(m_session, Line(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &LineDialog::saved, this, [this](const Line &line) {
        show(line);
        select(line.id);
    });
    dialog->open();
}

void LinesPage::editSelected()
{
    const auto line = selected();
    if (!line)
        return;
    auto *dialog = new LineDialog(m_session, *line, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &LineDialog::saved, this, &LinesPage::show);
    dialog->open();
}

void LinesPage::deleteSelected()
{
    const auto line = selected();
    if (!line)
        return;
    const qint64 id = line->id;
    confirm(this,
        tr("Delete the line %1? Its calls stay in the history, without the line.")
            .arg(line->name.isEmpty() ? line->number : line->name),
        tr("Delete"), [this, id] {
            m_error->hide();
            m_session->rest()->remove(
                QStringLiteral("/api/v1/lines/%1").arg(id), this,
                [this, id](const QJsonObject &) { forget(id); },
                [this](const client::ApiFailure &failure) {
                    m_error->setText(failure.describe());
                    m_error->show();
                });
        });
}

QString LinesPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace linecard::ui
