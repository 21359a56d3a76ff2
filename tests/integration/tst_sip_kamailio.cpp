#include "telephonyfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <algorithm>

#include <map>

using namespace linecard::testing;

// SIP end to end: SIPp phones and callers talk SIP through kamailio running the configuration
// the project ships (installer/pbx/kamailio), which posts Zammad Generic CTI requests to the
// real server. Every call is checked through the REST API and an operator's event stream.
// Phones: extension 101 (op1) and 102 (op2); the line +7 495 120-00-01 rings both.
class TestSipKamailio : public QObject
{
    Q_OBJECT

    std::unique_ptr<TelephonyFixture> m_f;
    std::unique_ptr<EventStream> m_op1, m_op2;
    QTemporaryDir m_dir;
    QProcess m_kamailio;
    quint16 m_proxyPort = 0;
    std::map<QString, quint16> m_phonePorts; // extension → the port its phone answers on
    quint16 m_callerPort = 0;
    bool m_failed = false;

    static constexpr int ringTimeoutMs = 1500; // kamailio's no-answer timer, shortened here

    static quint16 freeUdpPort()
    {
        QUdpSocket probe;
        probe.bind(QHostAddress::LocalHost, 0);
        return probe.localPort();
    }
    // Whether a process listens on the loopback UDP port, read from /proc/net/udp: a probe
    // bind could take the port from under the process that is starting.
    static bool portTaken(quint16 port)
    {
        QFile table(QStringLiteral("/proc/net/udp"));
        if (!table.open(QIODevice::ReadOnly))
            return false;
        const QByteArray local = QByteArray("0100007F:")
            + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
        return table.readAll().contains(QByteArray(" " + local + " "));
    }
    static QString scenario(const QString &name)
    {
        return QStringLiteral(LINECARD_SIP_SCENARIOS "/") + name + QStringLiteral(".xml");
    }

    // Runs sipp to the end while the event loop (and with it the server) goes on; says why
    // it failed, from its logs, if it did.
    bool finish(QProcess &p, int timeoutMs)
    {
        bool ok = QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, timeoutMs);
        if (!ok) {
            p.kill();
            p.waitForFinished(2000);
        }
        ok = ok && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        if (!ok)
            qWarning().noquote() << p.objectName() << "failed, exit code" << p.exitCode()
                                 << log(p.objectName() + QStringLiteral(".errors"))
                                 << log(p.objectName() + QStringLiteral(".stderr"));
        return ok;
    }
    QString log(const QString &name) const
    {
        QFile f(m_dir.filePath(name));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().right(4000)) : QString();
    }

    // sipp with the common options; `name` names its error log and its call ids.
    std::unique_ptr<QProcess> sipp(const QString &name, QStringList args)
    {
        auto p = std::make_unique<QProcess>();
        p->setObjectName(name);
        p->setWorkingDirectory(m_dir.path());
        p->setStandardOutputFile(QProcess::nullDevice());
        p->setStandardErrorFile(m_dir.filePath(name + QStringLiteral(".stderr")));
        args << QStringLiteral("-i") << QStringLiteral("127.0.0.1") << QStringLiteral("-nostdin")
             << QStringLiteral("-timeout") << QStringLiteral("40s") << QStringLiteral("-cid_str")
             << name + QStringLiteral("-%u@linecard.test") << QStringLiteral("-trace_err")
             << QStringLiteral("-error_file") << m_dir.filePath(name + QStringLiteral(".errors"));
        p->start(QStringLiteral("sipp"), args);
        return p;
    }
    // A phone of `extension` that takes `calls` calls as the scenario says.
    std::unique_ptr<QProcess> phone(
        const QString &extension, const QString &behaviour, int calls = 1, int pauseMs = 300)
    {
        auto p = sipp(QStringLiteral("phone-") + extension + QLatin1Char('-') + behaviour,
            {QStringLiteral("-sf"), scenario(behaviour), QStringLiteral("-s"), extension,
                QStringLiteral("-p"), QString::number(m_phonePorts.at(extension)),
                QStringLiteral("-m"), QString::number(calls), QStringLiteral("-d"),
                QString::number(pauseMs)});
        const quint16 port = m_phonePorts.at(extension);
        if (!QTest::qWaitFor([&] { return portTaken(port); }, 5000))
            qWarning() << "phone" << extension << "did not start";
        return p;
    }
    // A caller dialling `number`; returns when every call is over (false if one failed).
    bool call(const QString &name, const QString &number, const QString &behaviour,
        const QString &from = QStringLiteral("79161234567"), int calls = 1, int pauseMs = 300,
        const QStringList &extra = {})
    {
        auto p = sipp(name,
            QStringList {QStringLiteral("127.0.0.1:%1").arg(m_proxyPort), QStringLiteral("-sf"),
                scenario(behaviour), QStringLiteral("-s"), number, QStringLiteral("-p"),
                QString::number(m_callerPort), QStringLiteral("-m"), QString::number(calls),
                QStringLiteral("-d"), QString::number(pauseMs), QStringLiteral("-key"),
                QStringLiteral("from_user"), from}
                + extra);
        const bool ok = finish(*p, 60000);
        if (!ok)
            qWarning().noquote() << "caller" << name
                                 << "failed:" << log(name + QStringLiteral(".errors"))
                                 << log(name + QStringLiteral(".stderr"));
        return ok;
    }
    static QString callId(const QString &name) { return name + QStringLiteral("-1@linecard.test"); }

    // The call as the REST API has it, once the PBX's last word has arrived.
    QJsonObject settled(const QString &externalId)
    {
        QJsonObject call;
        (void)QTest::qWaitFor(
            [&] {
                call = m_f->call(externalId);
                const QString state = call.value(QStringLiteral("state")).toString();
                return state == QLatin1String("ended") || state == QLatin1String("missed");
            },
            5000);
        return call;
    }
    // The events of one call on a stream, by type.
    static QStringList eventsOf(const EventStream &s, const QString &externalId)
    {
        QStringList types;
        for (const QString &type : {QStringLiteral("call.ringing"), QStringLiteral("call.answered"),
                 QStringLiteral("call.ended"), QStringLiteral("call.missed")})
            for (const QJsonObject &m : s.ofType(type))
                if (m.value(QStringLiteral("data"))
                        .toObject()
                        .value(QStringLiteral("call"))
                        .toObject()
                        .value(QStringLiteral("externalId"))
                        .toString()
                    == externalId)
                    types << type;
        return types;
    }
    bool waitForEvent(const EventStream &s, const QString &externalId, const QString &type)
    {
        return QTest::qWaitFor([&] { return eventsOf(s, externalId).contains(type); }, 5000);
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("kamailio")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("sipp")).isEmpty())
            QFAIL("kamailio and sipp are needed (installer/setup.sh deps installs them)");
        QVERIFY(m_dir.isValid());
        m_f = std::make_unique<TelephonyFixture>();
        QVERIFY(m_f->ready());
        m_op1 = std::make_unique<EventStream>(m_f->server, m_f->op1Token);
        m_op2 = std::make_unique<EventStream>(m_f->server, m_f->op2Token);
        QVERIFY(m_op1->waitFor(QStringLiteral("hello")));
        QVERIFY(m_op2->waitFor(QStringLiteral("hello")));

        m_proxyPort = freeUdpPort();
        m_phonePorts
            = {{QStringLiteral("101"), freeUdpPort()}, {QStringLiteral("102"), freeUdpPort()}};
        m_callerPort = freeUdpPort();
        const QUrl server = m_f->server.url(QString());
        m_kamailio.setWorkingDirectory(m_dir.path());
        m_kamailio.setProcessChannelMode(QProcess::MergedChannels);
        m_kamailio.setStandardOutputFile(m_dir.filePath(QStringLiteral("kamailio.log")));
        // The shipped configuration as it is; only what its header says to set is set.
        m_kamailio.start(QStringLiteral("kamailio"),
            {QStringLiteral("-DD"), QStringLiteral("-E"), QStringLiteral("-f"),
                QStringLiteral(LINECARD_KAMAILIO_CFG), QStringLiteral("-l"),
                QStringLiteral("udp:127.0.0.1:%1").arg(m_proxyPort), QStringLiteral("-Y"),
                m_dir.path(), QStringLiteral("-A"),
                QStringLiteral("LINECARD_HTTPCON=\"linecard=>http://127.0.0.1:%1\"")
                    .arg(server.port()),
                QStringLiteral("-A"),
                QStringLiteral("LINECARD_TOKEN=\"%1\"")
                    .arg(QLatin1String(TelephonyFixture::zammadToken)),
                QStringLiteral("-A"), QStringLiteral("LINECARD_RING_MS=%1").arg(ringTimeoutMs)});
        QVERIFY2(QTest::qWaitFor([&] { return portTaken(m_proxyPort); }, 10000),
            qPrintable(log(QStringLiteral("kamailio.log"))));
        QVERIFY2(m_kamailio.state() == QProcess::Running,
            qPrintable(log(QStringLiteral("kamailio.log"))));

        // Each phone registers its extension with the port it answers on.
        for (const auto &[extension, port] : m_phonePorts) {
            auto reg = sipp(QStringLiteral("register-") + extension,
                {QStringLiteral("127.0.0.1:%1").arg(m_proxyPort), QStringLiteral("-sf"),
                    scenario(QStringLiteral("register")), QStringLiteral("-s"), extension,
                    QStringLiteral("-p"), QString::number(port), QStringLiteral("-m"),
                    QStringLiteral("1")});
            QVERIFY2(finish(*reg, 10000), qPrintable(log(QStringLiteral("kamailio.log"))));
        }
    }

    void cleanup() { m_failed = m_failed || QTest::currentTestFailed(); }

    void cleanupTestCase()
    {
        if (m_kamailio.state() != QProcess::NotRunning) {
            m_kamailio.terminate();
            if (!m_kamailio.waitForFinished(5000))
                m_kamailio.kill();
        }
        if (m_failed) {
            m_dir.setAutoRemove(false);
            qWarning().noquote() << "kamailio:" << log(QStringLiteral("kamailio.log"))
                                 << "\nthe SIPp and kamailio logs are kept in" << m_dir.path();
        }
        m_op1.reset();
        m_op2.reset();
        m_f.reset();
    }

    // Dialled straight to extension 101, answered, the caller hangs up: newCall, answer,
    // hangup normalClearing — an ended call answered by op1, whose window saw it all.
    void answered()
    {
        auto ext101 = phone(QStringLiteral("101"), QStringLiteral("callee_answer"));
        QVERIFY(call(QStringLiteral("answered"), QStringLiteral("101"), QStringLiteral("caller")));
        QVERIFY(finish(*ext101, 10000));
        const QString id = callId(QStringLiteral("answered"));
        const QJsonObject c = settled(id);
        QCOMPARE(c.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        QCOMPARE(idIn(c, QStringLiteral("answeredById")), m_f->op1);
        QCOMPARE(c.value(QStringLiteral("endReason")).toString(), QStringLiteral("normalClearing"));
        QCOMPARE(c.value(QStringLiteral("from")).toString(), QStringLiteral("79161234567"));
        QVERIFY(c.value(QStringLiteral("answeredAt")).isString());
        QVERIFY(waitForEvent(*m_op1, id, QStringLiteral("call.ended")));
        QCOMPARE(eventsOf(*m_op1, id),
            QStringList({QStringLiteral("call.ringing"), QStringLiteral("call.answered"),
                QStringLiteral("call.ended")}));
        QVERIFY(eventsOf(*m_op2, id).isEmpty());
    }

    // The caller gives up while it rings: CANCEL, hangup cause=cancel — missed.
    void callerCancelled()
    {
        auto ext101 = phone(QStringLiteral("101"), QStringLiteral("callee_ring"));
        QVERIFY(call(
            QStringLiteral("cancelled"), QStringLiteral("101"), QStringLiteral("caller_cancel")));
        QVERIFY(finish(*ext101, 10000));
        const QString id = callId(QStringLiteral("cancelled"));
        const QJsonObject c = settled(id);
        QCOMPARE(c.value(QStringLiteral("state")).toString(), QStringLiteral("missed"));
        QCOMPARE(c.value(QStringLiteral("endReason")).toString(), QStringLiteral("cancel"));
        QVERIFY(c.value(QStringLiteral("answeredById")).isNull());
        QVERIFY(waitForEvent(*m_op1, id, QStringLiteral("call.missed")));
        QCOMPARE(eventsOf(*m_op1, id),
            QStringList({QStringLiteral("call.ringing"), QStringLiteral("call.missed")}));
    }

    // The phone refuses or never answers: missed, the cause from the SIP code.
    void refusedOrUnanswered_data()
    {
        QTest::addColumn<QString>("behaviour");
        QTest::addColumn<QString>("cause");
        QTest::newRow("486 busy") << QStringLiteral("callee_busy") << QStringLiteral("busy");
        QTest::newRow("480 unavailable")
            << QStringLiteral("callee_unavailable") << QStringLiteral("noAnswer");
        // Rings until kamailio's no-answer timer: the caller hears 408.
        QTest::newRow("408 no answer")
            << QStringLiteral("callee_ring") << QStringLiteral("noAnswer");
    }
    void refusedOrUnanswered()
    {
        QFETCH(QString, behaviour);
        QFETCH(QString, cause);
        auto ext101 = phone(QStringLiteral("101"), behaviour);
        const QString name = QStringLiteral("refused-") + behaviour;
        QElapsedTimer clock;
        clock.start();
        QVERIFY(call(name, QStringLiteral("101"), QStringLiteral("caller")));
        if (behaviour == QLatin1String("callee_ring"))
            QVERIFY(clock.elapsed() >= ringTimeoutMs - 100);
        QVERIFY(finish(*ext101, 10000));
        const QJsonObject c = settled(callId(name));
        QCOMPARE(c.value(QStringLiteral("state")).toString(), QStringLiteral("missed"));
        QCOMPARE(c.value(QStringLiteral("endReason")).toString(), cause);
        QVERIFY(c.value(QStringLiteral("answeredAt")).isNull());
        QVERIFY(waitForEvent(*m_op1, callId(name), QStringLiteral("call.missed")));
    }

    // The line rings both extensions; 101 answers, kamailio cancels 102: op2's window opened
    // and closed with the answer, the call is op1's, on the line.
    void groupRing()
    {
        auto ext101 = phone(QStringLiteral("101"), QStringLiteral("callee_answer"), 1, 500);
        auto ext102 = phone(QStringLiteral("102"), QStringLiteral("callee_ring"));
        QVERIFY(
            call(QStringLiteral("group"), QStringLiteral("74951200001"), QStringLiteral("caller")));
        QVERIFY(finish(*ext101, 10000));
        QVERIFY(finish(*ext102, 10000));
        const QString id = callId(QStringLiteral("group"));
        const QJsonObject c = settled(id);
        QCOMPARE(c.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        QCOMPARE(idIn(c, QStringLiteral("answeredById")), m_f->op1);
        QCOMPARE(idIn(c, QStringLiteral("lineId")), m_f->lineId);
        QCOMPARE(c.value(QStringLiteral("targetIds")).toArray(), QJsonArray({m_f->op1, m_f->op2}));
        QVERIFY(waitForEvent(*m_op2, id, QStringLiteral("call.ended")));
        QCOMPARE(eventsOf(*m_op2, id),
            QStringList({QStringLiteral("call.ringing"), QStringLiteral("call.answered"),
                QStringLiteral("call.ended")}));
    }

    // A withheld number ("anonymous" in From) rings and is answered, on nobody's card.
    void withheldCaller()
    {
        auto ext101 = phone(QStringLiteral("101"), QStringLiteral("callee_answer"));
        QVERIFY(call(QStringLiteral("withheld"), QStringLiteral("101"), QStringLiteral("caller"),
            QStringLiteral("anonymous")));
        QVERIFY(finish(*ext101, 10000));
        const QString id = callId(QStringLiteral("withheld"));
        const QJsonObject c = settled(id);
        QCOMPARE(c.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        QCOMPARE(c.value(QStringLiteral("from")).toString(), QStringLiteral("anonymous"));
        QVERIFY(c.value(QStringLiteral("contactId")).isNull());
        QCOMPARE(idIn(c, QStringLiteral("answeredById")), m_f->op1);
        QVERIFY(waitForEvent(*m_op1, id, QStringLiteral("call.ended")));
    }

    // 20 calls a second for 10 s, each answered and talked 300 ms: every one of them ends
    // answered by op1, and op1's stream saw each ring, answer and end exactly once.
    void burst()
    {
        const int calls = 200;
        auto ext101 = phone(QStringLiteral("101"), QStringLiteral("callee_answer"), calls, 100);
        QVERIFY(call(QStringLiteral("burst"), QStringLiteral("101"), QStringLiteral("caller"),
            QStringLiteral("79161234567"), calls, 300,
            {QStringLiteral("-r"), QStringLiteral("20"), QStringLiteral("-l"),
                QStringLiteral("40")}));
        QVERIFY(finish(*ext101, 20000));

        std::map<QString, QString> states;
        auto load = [&] {
            states.clear();
            QString cursor;
            do {
                const HttpResult page = m_f->server.get(QStringLiteral("/api/v1/calls?limit=200")
                        + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor),
                    m_f->op1Token);
                for (const QJsonValue &v : page.json.value(QStringLiteral("items")).toArray()) {
                    const QJsonObject c = v.toObject();
                    const QString id = c.value(QStringLiteral("externalId")).toString();
                    if (id.startsWith(QLatin1String("burst-")))
                        states[id] = c.value(QStringLiteral("state")).toString()
                            + (idIn(c, QStringLiteral("answeredById")) == m_f->op1
                                    ? QStringLiteral("/op1")
                                    : QString());
                }
                cursor = page.json.value(QStringLiteral("nextCursor")).toString();
            } while (!cursor.isEmpty());
            return std::all_of(states.begin(), states.end(), [](const auto &s) {
                return s.second == QLatin1String("ended/op1");
            }) && states.size() == size_t(calls);
        };
        QVERIFY2(QTest::qWaitFor(load, 10000),
            qPrintable(QStringLiteral("%1 burst calls stored").arg(states.size())));
        for (const QString &type : {QStringLiteral("call.ringing"), QStringLiteral("call.answered"),
                 QStringLiteral("call.ended")}) {
            QSet<QString> ids;
            int n = 0;
            for (const QJsonObject &m : m_op1->ofType(type)) {
                const QString id = m.value(QStringLiteral("data"))
                                       .toObject()
                                       .value(QStringLiteral("call"))
                                       .toObject()
                                       .value(QStringLiteral("externalId"))
                                       .toString();
                if (id.startsWith(QLatin1String("burst-"))) {
                    ids.insert(id);
                    ++n;
                }
            }
            QCOMPARE(ids.size(), calls);
            QCOMPARE(n, calls);
        }
        QCOMPARE(m_f->calls(QStringLiteral("active")).size(), 0);
    }

    // Every CTI request kamailio sent was taken (the configuration logs any other answer),
    // and kamailio logged no error along the way.
    void everyRequestAccepted()
    {
        QFile file(m_dir.filePath(QStringLiteral("kamailio.log")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(!text.contains("linecard: CTI request answered"), text.right(3000).constData());
        QVERIFY2(!text.contains(" ERROR: "), text.right(3000).constData());
        QVERIFY2(!text.contains(" CRITICAL: "), text.right(3000).constData());
    }
};

QTEST_GUILESS_MAIN(TestSipKamailio)
#include "tst_sip_kamailio.moc"
