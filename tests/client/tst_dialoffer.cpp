// The dial offer for a phone link: one click asks the server to dial, and the PBX (the
// project's simulator listening in this process) receives PlanFix's makeCall.
#include "clientfixture.h"

#include "app/phonelink.h"
#include "server/pbxsim/makecalllistener.h"
#include "ui/shell/dialofferdialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace linecard;
using namespace linecard::testing;
using client::PhoneLink;
using ui::DialOfferDialog;

class TestDialOffer : public QObject
{
    Q_OBJECT

private slots:
    void dialsThroughThePbx()
    {
        ClientFixture f;
        QVERIFY(f.server().createEmployee(
            f.adminToken(), QStringLiteral("op1"), false, {QStringLiteral("101")}));
        pbxsim::MakeCallListener pbx;
        const quint16 port = pbx.start(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        QSignalSpy received(&pbx, &pbxsim::MakeCallListener::received);
        QCOMPARE(f.server()
                     .post(QStringLiteral("/api/v1/telephony/providers"),
                         {{QStringLiteral("name"), QStringLiteral("Office PBX")},
                             {QStringLiteral("format"), QStringLiteral("planfix")},
                             {QStringLiteral("token"), QStringLiteral("pf-token-0001")},
                             {QStringLiteral("pbxUrl"),
                                 QStringLiteral("http://127.0.0.1:%1/planfix_api.php").arg(port)}},
                         f.adminToken())
                     .status,
            201);
        QCOMPARE(f.server()
                     .post(QStringLiteral("/api/v1/lines"),
                         {{QStringLiteral("number"), QStringLiteral("+7 495 120-00-01")},
                             {QStringLiteral("name"), QStringLiteral("Sales")},
                             {QStringLiteral("color"), QStringLiteral("#2e7d32")}},
                         f.adminToken())
                     .status,
            201);
        client::Session *session = f.signIn(QStringLiteral("op1"), QStringLiteral("op1-password"));
        QVERIFY(session);

        DialOfferDialog dialog(
            session, PhoneLink::parse(QStringLiteral("tel:8%20(916)%20123-45-67;ext=55")));
        QSignalSpy lines(&dialog, &DialOfferDialog::linesLoaded);
        dialog.show();
        // The operator calls from the Sales line.
        QVERIFY(lines.wait(15000));
        QCOMPARE(dialog.lineBox()->count(), 2);
        QCOMPARE(dialog.lineBox()->itemText(1), QStringLiteral("Sales (+7 495 120-00-01)"));
        dialog.lineBox()->setCurrentIndex(1);
        QVERIFY(dialog.lineId() > 0);
        auto *number = dialog.findChild<QLineEdit *>(QStringLiteral("dialNumber"));
        QVERIFY(number);
        QCOMPARE(number->text(), QStringLiteral("+79161234567"));
        auto *extension = dialog.findChild<QLabel *>(QStringLiteral("dialExtension"));
        QVERIFY(extension);
        QVERIFY(extension->text().contains(QLatin1String("55")));

        QSignalSpy started(&dialog, &DialOfferDialog::dialStarted);
        auto *call = dialog.findChild<QPushButton *>(QStringLiteral("dialCall"));
        QVERIFY(call);
        QTest::mouseClick(call, Qt::LeftButton);
        QVERIFY(dialog.isDialling());
        QVERIFY(!call->isEnabled()); // a second click cannot dial twice
        QVERIFY(started.wait(15000));
        QCOMPARE(started.at(0).at(0).toString(), QStringLiteral("+79161234567"));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        QVERIFY(received.wait(15000) || !received.isEmpty());
        QCOMPARE(received.size(), 1);
        const QJsonObject fields
            = received.at(0).at(0).toJsonObject().value(QStringLiteral("fields")).toObject();
        QCOMPARE(fields.value(QStringLiteral("cmd")).toString(), QStringLiteral("makeCall"));
        QCOMPARE(fields.value(QStringLiteral("from")).toString(), QStringLiteral("101"));
        QCOMPARE(fields.value(QStringLiteral("to")).toString(), QStringLiteral("79161234567"));
        QCOMPARE(fields.value(QStringLiteral("diversion")).toString(),
            QStringLiteral("+7 495 120-00-01"));
    }

    // The server's refusal (no extension to call from) is shown, and the operator may retry.
    void showsWhyItCannotDial()
    {
        ClientFixture f;
        client::Session *session = f.signInAdmin();
        QVERIFY(session);
        DialOfferDialog dialog(session, PhoneLink::parse(QStringLiteral("callto:+79161234567")));
        dialog.show();
        QSignalSpy failed(&dialog, &DialOfferDialog::dialFailed);
        auto *call = dialog.findChild<QPushButton *>(QStringLiteral("dialCall"));
        QTest::mouseClick(call, Qt::LeftButton);
        QVERIFY(failed.wait(15000));
        QVERIFY2(
            dialog.message().contains(QLatin1String("extension")), qPrintable(dialog.message()));
        QVERIFY(!dialog.isDialling());
        QVERIFY(call->isEnabled());
        QVERIFY(dialog.isVisible());
    }

    void emptyNumberIsNotSent()
    {
        ClientFixture f;
        client::Session *session = f.signInAdmin();
        QVERIFY(session);
        DialOfferDialog dialog(session, PhoneLink::parse(QStringLiteral("tel:+79161234567")));
        dialog.findChild<QLineEdit *>(QStringLiteral("dialNumber"))->clear();
        QTest::mouseClick(
            dialog.findChild<QPushButton *>(QStringLiteral("dialCall")), Qt::LeftButton);
        QVERIFY(!dialog.isDialling());
        QCOMPARE(dialog.message(), DialOfferDialog::tr("Enter a number to call."));
    }
};

QTEST_MAIN(TestDialOffer)
#include "tst_dialoffer.moc"
