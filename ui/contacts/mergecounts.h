#pragma once

#include <QObject>

namespace linecard::client {
class RestClient;
}

namespace linecard {
struct PageReply;
}

namespace linecard::ui {

// Counts what a merge would move from a contact: its tasks (any role) and the comments of
// its activity feed, by paging through both lists. Stops counting at a cap: "1000+" says
// enough to an operator deciding whether this is the right duplicate.
class MergeCounts : public QObject
{
    Q_OBJECT
public:
    explicit MergeCounts(client::RestClient *rest, QObject *parent = nullptr);

    void count(qint64 contactId); // starts over
    qint64 contactId() const { return m_contactId; }
    bool isReady() const { return m_pending == 0 && m_contactId; }
    int tasks() const { return m_tasks; }
    int comments() const { return m_comments; }
    bool tasksCapped() const { return m_tasksCapped; }
    bool commentsCapped() const { return m_commentsCapped; }
    QString error() const { return m_error; }

    static constexpr int kPageSize = 200;
    static constexpr int kMaxPages = 5;

signals:
    void ready();

private:
    void countPages(
        const QString &path, const QString &cursor, int page, int *counter, bool *capped);

    client::RestClient *m_rest;
    QObject *m_context = nullptr;
    qint64 m_contactId = 0;
    int m_pending = 0;
    int m_tasks = 0;
    int m_comments = 0;
    bool m_tasksCapped = false;
    bool m_commentsCapped = false;
    QString m_error;
};

} // namespace linecard::ui
