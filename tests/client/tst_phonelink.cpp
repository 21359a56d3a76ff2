// PhoneLink: tel:, callto: and sip: links as desktops and browsers hand them over.
#include "app/phonelink.h"

#include <QTest>

using linecard::client::PhoneLink;

class TestPhoneLink : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("link");
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("extension");

        const QString mobile = QStringLiteral("+79161234567");
        QTest::newRow("tel plain")
            << QStringLiteral("tel:+79161234567") << QStringLiteral("tel") << mobile << QString();
        QTest::newRow("tel spaces") << QStringLiteral("tel:+7 916 123 45 67")
                                    << QStringLiteral("tel") << mobile << QString();
        QTest::newRow("tel %2B and %20") << QStringLiteral("tel:%2B7%20916%20123%2045%2067")
                                         << QStringLiteral("tel") << mobile << QString();
        QTest::newRow("tel visual separators") << QStringLiteral("tel:+7-916-123.45.67")
                                               << QStringLiteral("tel") << mobile << QString();
        QTest::newRow("tel brackets, trunk 8") << QStringLiteral("tel:8%20(916)%20123-45-67")
                                               << QStringLiteral("tel") << mobile << QString();
        QTest::newRow("tel ;ext=")
            << QStringLiteral("tel:+7-495-123-45-67;ext=1234") << QStringLiteral("tel")
            << QStringLiteral("+74951234567") << QStringLiteral("1234");
        QTest::newRow("tel ;phone-context then ;ext=")
            << QStringLiteral("tel:+44-20-7946-0958;phone-context=example.com;ext=12")
            << QStringLiteral("tel") << QStringLiteral("+442079460958") << QStringLiteral("12");
        QTest::newRow("tel upper-case scheme")
            << QStringLiteral("TEL:+79161234567") << QStringLiteral("tel") << mobile << QString();
        QTest::newRow("tel short internal") << QStringLiteral("tel:101") << QStringLiteral("tel")
                                            << QStringLiteral("101") << QString();
        QTest::newRow("callto") << QStringLiteral("callto:+79161234567") << QStringLiteral("callto")
                                << mobile << QString();
        QTest::newRow("callto skype slashes") << QStringLiteral("callto://+7%20916%201234567")
                                              << QStringLiteral("callto") << mobile << QString();
        QTest::newRow("sip number@host") << QStringLiteral("sip:+79161234567@pbx.example.com")
                                         << QStringLiteral("sip") << mobile << QString();
        QTest::newRow("sip user=phone")
            << QStringLiteral("sip:+79161234567@pbx.example.com;user=phone")
            << QStringLiteral("sip") << mobile << QString();
        QTest::newRow("sip extension@host")
            << QStringLiteral("sip:101@pbx.example.com") << QStringLiteral("sip")
            << QStringLiteral("101") << QString();
        QTest::newRow("sips with headers")
            << QStringLiteral("sips:84951234567@pbx.example.com?subject=hi")
            << QStringLiteral("sips") << QStringLiteral("+74951234567") << QString();
        QTest::newRow("foreign without plus keeps digits")
            << QStringLiteral("tel:020 7946 0958") << QStringLiteral("tel")
            << QStringLiteral("02079460958") << QString();
    }

    void parse()
    {
        QFETCH(QString, link);
        QFETCH(QString, scheme);
        QFETCH(QString, number);
        QFETCH(QString, extension);
        QVERIFY(PhoneLink::isPhoneLink(link));
        const PhoneLink parsed = PhoneLink::parse(link);
        QVERIFY(parsed.isValid());
        QCOMPARE(parsed.scheme(), scheme);
        QCOMPARE(parsed.number(), number);
        QCOMPARE(parsed.extension(), extension);
        QCOMPARE(parsed.original(), link);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("link");
        QTest::newRow("empty") << QString();
        QTest::newRow("no scheme") << QStringLiteral("+79161234567");
        QTest::newRow("http") << QStringLiteral("https://example.com/tel:+79161234567");
        QTest::newRow("mailto") << QStringLiteral("mailto:someone@example.com");
        QTest::newRow("tel without digits") << QStringLiteral("tel:");
        QTest::newRow("sip name") << QStringLiteral("sip:alice@example.com");
        QTest::newRow("withheld") << QStringLiteral("tel:anonymous");
    }

    void invalid()
    {
        QFETCH(QString, link);
        QVERIFY(!PhoneLink::parse(link).isValid());
    }

    void recognisesLinks()
    {
        QVERIFY(PhoneLink::isPhoneLink(QStringLiteral("callto:x")));
        QVERIFY(PhoneLink::isPhoneLink(QStringLiteral("Sip:101@pbx")));
        QVERIFY(!PhoneLink::isPhoneLink(QStringLiteral("--minimized")));
        QVERIFY(!PhoneLink::isPhoneLink(QStringLiteral("/home/user/file")));
    }
};

QTEST_GUILESS_MAIN(TestPhoneLink)
#include "tst_phonelink.moc"
