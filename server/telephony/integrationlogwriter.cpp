#include "integrationlogwriter.h"

#include "../logging.h"
#include "../store/database.h"

#include <QTimer>

namespace linecard::server {

static constexpr int BatchMs = 250;

IntegrationLogWriter::IntegrationLogWriter(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(BatchMs);
    connect(m_timer, &QTimer::timeout, this, &IntegrationLogWriter::flush);
}

IntegrationLogWriter::~IntegrationLogWriter()
{
    flush();
}

void IntegrationLogWriter::enqueue(const IntegrationLogEntry &entry)
{
    if (entry.status == 401 || entry.status == 403) {
        ++m_rejectedCount;
        m_rejected.append(entry);
        if (m_rejected.size() > RejectedSamples)
            m_rejected.removeFirst();
        return;
    }
    m_pending.append(entry);
    if (!m_timer->isActive())
        m_timer->start();
}

void IntegrationLogWriter::flush()
{
    m_timer->stop();
    if (m_pending.isEmpty())
        return;
    const QList<IntegrationLogEntry> batch = std::move(m_pending);
    m_pending.clear();
    try {
        m_db.writeLazily([&] { IntegrationLogStore(m_db).append(batch); });
    } catch (const StoreError &e) {
        // The PBX's answers never depended on the log.
        qCWarning(lcTelephony) << "integration log:" << batch.size() << "entries lost:" << e.what();
    }
}

} // namespace linecard::server
