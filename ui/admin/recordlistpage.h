#pragma once

#include <QJsonObject>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

// What every administration page shares: the records of one server collection (people,
// lines, PBX providers), one row each keyed by id with the record's JSON kept on it, read
// again on a resync, and a message line for what went wrong. A subclass fills its columns
// (showRecord), follows its own events and lays out its buttons.
class RecordListPage : public QWidget
{
    Q_OBJECT
public:
    QTreeWidget *list() const { return m_list; }
    bool isLoaded() const { return m_loaded; }
    QTreeWidgetItem *itemFor(qint64 id) const;
    void select(qint64 id);
    QString statusText() const; // the message line, error or not; empty when hidden
    QString errorText() const; // the message line if it reports an error

    void reload();
    virtual void editSelected() = 0;

signals:
    void loaded();

protected:
    // `collection`: the GET path whose `items` are the records; `loadFailed`: "…: %1".
    RecordListPage(client::Session *session, const QString &collection, const QString &loadFailed,
        QWidget *parent);

    // Puts a record on its row (made if missing); called for every record read or announced.
    virtual void showRecord(const QJsonObject &record) = 0;
    // The selection or the rows changed: enable the buttons that need a selection.
    virtual void updateButtons() = 0;

    // The record's row, made if missing, with its id and JSON set.
    QTreeWidgetItem *rowFor(qint64 id, const QJsonObject &record);
    QJsonObject recordOf(const QTreeWidgetItem *item) const;
    // The current row's record; empty when none is selected or it is filtered out.
    QJsonObject selectedRecord() const;
    void removeRow(qint64 id);

    void showMessage(const QString &text, bool error);
    void clearMessage();
    QLabel *messageLine() const { return m_message; }
    // Every column as wide as its widest text (Russian headers and numbers are long), but
    // `stretchColumn`, which takes the rest of the width.
    void fitColumns(int stretchColumn);
    static QHBoxLayout *buttonRow(std::initializer_list<QWidget *> buttons);

    client::Session *m_session;

private:
    QTreeWidget *m_list;
    QLabel *m_message;
    QString m_collection;
    QString m_loadFailed;
    bool m_loaded = false;
};

} // namespace linecard::ui
