#include "linespage.h"

#include "confirm.h"
#include "linedialog.h"

#include "app/eventrouter.h"
#include "app/restclient.h"
#include "app/session.h"
#include "models/peopledirectory.h"

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
    : RecordListPage(
        session, QStringLiteral("/api/v1/lines"), tr("The lines could not be loaded: %1"), parent)
    , m_add(new QPushButton(tr("&Add line…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_delete(new QPushButton(tr("De&lete"), this))
{
    setObjectName(QStringLiteral("linesPage"));
    list()->setObjectName(QStringLiteral("linesList"));
    list()->setAccessibleName(tr("Lines"));
    list()->setHeaderLabels({tr("Name"), tr("Number"), tr("Rings")});
    fitColumns(RingsColumn);
    m_add->setAccessibleName(tr("Add line"));
    m_edit->setAccessibleName(tr("Edit line"));
    m_delete->setAccessibleName(tr("Delete line"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(list(), 1);
    layout->addWidget(messageLine());
    layout->addLayout(buttonRow({m_add, m_edit, m_delete}));

    connect(m_add, &QPushButton::clicked, this, &LinesPage::addLine);
    connect(m_edit, &QPushButton::clicked, this, &LinesPage::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &LinesPage::deleteSelected);
    connect(session->router(), &client::EventRouter::lineUpdated, this, &LinesPage::showRecord);
    connect(session->router(), &client::EventRouter::lineDeleted, this, &LinesPage::removeRow);
    // A name or an activation changed: the lines that ring that person say it.
    connect(session->people(), &PeopleDirectory::personChanged, this, [this](qint64 id) {
        for (const Line &line : lines())
            if (line.employeeIds.contains(id))
                show(line);
    });
    updateButtons();
    reload();
}

QList<Line> LinesPage::lines() const
{
    QList<Line> out;
    for (int i = 0; i < list()->topLevelItemCount(); ++i)
        if (const auto line = Line::fromJson(recordOf(list()->topLevelItem(i))))
            out << *line;
    return out;
}

void LinesPage::showRecord(const QJsonObject &record)
{
    if (const auto line = Line::fromJson(record))
        show(*line);
}

void LinesPage::show(const Line &line)
{
    QTreeWidgetItem *item = rowFor(line.id, line.toJson());
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

std::optional<Line> LinesPage::selected() const
{
    return Line::fromJson(selectedRecord());
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
            clearMessage();
            m_session->rest()->remove(
                QStringLiteral("/api/v1/lines/%1").arg(id), this,
                [this, id](const QJsonObject &) { removeRow(id); },
                [this](
                    const client::ApiFailure &failure) { showMessage(failure.describe(), true); });
        });
}

} // namespace linecard::ui
