#include "pbxsetup.h"

#include "common/benchdata.h"
#include "common/benchprogram.h"

#include "server/store/database.h"
#include "server/store/linestore.h"
#include "server/store/providerstore.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QUrl>

namespace linecard::bench {

const QString PbxSetup::providerToken = QStringLiteral("bench-planfix-token");

namespace {

const QString lineNumber = QStringLiteral("+7 495 120-00-01");

QByteArray form(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[key, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '='
            + QUrl::toPercentEncoding(value, " ").replace(' ', '+');
    }
    return body;
}

} // namespace

bool PbxSetup::prepare(const QString &dataDir, int callerCount, quint32 seed, QString &error)
{
    BenchData data(dataDir);
    QSqlQuery op = data.db().exec(
        QStringLiteral("SELECT p.id, e.extension FROM people p JOIN extensions e ON "
                       "e.person_id = p.id WHERE p.login = 'op1'"));
    if (!op.next()) {
        error = QStringLiteral("the data set has no operator op1 with an extension "
                               "(linecard-datagen --employees 1 or more)");
        return false;
    }
    operatorId = op.value(0).toLongLong();
    extension = op.value(1).toString();
    server::Transaction tx(data.db());
    operatorToken = data.rows().issueToken(operatorId);
    server::ProviderStore providers(data.db());
    if (!providers.byToken(providerToken)) {
        server::Provider p;
        p.name = QStringLiteral("Bench PBX");
        p.format = server::Provider::Format::PlanFix;
        providers.create(p, providerToken);
    }
    server::LineStore lines(data.db());
    if (!lines.findByNumber(lineNumber)) {
        Line l;
        l.number = lineNumber;
        l.name = QStringLiteral("Bench line");
        l.color = QStringLiteral("#2e7d32");
        lines.create(l);
    }
    tx.commit();
    QRandomGenerator rng(seed);
    QSqlQuery range = data.db().exec(QStringLiteral("SELECT MIN(id), MAX(id) FROM phones"));
    range.next();
    const qint64 minId = range.value(0).toLongLong(), maxId = range.value(1).toLongLong();
    while (callers.size() < callerCount) {
        const qint64 id = minId + qint64(rng.bounded(quint64(maxId - minId + 1)));
        QSqlQuery phone = data.db().exec(
            QStringLiteral("SELECT ph.number, p.name FROM phones ph JOIN people p ON p.id = "
                           "ph.person_id WHERE ph.id = :id AND ph.e164 IS NOT NULL"),
            {{QStringLiteral("id"), id}});
        if (phone.next()) {
            callers << phone.value(0).toString();
            callerNames << phone.value(1).toString();
        }
    }
    summary = data.summary();
    return true;
}

DataSpec PbxSetup::smokeData()
{
    DataSpec smoke;
    smoke.contacts = 500;
    smoke.tasks = 100;
    smoke.employees = 2;
    return smoke;
}

bool PbxSetup::start(BenchProgram &program, int callerCount)
{
    QString error;
    if (!prepare(program.dataDir(), callerCount, quint32(program.count(QStringLiteral("seed"))),
            error)) {
        program.out() << error << '\n';
        return false;
    }
    program.printHeader(summary);
    return true;
}

QByteArray PbxSetup::planFixEvent(const QString &event, const QString &callId, const QString &phone,
    const QString &ext, const QList<std::pair<QString, QString>> &extra)
{
    return form(
        QList<std::pair<QString, QString>> {{QStringLiteral("cmd"), QStringLiteral("event")},
            {QStringLiteral("type"), QStringLiteral("in")}, {QStringLiteral("event"), event},
            {QStringLiteral("phone"), phone},
            {QStringLiteral("diversion"), QStringLiteral("74951200001")},
            {QStringLiteral("ext"), ext}, {QStringLiteral("callid"), callId},
            {QStringLiteral("planfix_token"), providerToken}}
        + extra);
}

} // namespace linecard::bench
