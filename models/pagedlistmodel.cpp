#include "pagedlistmodel.h"
#include "protocol/jsonid.h"

#include <QCborValue>

namespace linecard {

PagedListModel::PagedListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void PagedListModel::setDataSource(DataSource *source)
{
    m_source = source;
    reload();
}

void PagedListModel::setQuery(const QString &path, const QUrlQuery &query)
{
    // A new generation: whatever is in flight for the old query is cancelled.
    ++m_generation;
    delete m_requestContext;
    m_requestContext = nullptr;
    const bool wasLoading = m_loading;
    const bool wasAtEnd = m_atEnd;
    const bool hadError = !m_error.isEmpty();
    // The new state is complete before the reset is announced: a view may call fetchMore()
    // from modelReset, and that request must be the new query's and stay the only one.
    beginResetModel();
    m_path = path;
    m_query = query;
    m_cursor.clear();
    m_rows.clear();
    m_parsed.clear();
    m_ids.clear();
    m_idSet.clear();
    m_loading = false;
    m_atEnd = m_path.isEmpty() || !m_source;
    m_error.clear();
    const bool atEnd = m_atEnd;
    endResetModel();
    if (wasLoading)
        emit loadingChanged();
    if (wasAtEnd != atEnd)
        emit atEndChanged();
    if (hadError)
        emit errorChanged();
}

int PagedListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PagedListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : columns();
}

void PagedListModel::rowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, columns() - 1));
}

QVariant PagedListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == IdRole)
        return m_ids.at(index.row());
    const QJsonObject row = parsedRow(index.row());
    if (role == JsonRole)
        return row;
    return roleData(row, index.column(), role);
}

QHash<int, QByteArray> PagedListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(JsonRole, "json");
    return names;
}

QVariant PagedListModel::roleData(const QJsonObject &row, int, int role) const
{
    if (role == Qt::DisplayRole)
        return row.value(QStringLiteral("id")).toVariant();
    return {};
}

bool PagedListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading && m_source;
}

void PagedListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    setLoading(true);
    QUrlQuery query = m_query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    if (!m_cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), m_cursor);
    const int generation = m_generation;
    QObject *context = new QObject(this);
    m_requestContext = context;
    m_source->fetchPage(
        m_path, query, context, [this, generation, context](const PageReply &reply) {
            if (generation != m_generation)
                return; // a reply for a query that is no longer shown
            context->deleteLater();
            if (m_requestContext == context)
                m_requestContext = nullptr;
            if (!reply.ok) {
                setLoading(false);
                setError(reply.error);
                return;
            }
            setError({});
            QList<QByteArray> fresh;
            QList<qint64> freshIds;
            for (const QJsonObject &item : reply.items) {
                const qint64 id = idOf(item);
                if (m_idSet.contains(id) || freshIds.contains(id))
                    continue; // already here through a live event
                fresh.append(pack(item));
                freshIds.append(id);
            }
            // Cursor and state first: a view may call fetchMore() again from rowsInserted, and
            // must then ask for the next page, not this one again.
            m_cursor = reply.nextCursor;
            setAtEnd(m_cursor.isEmpty());
            setLoading(false);
            if (!fresh.isEmpty()) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size() - 1));
                m_rows.append(fresh);
                m_ids.append(freshIds);
                for (qint64 id : std::as_const(freshIds))
                    m_idSet.insert(id);
                endInsertRows();
            }
            emit pageLoaded();
        });
}

QByteArray PagedListModel::pack(const QJsonObject &item)
{
    return QCborValue::fromJsonValue(item).toCbor();
}

QJsonObject PagedListModel::parsedRow(int row) const
{
    const qint64 id = m_ids.at(row);
    if (const QJsonObject *cached = m_parsed.object(id))
        return *cached;
    auto *parsed = new QJsonObject(QCborValue::fromCbor(m_rows.at(row)).toJsonValue().toObject());
    m_parsed.insert(id, parsed);
    return *parsed;
}

QJsonObject PagedListModel::rowJson(int row) const
{
    return row >= 0 && row < m_rows.size() ? parsedRow(row) : QJsonObject();
}

qint64 PagedListModel::idOf(const QJsonObject &item)
{
    return protocol::idOf(item, QStringLiteral("id"));
}

int PagedListModel::rowOfId(qint64 id) const
{
    return m_idSet.contains(id) ? int(m_ids.indexOf(id)) : -1;
}

int PagedListModel::rowForNew(const QJsonObject &) const
{
    return 0;
}

bool PagedListModel::movesToTopOnUpdate(const QJsonObject &, const QJsonObject &) const
{
    return false;
}

void PagedListModel::upsert(const QJsonObject &item)
{
    const qint64 id = idOf(item);
    const int row = rowOfId(id);
    if (row >= 0) {
        const QJsonObject before = parsedRow(row);
        m_parsed.remove(id);
        if (row > 0 && movesToTopOnUpdate(before, item)) {
            beginMoveRows({}, row, row, {}, 0);
            m_rows.move(row, 0);
            m_ids.move(row, 0);
            endMoveRows();
            m_rows[0] = pack(item);
            rowChanged(0);
        } else {
            m_rows[row] = pack(item);
            rowChanged(row);
        }
        return;
    }
    const int at = rowForNew(item);
    if (at < 0 || at > m_rows.size())
        return;
    beginInsertRows({}, at, at);
    m_rows.insert(at, pack(item));
    m_ids.insert(at, id);
    m_idSet.insert(id);
    endInsertRows();
}

void PagedListModel::removeId(qint64 id)
{
    const int row = rowOfId(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_parsed.remove(id);
    m_ids.removeAt(row);
    m_idSet.remove(id);
    endRemoveRows();
}

void PagedListModel::setLoading(bool loading)
{
    if (m_loading != loading) {
        m_loading = loading;
        emit loadingChanged();
    }
}

void PagedListModel::setAtEnd(bool atEnd)
{
    if (m_atEnd != atEnd) {
        m_atEnd = atEnd;
        emit atEndChanged();
    }
}

void PagedListModel::setError(const QString &error)
{
    if (m_error != error) {
        m_error = error;
        emit errorChanged();
    }
}

} // namespace linecard
