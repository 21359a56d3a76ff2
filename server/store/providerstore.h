#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace linecard::server {

class Database;

// A PBX connection. Its inbound token is kept only as a hash and a hint; the PBX's own
// token (for click-to-call) is kept to be sent, and never read back in full.
struct Provider
{
    enum class Format
    {
        PlanFix,
        Zammad
    };

    qint64 id = 0;
    QString name;
    Format format = Format::PlanFix;
    QString tokenHint;
    QString pbxUrl;
    QString pbxToken;
    QDateTime createdAt;

    QJsonObject toJson() const; // the admin view: hints only
    static QString formatName(Format f);
    static std::optional<Format> formatFromName(const QString &name);
    static QString hint(const QString &token);
};

class ProviderStore
{
public:
    explicit ProviderStore(Database &db)
        : m_db(db)
    { }

    QList<Provider> list();
    std::optional<Provider> get(qint64 id);
    // The provider a PBX request's token belongs to.
    std::optional<Provider> byToken(const QString &token);
    bool tokenTaken(const QString &token, qint64 exceptId = 0);

    Provider create(const Provider &draft, const QString &token);
    // token empty = keep the current one
    Provider update(const Provider &next, const QString &newToken);
    void remove(qint64 id);

    static QString hashToken(const QString &token);

private:
    Database &m_db;
};

} // namespace linecard::server
