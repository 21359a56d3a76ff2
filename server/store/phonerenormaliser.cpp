#include "phonerenormaliser.h"

#include "../logging.h"
#include "database.h"
#include "linestore.h"
#include "models/accountsettings.h"
#include "models/phonenumber.h"
#include "peoplestore.h"
#include "rowvalues.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

namespace linecard::server {

QString PhoneRenormaliser::accountRegion()
{
    // The settings row, as SettingsStore will read it (which does not exist yet here).
    const QVariant stored
        = m_db.scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'account'"));
    const QString region = QJsonDocument::fromJson(stored.toByteArray())
                               .object()
                               .value(QStringLiteral("phoneRegion"))
                               .toString();
    return PhoneNumber::isKnownRegion(region) ? region : AccountSettings::defaultPhoneRegion();
}

PhoneRenormaliser::Result PhoneRenormaliser::run()
{
    const QString region = accountRegion();
    Result result;
    QSet<qint64> people;
    struct Row
    {
        qint64 id;
        qint64 personId;
        QString number;
        QString e164;
        QString tailKey;
    };
    // In batches by id: all of 1,000,000 contacts' numbers at once took 780 MB.
    constexpr int batchSize = 50000;
    for (qint64 last = 0;;) {
        QList<Row> rows;
        {
            Database::Rows q = m_db.exec(
                QStringLiteral(
                    "SELECT id, person_id, number, e164, tail_key FROM phones WHERE id > :last "
                    "ORDER BY id LIMIT %1")
                    .arg(batchSize),
                {{QStringLiteral("last"), last}});
            while (q.next())
                rows.append({q.value(0).toLongLong(), q.value(1).toLongLong(),
                    q.value(2).toString(), q.value(3).toString(), q.value(4).toString()});
        }
        if (rows.isEmpty())
            break;
        last = rows.last().id;
        for (const Row &row : rows) {
            ++result.numbers;
            const PhoneNumber phone = PhoneNumber::parse(row.number, region);
            if (!phone.isValid())
                ++result.invalid;
            const QString number = phone.canonical();
            if (number == row.number && phone.matchE164() == row.e164
                && phone.matchTailKey() == row.tailKey)
                continue;
            ++result.rewritten;
            people.insert(row.personId);
            m_db.exec(
                QStringLiteral("UPDATE phones SET number = :n, e164 = :e164, tail_key = :tail "
                               "WHERE id = :id"),
                {{QStringLiteral("id"), row.id}, {QStringLiteral("n"), number},
                    {QStringLiteral("e164"), nullableText(phone.matchE164())},
                    {QStringLiteral("tail"), nullableText(phone.matchTailKey())}});
        }
    }
    PeopleStore store(m_db);
    for (const qint64 person : std::as_const(people))
        store.reindex(person);
    LineStore lines(m_db);
    for (const Line &line : lines.list())
        lines.update(line);
    qCInfo(lcStore) << "phone numbers normalised:" << result.numbers << "read," << result.rewritten
                    << "rewritten," << result.invalid << "left as written";
    return result;
}

} // namespace linecard::server
