#include "providerstore.h"

#include "database.h"
#include "models/jsonread.h"
#include "rowvalues.h"

#include <QCryptographicHash>
#include <QSqlQuery>

namespace linecard::server {

QString Provider::formatName(Format f)
{
    return f == Format::PlanFix ? QStringLiteral("planfix") : QStringLiteral("zammad");
}

std::optional<Provider::Format> Provider::formatFromName(const QString &name)
{
    if (name == QLatin1String("planfix"))
        return Format::PlanFix;
    if (name == QLatin1String("zammad"))
        return Format::Zammad;
    return std::nullopt;
}

QString Provider::hint(const QString &token)
{
    // Enough to tell two tokens apart in a list, far too little to guess one.
    return token.size() < 8 ? QStringLiteral("…") : QString(u'…' + token.right(4));
}

QJsonObject Provider::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), name},
        {QStringLiteral("format"), formatName(format)}, {QStringLiteral("tokenHint"), tokenHint},
        {QStringLiteral("pbxUrl"), pbxUrl},
        {QStringLiteral("pbxTokenHint"), pbxToken.isEmpty() ? QString() : hint(pbxToken)},
        {QStringLiteral("createdAt"), isoTime(createdAt)}};
}

static const QString providerColumns
    = QStringLiteral("id, name, format, token_hint, pbx_url, pbx_token, created_at");

static QList<Provider> readProviders(QSqlQuery &q)
{
    QList<Provider> out;
    while (q.next()) {
        Provider p;
        p.id = q.value(0).toLongLong();
        p.name = q.value(1).toString();
        p.format
            = Provider::formatFromName(q.value(2).toString()).value_or(Provider::Format::PlanFix);
        p.tokenHint = q.value(3).toString();
        p.pbxUrl = q.value(4).toString();
        p.pbxToken = q.value(5).toString();
        p.createdAt = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
        out.append(p);
    }
    return out;
}

QString ProviderStore::hashToken(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QList<Provider> ProviderStore::list()
{
    Database::Rows q
        = m_db.exec(QStringLiteral("SELECT %1 FROM providers ORDER BY id").arg(providerColumns));
    return readProviders(q);
}

std::optional<Provider> ProviderStore::get(qint64 id)
{
    Database::Rows q
        = m_db.exec(QStringLiteral("SELECT %1 FROM providers WHERE id = :id").arg(providerColumns),
            {{QStringLiteral("id"), id}});
    const QList<Provider> all = readProviders(q);
    return all.isEmpty() ? std::nullopt : std::optional<Provider>(all.first());
}

std::optional<Provider> ProviderStore::byToken(const QString &token)
{
    if (token.isEmpty())
        return std::nullopt;
    // Looked up by hash: the token itself is never compared, stored or logged.
    Database::Rows q = m_db.exec(
        QStringLiteral("SELECT %1 FROM providers WHERE token_hash = :h").arg(providerColumns),
        {{QStringLiteral("h"), hashToken(token)}});
    const QList<Provider> all = readProviders(q);
    return all.isEmpty() ? std::nullopt : std::optional<Provider>(all.first());
}

bool ProviderStore::tokenTaken(const QString &token, qint64 exceptId)
{
    return m_db.scalar(QStringLiteral(
                           "SELECT COUNT(*) FROM providers WHERE token_hash = :h AND id <> :id"),
                   {{QStringLiteral("h"), hashToken(token)}, {QStringLiteral("id"), exceptId}})
               .toInt()
        > 0;
}

Provider ProviderStore::create(const Provider &draft, const QString &token)
{
    const qint64 id = m_db.insert(
        QStringLiteral("INSERT INTO providers(name, format, token_hash, token_hint, pbx_url, "
                       "pbx_token, created_at) VALUES (:name, :format, :hash, :hint, :url, "
                       ":pbxToken, :t)"),
        {{QStringLiteral("name"), draft.name},
            {QStringLiteral("format"), Provider::formatName(draft.format)},
            {QStringLiteral("hash"), hashToken(token)},
            {QStringLiteral("hint"), Provider::hint(token)},
            {QStringLiteral("url"), notNull(draft.pbxUrl)},
            {QStringLiteral("pbxToken"), notNull(draft.pbxToken)},
            {QStringLiteral("t"), storedNow()}});
    return *get(id);
}

Provider ProviderStore::update(const Provider &next, const QString &newToken)
{
    Transaction tx(m_db);
    m_db.exec(QStringLiteral("UPDATE providers SET name = :name, format = :format, "
                             "pbx_url = :url, pbx_token = :pbxToken WHERE id = :id"),
        {{QStringLiteral("id"), next.id}, {QStringLiteral("name"), next.name},
            {QStringLiteral("format"), Provider::formatName(next.format)},
            {QStringLiteral("url"), notNull(next.pbxUrl)},
            {QStringLiteral("pbxToken"), notNull(next.pbxToken)}});
    if (!newToken.isEmpty())
        m_db.exec(QStringLiteral(
                      "UPDATE providers SET token_hash = :hash, token_hint = :hint WHERE id = :id"),
            {{QStringLiteral("id"), next.id}, {QStringLiteral("hash"), hashToken(newToken)},
                {QStringLiteral("hint"), Provider::hint(newToken)}});
    tx.commit();
    return *get(next.id);
}

void ProviderStore::remove(qint64 id)
{
    Transaction tx(m_db);
    // Past calls stay in the history without their provider.
    m_db.exec(QStringLiteral("UPDATE calls SET provider_id = NULL WHERE provider_id = :id"),
        {{QStringLiteral("id"), id}});
    m_db.exec(QStringLiteral("DELETE FROM providers WHERE id = :id"), {{QStringLiteral("id"), id}});
    tx.commit();
}

} // namespace linecard::server
