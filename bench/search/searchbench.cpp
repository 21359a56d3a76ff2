#include "searchbench.h"

#include "common/barerelay.h"
#include "common/benchdata.h"
#include "common/benchhttp.h"
#include "common/benchprogram.h"
#include "common/benchserver.h"
#include "common/samples.h"

#include "server/store/database.h"

#include "models/phonenumber.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QUrlQuery>

#include <algorithm>
#include <functional>

namespace linecard::bench {

namespace {

enum Kind
{
    Phone,
    Name,
    Combined,
    KindCount
};

const char *kindLabel[] = {"phone 4 digits", "name fragment", "name + phone"};

struct Query
{
    Kind kind;
    QString text;
};

struct Sampled
{
    QString name;
    QString phone;
};

// A random live contact with a phone; "what an operator might type" comes from it, so
// every query has at least one answer.
Sampled sampleContact(server::Database &db, QRandomGenerator &rng, qint64 minId, qint64 maxId)
{
    for (;;) {
        const qint64 id = minId + qint64(rng.bounded(quint64(maxId - minId + 1)));
        QSqlQuery q = db.exec(QStringLiteral("SELECT p.name, ph.number FROM people p JOIN phones "
                                             "ph ON ph.person_id = p.id WHERE p.id = :id AND "
                                             "p.kind = 'contact' AND p.merged_into IS NULL"),
            {{QStringLiteral("id"), id}});
        QList<Sampled> rows;
        while (q.next())
            rows.append({q.value(0).toString(), q.value(1).toString()});
        if (!rows.isEmpty())
            return rows.at(int(rng.bounded(quint32(rows.size()))));
    }
}

QString digitsFragment(const QString &phone, QRandomGenerator &rng)
{
    const QStringList forms = PhoneNumber::parse(phone).searchForms();
    const QString digits = forms.at(int(rng.bounded(quint32(forms.size()))));
    return digits.mid(int(rng.bounded(quint32(digits.size() - 3))), 4);
}

QString nameFragment(const QString &name, QRandomGenerator &rng, bool prefix)
{
    QStringList words = name.split(u' ', Qt::SkipEmptyParts);
    words.erase(
        std::remove_if(words.begin(), words.end(), [](const QString &w) { return w.size() < 3; }),
        words.end());
    const QString word = words.isEmpty() ? name : words.at(int(rng.bounded(quint32(words.size()))));
    const int length = qMin(int(word.size()), 3 + int(rng.bounded(3)));
    const int start = prefix ? 0 : int(rng.bounded(quint32(word.size() - length + 1)));
    QString fragment = word.mid(start, length);
    return rng.bounded(2) ? fragment.toLower() : fragment;
}

Query makeQuery(Kind kind, const Sampled &c, QRandomGenerator &rng)
{
    switch (kind) {
    case Phone:
        return {kind, digitsFragment(c.phone, rng)};
    case Name:
        return {kind, nameFragment(c.name, rng, false)};
    default:
        return {kind, nameFragment(c.name, rng, true) + u' ' + digitsFragment(c.phone, rng)};
    }
}

} // namespace

int runSearchBench(int argc, char *argv[])
{
    BenchProgram::prepareEnvironment();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("linecard-bench-search"));
    BenchProgram program(app,
        QStringLiteral("Contact search (GET /api/v1/contacts?q=) over real HTTP on loopback: "
                       "4-digit phone fragments, name fragments, both combined."));
    program.addCount(
        QStringLiteral("queries"), QStringLiteral("Measured queries of each kind"), 1000, 20);
    program.addCount(QStringLiteral("warmup"), QStringLiteral("Unmeasured queries first"), 150, 3);
    program.addCount(QStringLiteral("limit"), QStringLiteral("Page size"), 50, 50);
    program.addCount(QStringLiteral("seed"), QStringLiteral("Random seed"), 7, 7);
    program.addCount(QStringLiteral("slowest"),
        QStringLiteral("Slowest queries of each kind to print (what makes the tail)"), 0, 0);
    DataSpec smoke;
    smoke.contacts = 2000;
    smoke.tasks = 50;
    smoke.employees = 3;
    if (!program.start(smoke))
        return 2;
    QTextStream &out = program.out();
    const int perKind = program.count(QStringLiteral("queries"));
    const int warmup = program.count(QStringLiteral("warmup"));
    const int limit = program.count(QStringLiteral("limit"));
    const int slowest = program.count(QStringLiteral("slowest"));
    QRandomGenerator rng(quint32(program.count(QStringLiteral("seed"))));

    QString token;
    QList<Query> queries, warmQueries;
    QString summary;
    QString matchSizes;
    {
        BenchData data(program.dataDir());
        summary = data.summary();
        server::Transaction tx(data.db());
        token = data.rows().issueToken(data.administratorId());
        tx.commit();
        QSqlQuery range = data.db().exec(QStringLiteral(
            "SELECT MIN(id), MAX(id) FROM people WHERE kind = 'contact' AND is_company = 0"));
        range.next();
        const qint64 minId = range.value(0).toLongLong(), maxId = range.value(1).toLongLong();
        if (maxId <= 0) {
            out << "no contacts in " << program.dataDir() << '\n';
            return 1;
        }
        for (int i = 0; i < warmup; ++i)
            warmQueries.append(
                makeQuery(Kind(i % KindCount), sampleContact(data.db(), rng, minId, maxId), rng));
        for (int i = 0; i < perKind; ++i)
            for (int k = 0; k < KindCount; ++k)
                queries.append(
                    makeQuery(Kind(k), sampleContact(data.db(), rng, minId, maxId), rng));
        // How many contacts a fragment matches (what the query has to order), from a few.
        QStringList sizes;
        // (SQLite's trigram index only; PostgreSQL's search is a pg_trgm ILIKE.)
        for (int k = 0; k < (BenchProgram::databaseUrl().isEmpty() ? 2 : 0); ++k) {
            qint64 total = 0, most = 0;
            int n = 0;
            for (const Query &q : queries) {
                if (q.kind != k || n == 20)
                    continue;
                QString match = q.text;
                match.replace(u'"', QStringLiteral("\"\""));
                match = u'"' + match + u'"';
                const qint64 c = data.number(
                    QStringLiteral(
                        "SELECT COUNT(*) FROM contact_search WHERE contact_search MATCH :m"),
                    {{QStringLiteral("m"), match}});
                total += c;
                most = qMax(most, c);
                ++n;
            }
            sizes << QStringLiteral("%1: mean %2, max %3")
                         .arg(QLatin1String(kindLabel[k]))
                         .arg(n ? total / n : 0)
                         .arg(most);
        }
        matchSizes = sizes.join(QStringLiteral("; "));
    }

    program.printHeader(summary);
    out << "contacts matched per fragment (sample of 20): " << matchSizes << '\n';
    out << "server: in-process LinecardServer on its own thread; client: HTTP/1.1 on one "
           "kept-alive "
           "socket on the main thread, one request at a time, limit="
        << limit << '\n';
    out.flush();

    BenchServer server(program.dataDir());
    server.setSynchronous(program.synchronous());
    BenchHttp http(server.url());
    auto search = [&](const Query &q) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("q"), q.text);
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        return http.get(
            QStringLiteral("/api/v1/contacts?") + query.toString(QUrl::FullyEncoded), token);
    };
    int failures = 0;
    for (const Query &q : warmQueries)
        search(q);
    Samples samples[KindCount];
    QByteArray answers[KindCount]; // one real answer of each kind, for the bare relay
    Samples all;
    QList<std::pair<qint64, QString>> timed[KindCount]; // (ns, "q (n items)")
    const qint64 started = nowNs();
    const qint64 cpuStarted = processCpuNs();
    for (const Query &q : queries) {
        const HttpReply r = search(q);
        const int found = int(r.json().value(QStringLiteral("items")).toArray().size());
        if (r.status != 200 || found == 0) {
            if (++failures <= 5)
                out << "  unexpected answer to q=\"" << q.text << "\": " << r.status << ' ' << found
                    << " items\n";
            continue;
        }
        samples[q.kind].add(r.nanoseconds);
        timed[q.kind].append(
            {r.nanoseconds, QStringLiteral("\"%1\" (%2 items)").arg(q.text).arg(found)});
        if (answers[q.kind].isEmpty())
            answers[q.kind] = r.body;
        all.add(r.nanoseconds);
    }
    const double wallSeconds = double(nowNs() - started) / 1e9;
    const qint64 cpu = processCpuNs() - cpuStarted;
    for (int k = 0; k < KindCount; ++k)
        out << samples[k].line(QLatin1String(kindLabel[k])) << '\n';
    out << all.line(QStringLiteral("all"), double(all.count()) / wallSeconds) << '\n';
    program.printCpu(cpu, int(queries.size()), QStringLiteral("search"));
    for (int k = 0; k < KindCount && slowest > 0; ++k) {
        std::sort(timed[k].begin(), timed[k].end(), std::greater<>());
        out << "slowest " << kindLabel[k] << ':';
        for (int i = 0; i < qMin(slowest, int(timed[k].size())); ++i)
            out << ' ' << QString::number(double(timed[k].at(i).first) / 1e6, 'f', 2) << " ms "
                << timed[k].at(i).second << ';';
        out << '\n';
    }
    // The floor: the same requests through a bare relay answering a real answer of that kind.
    {
        BareRelay relay;
        BenchHttp relayHttp(relay.url());
        for (int k = 0; k < KindCount; ++k) {
            relay.setBody(answers[k]);
            Samples floor;
            for (const Query &q : queries) {
                if (q.kind != k)
                    continue;
                QUrlQuery query;
                query.addQueryItem(QStringLiteral("q"), q.text);
                query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
                const HttpReply r = relayHttp.get(
                    QStringLiteral("/api/v1/contacts?") + query.toString(QUrl::FullyEncoded),
                    token);
                if (r.status == 200 && r.body == answers[k])
                    floor.add(r.nanoseconds);
            }
            program.printFloor(QLatin1String(kindLabel[k]), samples[k], floor);
        }
    }
    program.printTarget(QStringLiteral("phone search p99"), samples[Phone].percentileMs(99), 10);
    program.printTarget(QStringLiteral("name search p99"), samples[Name].percentileMs(99), 10);
    if (failures) {
        out << failures << " queries failed or found nothing\n";
        return 1;
    }
    return 0;
}

} // namespace linecard::bench
