#include "calllistmodel.h"

#include "callheader.h"

#include "app/session.h"
#include "models/peopledirectory.h"
#include "models/phonenumber.h"

#include <QColor>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace linecard::ui {

using client::CallCenter;
using client::CallInfo;

// Names arrive by the thousand while a long task list resolves them: the state column
// (who answered, who ended) repaints at most once per this many milliseconds.
static constexpr int NamesRepaintMs = 150;

CallListModel::CallListModel(
    client::Session *session, CallCenter *calls, CallCenter::List list, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_calls(calls)
    , m_list(list)
    , m_namesChanged(new QTimer(this))
{
    connect(calls, &CallCenter::listsChanged, this, &CallListModel::sync);
    connect(calls, &CallCenter::callChanged, this, &CallListModel::callChanged);
    // The lines' names and colours.
    connect(calls, &CallCenter::loaded, this, [this] { allRowsChanged(0, ColumnCount - 1); });
    m_namesChanged->setSingleShot(true);
    m_namesChanged->setInterval(NamesRepaintMs);
    connect(m_namesChanged, &QTimer::timeout, this,
        [this] { allRowsChanged(StateColumn, StateColumn); });
    connect(session->people(), &PeopleDirectory::personChanged, this, [this] {
        if (!m_namesChanged->isActive())
            m_namesChanged->start(); // throttled, not postponed while names keep coming
    });
    m_ids = calls->calls(list);
}

void CallListModel::sync()
{
    const QList<qint64> next = m_calls->calls(m_list);
    const QSet<qint64> kept(next.cbegin(), next.cend());
    // Removed calls first, a run of rows at a time, from the bottom up.
    for (int last = int(m_ids.size()) - 1; last >= 0;) {
        if (kept.contains(m_ids.at(last))) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !kept.contains(m_ids.at(first - 1)))
            --first;
        beginRemoveRows({}, first, last);
        m_ids.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }
    // What is left is in the new list's order (both newest first): insert the new calls
    // where they belong, a run at a time.
    for (int row = 0; row < next.size();) {
        if (row < m_ids.size() && m_ids.at(row) == next.at(row)) {
            ++row;
            continue;
        }
        int end = row; // the run of new calls ends where the next kept one stands
        while (end < next.size() && !(row < m_ids.size() && m_ids.at(row) == next.at(end)))
            ++end;
        if (row < m_ids.size() && end == next.size())
            break; // a kept call out of order: never expected, reset below
        beginInsertRows({}, row, end - 1);
        m_ids.insert(row, end - row, 0);
        std::copy(next.cbegin() + row, next.cbegin() + end, m_ids.begin() + row);
        endInsertRows();
        row = end;
    }
    if (m_ids != next) {
        beginResetModel();
        m_ids = next;
        endResetModel();
    }
}

void CallListModel::callChanged(qint64 callId)
{
    if (const int row = rowOf(callId); row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void CallListModel::allRowsChanged(int firstColumn, int lastColumn)
{
    if (!m_ids.isEmpty())
        emit dataChanged(index(0, firstColumn), index(int(m_ids.size()) - 1, lastColumn));
}

bool CallListModel::hasQueuedCall() const
{
    return std::any_of(m_ids.cbegin(), m_ids.cend(),
        [this](qint64 id) { return !m_calls->call(id).call.queue.isEmpty(); });
}

int CallListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int CallListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool CallListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_list != CallCenter::List::Active && m_calls->canLoadMore(m_list);
}

void CallListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        m_calls->loadMore(m_list); // the rows come with listsChanged
}

QVariant CallListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LineColumn:
        return tr("Line");
    case NumberColumn:
        return tr("Number");
    case NameColumn:
        return tr("Name at the time");
    case StateColumn:
        return tr("State");
    }
    return {};
}

static QString timeText(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toLocalTime();
    return local.date() == QDate::currentDate() ? local.toString(QStringLiteral("HH:mm"))
                                                : local.toString(QStringLiteral("dd.MM HH:mm"));
}

QString CallListModel::stateText(const CallInfo &info) const
{
    const Call &c = info.call;
    const qint64 me = m_session->me().id;
    PeopleDirectory *people = m_session->people();
    switch (c.state) {
    case Call::State::Ringing:
        return c.direction == Call::Direction::In ? tr("Ringing") : tr("Dialling");
    case Call::State::Answered:
        return c.answeredById == me ? tr("On the line")
            : c.answeredById        ? tr("Answered by %1").arg(people->name(c.answeredById))
                                    : tr("Answered on a shared handset");
    case Call::State::Ended: {
        QString state = tr("Ended, %1").arg(CallHeader::formatDuration(c.duration));
        if (c.answeredById && c.answeredById != me)
            state += tr(" (%1)").arg(people->name(c.answeredById));
        if (c.endedById)
            state += tr(", marked as ended by %1").arg(people->name(c.endedById));
        return state;
    }
    case Call::State::Missed:
        return info.handled ? tr("Missed, handled") : tr("Missed", "a call's state");
    }
    return {};
}

QVariant CallListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qint64 id = m_ids.at(index.row());
    if (role == CallIdRole)
        return id;
    const CallInfo info = m_calls->call(id);
    const Call &c = info.call;
    const bool in = c.direction == Call::Direction::In;
    switch (index.column()) {
    case TimeColumn:
        if (role == Qt::DisplayRole)
            return QString(
                (in ? QStringLiteral("↙ ") : QStringLiteral("↗ ")) + timeText(c.startedAt));
        if (role == Qt::ToolTipRole)
            return in ? tr("Incoming") : tr("Outgoing");
        break;
    case LineColumn: {
        const std::optional<Line> line = m_calls->lineOf(info);
        if (role == Qt::DisplayRole) {
            const QString name = line && !line->name.isEmpty() ? line->name : info.ourNumber();
            return c.queue.isEmpty() ? name : tr("%1 · %2").arg(name, c.queue);
        }
        if (role == Qt::DecorationRole && line) // the line's colour as a swatch
            return QColor(line->color).isValid() ? QColor(line->color) : QColor(Qt::gray);
        if (role == Qt::ToolTipRole && !c.queue.isEmpty())
            return tr("Queue: %1").arg(c.queue);
        break;
    }
    case NumberColumn:
        if (role == Qt::DisplayRole) {
            if (info.remoteNumber().isEmpty())
                return tr("withheld");
            const std::optional<Line> line = m_calls->lineOf(info);
            return PhoneNumber::displayed(info.remoteNumber(), line ? line->region : QString());
        }
        break;
    case NameColumn:
        if (role == Qt::DisplayRole)
            return info.contactName;
        break;
    case StateColumn:
        if (role == Qt::DisplayRole)
            return stateText(info);
        if (role == Qt::ForegroundRole && c.state == Call::State::Missed && !info.handled)
            return QColor(0xc6, 0x28, 0x28); // still to do: red
        break;
    }
    return {};
}

// Only the digits a number query means: "+7 916-123" and "7916123" are the same.
static QString numberQuery(const QString &text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit())
            digits += c;
        else if (!c.isSpace() && c != u'-' && c != u'+' && c != u'(' && c != u')' && c != u'.')
            return {}; // a letter: a name, not a number
    }
    return digits;
}

static QString digitsOf(const QString &text)
{
    QString digits;
    for (const QChar c : text)
        if (c.isDigit())
            digits += c;
    return digits;
}

void CallListFilter::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    m_digits = numberQuery(trimmed);
    invalidateFilter();
}

bool CallListFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const auto text = [&](int column) {
        return sourceModel()->index(sourceRow, column, sourceParent).data().toString();
    };
    return text(CallListModel::NameColumn).contains(m_text, Qt::CaseInsensitive)
        || text(CallListModel::LineColumn).contains(m_text, Qt::CaseInsensitive)
        || (!m_digits.isEmpty() && digitsOf(text(CallListModel::NumberColumn)).contains(m_digits));
}

} // namespace linecard::ui
