#include "mergecounts.h"

#include "app/restclient.h"

namespace linecard::ui {

MergeCounts::MergeCounts(client::RestClient *rest, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
{ }

void MergeCounts::count(qint64 contactId)
{
    delete m_context; // cancels a count still running for another contact
    m_context = new QObject(this);
    m_contactId = contactId;
    m_tasks = m_comments = 0;
    m_tasksCapped = m_commentsCapped = false;
    m_error.clear();
    m_pending = 2;
    countPages(QStringLiteral("/api/v1/contacts/%1/tasks").arg(contactId), {}, 1, &m_tasks,
        &m_tasksCapped);
    countPages(QStringLiteral("/api/v1/contacts/%1/activity").arg(contactId), {}, 1, &m_comments,
        &m_commentsCapped);
}

void MergeCounts::countPages(
    const QString &path, const QString &cursor, int page, int *counter, bool *capped)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(kPageSize));
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    m_rest->fetchPage(
        path, query, m_context, [this, path, page, counter, capped](const PageReply &reply) {
            if (!reply.ok)
                m_error = reply.error;
            *counter += int(reply.items.size());
            if (reply.ok && !reply.nextCursor.isEmpty()) {
                if (page < kMaxPages) {
                    countPages(path, reply.nextCursor, page + 1, counter, capped);
                    return;
                }
                *capped = true;
            }
            if (--m_pending == 0)
                emit ready();
        });
}

} // namespace linecard::ui
