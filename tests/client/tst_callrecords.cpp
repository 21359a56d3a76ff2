// A call's record is drawn by the client from the call's data, in the viewer's language
// and local time, with a drawn phone icon rather than an emoji: a missed call from the real
// server, read through the contact card's activity, in English and then in Russian.
#include "callfixture.h"

#include "app/eventstream.h"
#include "app/translations.h"
#include "models/callrecordtext.h"
#include "models/commentthreadmodel.h"
#include "ui/contacts/activityfeedview.h"
#include "ui/contacts/contactcard.h"
#include "ui/tasks/commentdelegate.h"

#include <QApplication>
#include <QTest>

using namespace linecard;
using namespace linecard::testing;

class TestCallRecords : public QObject
{
    Q_OBJECT

    static QModelIndex recordIn(ActivityModel *model)
    {
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 0).data(CommentThreadModel::CallRecordRole).toBool())
                return model->index(row, 0);
        return {};
    }

    // Anna (the fixture's caller) rings extension 101 and nobody answers; her id once the
    // call's record is on her thread (0 if something failed on the way).
    static qint64 missedCallFromAnna(CallFixture &f, const QString &callId)
    {
        const qint64 anna = f.callerContact();
        if (!anna || f.event(callId, QStringLiteral("INCOMING"), QStringLiteral("101")) != 200
            || f.completed(callId, QStringLiteral("101"), QStringLiteral("Missed")) != 200)
            return 0;
        const bool recorded = QTest::qWaitFor(
            [&] {
                return f.comments(QStringLiteral("/api/v1/contacts/%1/comments").arg(anna)).size()
                    == 1;
            },
            15000);
        return recorded ? anna : 0;
    }

private slots:
    void missedCallRecordInTheViewersLanguage()
    {
        CallFixture f;
        QVERIFY(f.ready());
        const qint64 anna = missedCallFromAnna(f, QStringLiteral("r1"));
        QVERIFY(anna);
        const QJsonObject stored
            = f.comments(QStringLiteral("/api/v1/contacts/%1/comments").arg(anna))
                  .first()
                  .toObject();
        const QDateTime started = QDateTime::fromString(stored.value(QStringLiteral("call"))
                                                            .toObject()
                                                            .value(QStringLiteral("startedAt"))
                                                            .toString(),
            Qt::ISODateWithMs);
        QVERIFY(started.isValid());

        client::Session *session = f.signIn(QStringLiteral("op1"), QStringLiteral("op1-password"));
        QVERIFY(session);
        ui::ContactCard card(session);
        card.resize(900, 600);
        card.show();
        QVERIFY(QTest::qWaitForWindowExposed(&card));
        card.showContact(anna);
        ActivityModel *activity = card.activity()->model();
        QTRY_VERIFY_WITH_TIMEOUT(recordIn(activity).isValid(), 15000);
        const QModelIndex record = recordIn(activity);

        // English: the title says "missed" once, the line is named, the time is local.
        QString text = record.data(CommentThreadModel::TextRole).toString();
        QVERIFY2(text.contains(QStringLiteral("Missed call")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Sales")));
        QVERIFY(text.contains(QStringLiteral("Anna Petrova")));
        // Numbers read as everywhere else in the app, not as the PBX sent them.
        QVERIFY2(text.contains(QStringLiteral("+7 916 123-45-67")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String(CallFixture::caller)), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("+74951200001")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("not answered"))
                && !text.contains(QStringLiteral("reason")),
            qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("UTC")));
        QVERIFY(!text.contains(QString::fromUtf8("\xF0\x9F\x93\x9E"))); // no emoji
        QVERIFY2(text.contains(QLocale().toString(started.toLocalTime(), QLocale::ShortFormat)),
            qPrintable(text));
        // The thread marks it with the drawn phone icon, without repeating the text.
        QStringList callMarkers;
        for (const auto &marker : ui::CommentDelegate::markerLines(record))
            if (marker.kind == ui::CommentDelegate::Marker::Call)
                callMarkers << marker.text;
        QCOMPARE(callMarkers, QStringList {ui::CommentDelegate::tr("Call record")});

        // Russian: the same record in Russian and a Russian date.
        const QLocale russian(QLocale::Russian, QLocale::Russia);
        QLocale::setDefault(russian);
        QVERIFY(client::installTranslations(qApp, russian, QStringLiteral(LINECARD_QM_DIR)) >= 1);
        text = record.data(CommentThreadModel::TextRole).toString();
        QVERIFY2(text.contains(QStringLiteral("Пропущенный звонок")), qPrintable(text));
        QVERIFY2(text.contains(russian.toString(started.toLocalTime(), QLocale::ShortFormat)),
            qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("Missed")));
        card.update();
        QApplication::processEvents();
        QVERIFY(
            card.grab().save(ClientFixture::screenshotPath(QStringLiteral("call-record-ru.png"))));
    }

    // An administrator deletes the line of a recorded call: the record open on a card says
    // "Sales (deleted)" at once (line.deleted), and so does a card opened afterwards, in
    // English and Russian.
    void aDeletedLinesRecordSaysSo()
    {
        CallFixture f;
        QVERIFY(f.ready());
        const qint64 anna = missedCallFromAnna(f, QStringLiteral("d1"));
        QVERIFY(anna);

        client::Session *session = f.signIn(QStringLiteral("op1"), QStringLiteral("op1-password"));
        QVERIFY(session);
        QVERIFY(QTest::qWaitFor([&] { return session->events()->lastSeq() >= 0; }, 15000));
        ui::ContactCard open(session);
        open.show();
        open.showContact(anna);
        QTRY_VERIFY_WITH_TIMEOUT(recordIn(open.activity()->model()).isValid(), 15000);
        const auto textOf = [](ui::ContactCard &card) {
            return recordIn(card.activity()->model()).data(CommentThreadModel::TextRole).toString();
        };
        QVERIFY2(textOf(open).contains(QStringLiteral("Sales (+7")), qPrintable(textOf(open)));

        QCOMPARE(
            f.server()
                .request("DELETE", QStringLiteral("/api/v1/lines/%1").arg(f.lineId), f.adminToken())
                .status,
            204);
        // In the language the test runs in (an earlier test may have switched to Russian).
        const QString deleted = CallRecordText::tr("%1 (deleted)", "a deleted phone line")
                                    .arg(QStringLiteral("Sales"));
        QTRY_VERIFY_WITH_TIMEOUT(textOf(open).contains(deleted), 15000);
        QVERIFY(!textOf(open).contains(QStringLiteral("(+7")));
        ui::ContactCard later(session);
        later.resize(900, 600);
        later.show();
        later.showContact(anna);
        QTRY_VERIFY_WITH_TIMEOUT(recordIn(later.activity()->model()).isValid(), 15000);
        QVERIFY2(textOf(later).contains(deleted), qPrintable(textOf(later)));

        const QLocale russian(QLocale::Russian, QLocale::Russia);
        QLocale::setDefault(russian);
        QVERIFY(client::installTranslations(qApp, russian, QStringLiteral(LINECARD_QM_DIR)) >= 1);
        QVERIFY2(
            textOf(later).contains(QStringLiteral("Sales (удалена)")), qPrintable(textOf(later)));
        later.update();
        QApplication::processEvents();
        QVERIFY(later.grab().save(
            ClientFixture::screenshotPath(QStringLiteral("call-record-deleted-line-ru.png"))));
    }

    // The operator attaches an ended call to a task: the card's activity shows the record
    // under that task at once (comment.updated), without a reload.
    void theCardFollowsARecordAttachedLater()
    {
        CallFixture f;
        QVERIFY(f.ready());
        const qint64 anna = f.callerContact();
        const qint64 sofa = f.task(QStringLiteral("Delivery of the blue sofa"), anna);
        QVERIFY(anna && sofa);
        client::Session *session = f.signIn(QStringLiteral("op1"), QStringLiteral("op1-password"));
        QVERIFY(session);
        QVERIFY(QTest::qWaitFor([&] { return session->events()->lastSeq() >= 0; }, 15000));
        ui::ContactCard card(session);
        // Live events: the card follows the session's EventRouter by itself.
        card.resize(900, 600);
        card.show();
        card.showContact(anna);
        QTRY_COMPARE_WITH_TIMEOUT(card.person().id, anna, 15000);

        QCOMPARE(
            f.event(QStringLiteral("r2"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QCOMPARE(
            f.event(QStringLiteral("r2"), QStringLiteral("ACCEPTED"), QStringLiteral("101")), 200);
        QCOMPARE(
            f.completed(QStringLiteral("r2"), QStringLiteral("101"), QStringLiteral("Success"), 65),
            200);
        ActivityModel *activity = card.activity()->model();
        QTRY_VERIFY_WITH_TIMEOUT(recordIn(activity).isValid(), 15000);
        QCOMPARE(recordIn(activity).data(CommentThreadModel::TaskIdRole).toLongLong(), 0);
        const QString text = recordIn(activity).data(CommentThreadModel::TextRole).toString();
        QVERIFY2(text.contains(QStringLiteral("1:05")) && text.contains(QStringLiteral("op1")),
            qPrintable(text));

        const QJsonArray calls = f.server()
                                     .get(QStringLiteral("/api/v1/calls?state=all"), f.adminToken())
                                     .json.value(QStringLiteral("items"))
                                     .toArray();
        QCOMPARE(calls.size(), 1);
        const qint64 callId
            = qint64(calls.first().toObject().value(QStringLiteral("id")).toDouble());
        QCOMPARE(f.server()
                     .post(QStringLiteral("/api/v1/calls/%1/attach").arg(callId),
                         {{QStringLiteral("taskId"), sofa}}, f.adminToken())
                     .status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(
            recordIn(activity).data(CommentThreadModel::TaskIdRole).toLongLong(), sofa, 15000);
        QCOMPARE(activity->rowCount(), 1); // moved, not copied
    }
};

QTEST_MAIN(TestCallRecords)
#include "tst_callrecords.moc"
