#pragma once

#include "app/callcenter.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

class QTimer;

namespace linecard::client {
class Session;
} // namespace linecard::client

namespace linecard::ui {

// One list of the Calls area (current, missed or history) as a table over the CallCenter: a
// row per call, newest first, with the names as they were when each call came in. It follows
// the CallCenter by inserting, removing and changing rows (never a reset), so a view keeps
// its selection; the history and the missed calls load older pages as a view scrolls down.
class CallListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        LineColumn,
        NumberColumn,
        NameColumn,
        StateColumn,
        ColumnCount
    };
    enum Role
    {
        CallIdRole = Qt::UserRole + 1
    };

    CallListModel(client::Session *session, client::CallCenter *calls,
        client::CallCenter::List list, QObject *parent = nullptr);

    client::CallCenter::List list() const { return m_list; }
    qint64 callId(int row) const { return m_ids.value(row); }
    int rowOf(qint64 callId) const { return int(m_ids.indexOf(callId)); }
    // Some row's line carries a queue ("Sales · Support"): its column wants its full width.
    bool hasQueuedCall() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

private:
    // Brings the rows in line with the CallCenter's list (both newest first).
    void sync();
    void callChanged(qint64 callId);
    void allRowsChanged(int firstColumn, int lastColumn);
    QString stateText(const client::CallInfo &info) const;

    client::Session *m_session;
    client::CallCenter *m_calls;
    client::CallCenter::List m_list;
    QList<qint64> m_ids;
    QTimer *m_namesChanged;
};

// What the Calls area's search box leaves visible: rows whose caller name or line contains
// the text, or whose number contains its digits when it is a number ("+7 916-123" and
// "7916123" alike). Empty shows all.
class CallListFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QString m_digits; // empty unless the text is a number
};

} // namespace linecard::ui
