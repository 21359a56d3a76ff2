#pragma once

#include "datasource.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QJsonObject>
#include <QSet>
#include <QUrlQuery>

namespace linecard {

// A list (or a table: columns()) fetched page by page on demand (canFetchMore/fetchMore) from a
// DataSource, with one request in flight; replies for an older query are dropped. Rows are the
// API's JSON objects; subclasses map them to roles and may keep them current from live events.
class PagedListModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(bool atEnd READ isAtEnd NOTIFY atEndChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        JsonRole,
        FirstCustomRole
    };

    explicit PagedListModel(QObject *parent = nullptr);

    void setDataSource(DataSource *source);
    // Starts over with a new endpoint/query; nothing is fetched until fetchMore().
    void setQuery(const QString &path, const QUrlQuery &query = {});
    void setPageSize(int size) { m_pageSize = size; }
    void reload() { setQuery(m_path, m_query); }

    bool isLoading() const { return m_loading; }
    bool isAtEnd() const { return m_atEnd; }
    QString error() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

    QJsonObject rowJson(int row) const;
    int rowOfId(qint64 id) const;
    static qint64 idOf(const QJsonObject &item); // the "id" every row carries
    static QByteArray pack(const QJsonObject &item);
    QJsonObject parsedRow(int row) const; // a copy: the cache may drop its entry later
    // Inserts or replaces a row by id (a live event); new rows go where rowForNew says.
    void upsert(const QJsonObject &item);
    void removeId(qint64 id);

signals:
    void loadingChanged();
    void atEndChanged();
    void errorChanged();
    void pageLoaded();

protected:
    // Where a row that arrives live belongs: 0 for newest-first lists, rowCount() for
    // oldest-first ones; -1 to ignore it (not loaded that far yet).
    virtual int rowForNew(const QJsonObject &item) const;
    // Rows that must move when their JSON changes (e.g. newer activity) return true.
    virtual bool movesToTopOnUpdate(const QJsonObject &before, const QJsonObject &after) const;
    virtual QVariant roleData(const QJsonObject &row, int column, int role) const;
    virtual int columns() const { return 1; }
    void rowChanged(int row);

private:
    void setLoading(bool loading);
    void setAtEnd(bool atEnd);
    void setError(const QString &error);

    DataSource *m_source = nullptr;
    QString m_path;
    QUrlQuery m_query;
    QString m_cursor;
    // Rows are kept as compact CBOR and parsed again for the few a view shows (the cache
    // holds those, by id): a QJsonObject per row costs ~1 KB, too much at 100,000 rows.
    QList<QByteArray> m_rows;
    mutable QCache<qint64, QJsonObject> m_parsed {512};
    // The rows' ids, in row order and as a set: finding a row must not parse JSON, or a
    // list scrolled to 100,000 rows costs a quadratic number of lookups.
    QList<qint64> m_ids;
    QSet<qint64> m_idSet;
    int m_pageSize = 50;
    int m_generation = 0;
    bool m_loading = false;
    bool m_atEnd = true;
    QString m_error;
    QObject *m_requestContext = nullptr;
};

} // namespace linecard
