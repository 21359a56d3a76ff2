// The wire protocol module (protocol/): every event type keeps its wire name both ways, the
// event stream's messages read back as written, ids are read one way.
#include "protocol/closecodes.h"
#include "protocol/eventtype.h"
#include "protocol/jsonid.h"
#include "protocol/streammessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace linecard::protocol;

class TestProtocol : public QObject
{
    Q_OBJECT

private slots:
    void everyEventTypeRoundTrips()
    {
        QSet<QString> names;
        for (int i = 0; i <= int(EventType::SettingsUpdated); ++i) {
            const auto type = EventType(i);
            const QString name = eventName(type);
            QVERIFY2(name.contains(u'.'), qPrintable(name));
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
            QCOMPARE(eventTypeFromName(name), std::optional<EventType>(type));
        }
        QCOMPARE(names.size(), 22);
        // The names the API documents (docs/api.md) stay as they are on the wire.
        QCOMPARE(eventName(EventType::CallDialFailed), QStringLiteral("call.dialFailed"));
        QCOMPARE(eventName(EventType::TaskRead), QStringLiteral("task.read"));
        QCOMPARE(eventName(EventType::ContactMerged), QStringLiteral("contact.merged"));
        QCOMPARE(eventTypeFromName(QStringLiteral("task.archived")), std::nullopt);
        QCOMPARE(eventTypeFromName(QString()), std::nullopt);
    }

    void groupsOfEvents()
    {
        QVERIFY(isCommentEvent(EventType::CommentDeleted));
        QVERIFY(!isCommentEvent(EventType::ContactUpdated));
        QVERIFY(isTaskEvent(EventType::TaskRead));
        QVERIFY(isCallEvent(EventType::CallDialFailed));
        QVERIFY(isCallEvent(EventType::CallRinging));
        QVERIFY(!isCallEvent(EventType::LineUpdated));
    }

    void closeCodesAreTheDocumentedOnes()
    {
        QCOMPARE(int(Unauthorized), 4401);
        QCOMPARE(int(PersonGone), 4403);
    }

    void idsAreIntegers()
    {
        const QJsonObject o = QJsonDocument::fromJson(
            R"({"id": 9007199254740991, "half": 1.5, "text": "7", "none": null, "ids": [1, 2, 3]})")
                                  .object();
        QCOMPARE(idOf(o), qint64(9007199254740991));
        QCOMPARE(idOf(o, QStringLiteral("half")), qint64(0)); // not an integer: no id
        QCOMPARE(idOf(o, QStringLiteral("text")), qint64(0));
        QCOMPARE(idOf(o, QStringLiteral("none")), qint64(0));
        QCOMPARE(idOf(o, QStringLiteral("absent")), qint64(0));
        QCOMPARE(idsOf(o.value(QStringLiteral("ids"))), (QList<qint64> {1, 2, 3}));
    }

    void streamMessagesReadBackAsWritten()
    {
        const auto hello = StreamMessage::parse(StreamMessage::hello(41, 7));
        QVERIFY(hello);
        QCOMPARE(hello->kind, StreamMessage::Kind::Hello);
        QCOMPARE(hello->seq, qint64(41));
        QCOMPARE(idOf(hello->data, QStringLiteral("userId")), qint64(7));

        const auto resync = StreamMessage::parse(StreamMessage::resync(99));
        QVERIFY(resync);
        QCOMPARE(resync->kind, StreamMessage::Kind::Resync);
        QCOMPARE(resync->seq, qint64(99));

        const QJsonObject task {
            {QStringLiteral("id"), 5}, {QStringLiteral("title"), QStringLiteral("T")}};
        const auto event = StreamMessage::parse(
            StreamMessage::event(100, eventName(EventType::TaskUpdated), task));
        QVERIFY(event);
        QCOMPARE(event->kind, StreamMessage::Kind::Event);
        QCOMPARE(event->seq, qint64(100));
        QCOMPARE(event->eventType(), std::optional<EventType>(EventType::TaskUpdated));
        QCOMPARE(event->data, task);

        const auto error = StreamMessage::parse(
            StreamMessage::error(QStringLiteral("unauthorized"), QStringLiteral("sign in")));
        QVERIFY(error);
        QCOMPARE(error->kind, StreamMessage::Kind::Error);
        QCOMPARE(error->errorCode, QStringLiteral("unauthorized"));

        // The exact bytes the API documents for the two messages that are not events.
        QCOMPARE(StreamMessage::resync(3), QByteArray(R"({"seq":3,"type":"resync"})"));
        QVERIFY(!StreamMessage::parse("not json"));
        QVERIFY(!StreamMessage::parse("[1, 2]"));
    }

    void errorBodyNamesTheFieldOnlyWhenGiven()
    {
        const QJsonObject plain = errorBody(QStringLiteral("not_found"), QStringLiteral("task"));
        QVERIFY(!plain.value(QStringLiteral("error")).toObject().contains(QStringLiteral("field")));
        const QJsonObject named
            = errorBody(QStringLiteral("invalid"), QStringLiteral("bad"), QStringLiteral("title"));
        QCOMPARE(named.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("field"))
                     .toString(),
            QStringLiteral("title"));
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
