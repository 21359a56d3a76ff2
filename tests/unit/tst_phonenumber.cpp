// PhoneNumber::parse: one number whatever the formatting (SPEC section 4).
#include "models/phonenumber.h"

#include <QSet>
#include <QTest>

using namespace linecard;

class TestPhoneNumber : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void extension_data();
    void extension();
    void invalid_data();
    void invalid();
    void rawIsKept();
    void searchForms_data();
    void searchForms();
    void searchFormsOfWithheld();
    void digitsOnly_data();
    void digitsOnly();
};

void TestPhoneNumber::parse_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QString>("tailKey");

    const QString moscowMobile = QStringLiteral("+79161234567");
    const QString moscowTail = QStringLiteral("9161234567");
    // Russian habits: trunk 8, country code with or without "+", bare national number.
    QTest::newRow("ru trunk 8 with brackets")
        << QStringLiteral("8 (916) 123-45-67") << moscowMobile << moscowTail;
    QTest::newRow("ru +7 spaced") << QStringLiteral("+7 916 1234567") << moscowMobile << moscowTail;
    QTest::newRow("ru 7 no plus") << QStringLiteral("79161234567") << moscowMobile << moscowTail;
    QTest::newRow("ru national 10 digits")
        << QStringLiteral("9161234567") << moscowMobile << moscowTail;
    QTest::newRow("ru +7 brackets")
        << QStringLiteral("+7 (916) 123-45-67") << moscowMobile << moscowTail;
    QTest::newRow("ru trunk 8 compact")
        << QStringLiteral("89161234567") << moscowMobile << moscowTail;
    QTest::newRow("ru dots") << QStringLiteral("8.916.123.45.67") << moscowMobile << moscowTail;
    QTest::newRow("ru surrounding blanks")
        << QStringLiteral("  +7 916 123 45 67\t") << moscowMobile << moscowTail;
    QTest::newRow("ru +7 then trunk 8")
        << QStringLiteral("+7 8 916 123-45-67") << moscowMobile << moscowTail;
    QTest::newRow("ru freephone") << QStringLiteral("8-800-555-35-35")
                                  << QStringLiteral("+78005553535") << QStringLiteral("8005553535");

    // Other countries, with "+" or "00".
    QTest::newRow("uk") << QStringLiteral("+44 20 7946 0958") << QStringLiteral("+442079460958")
                        << QStringLiteral("2079460958");
    QTest::newRow("us") << QStringLiteral("+1 (212) 555-0100") << QStringLiteral("+12125550100")
                        << QStringLiteral("2125550100");
    QTest::newRow("de with 00") << QStringLiteral("00 49 30 1234567")
                                << QStringLiteral("+49301234567") << QStringLiteral("9301234567");
    QTest::newRow("ru international prefix 8 10")
        << QStringLiteral("8 10 44 20 7946 0958") << QStringLiteral("+442079460958")
        << QStringLiteral("2079460958");
    // Short international numbers keep all their digits as the key.
    QTest::newRow("short international")
        << QStringLiteral("+376 712 345") << QStringLiteral("+376712345")
        << QStringLiteral("376712345");
    QTest::newRow("eight digits, the shortest accepted")
        << QStringLiteral("+12345678") << QStringLiteral("+12345678") << QStringLiteral("12345678");
    QTest::newRow("fifteen digits, the longest accepted")
        << QStringLiteral("+123456789012345") << QStringLiteral("+123456789012345")
        << QStringLiteral("6789012345");

    // tel: URIs (RFC 3966) as softphones and PBXs send them.
    QTest::newRow("tel uri") << QStringLiteral("tel:+79161234567") << moscowMobile << moscowTail;
    QTest::newRow("tel uri upper case, dashes")
        << QStringLiteral("TEL:+7-916-123-45-67") << moscowMobile << moscowTail;
    // The "+" decides the country here: without it ten digits would read as Russian.
    QTest::newRow("tel uri, ten-digit international")
        << QStringLiteral("tel:+3545551234") << QStringLiteral("+3545551234")
        << QStringLiteral("3545551234");
    QTest::newRow("tel uri, blank after the scheme")
        << QStringLiteral("tel: +3545551234") << QStringLiteral("+3545551234")
        << QStringLiteral("3545551234");
    QTest::newRow("kz shares zone 7")
        << QStringLiteral("+7 701 123 45 67") << QStringLiteral("+77011234567")
        << QStringLiteral("7011234567");
    QTest::newRow("tel uri international")
        << QStringLiteral("tel:+44-20-7946-0958") << QStringLiteral("+442079460958")
        << QStringLiteral("2079460958");
}

void TestPhoneNumber::parse()
{
    QFETCH(QString, raw);
    QFETCH(QString, e164);
    QFETCH(QString, tailKey);

    const PhoneNumber p = PhoneNumber::parse(raw);
    QCOMPARE(p.e164(), e164);
    QCOMPARE(p.tailKey(), tailKey);
    QCOMPARE(p.isValid(), !e164.isEmpty());
    QVERIFY(!p.isWithheld());
    QVERIFY(p.extension().isEmpty());
}

void TestPhoneNumber::extension_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QString>("extension");

    const QString office = QStringLiteral("+74951234567");
    QTest::newRow("доб.") << QStringLiteral("+7 495 123-45-67 доб. 123") << office
                          << QStringLiteral("123");
    QTest::newRow("Доб without dot")
        << QStringLiteral("8 (495) 123-45-67 Доб 123") << office << QStringLiteral("123");
    QTest::newRow("добавочный") << QStringLiteral("+7 495 123-45-67 добавочный 5") << office
                                << QStringLiteral("5");
    QTest::newRow("ext.") << QStringLiteral("+7 495 123-45-67 ext. 45") << office
                          << QStringLiteral("45");
    QTest::newRow("EXT no space") << QStringLiteral("+7 495 123-45-67 EXT45") << office
                                  << QStringLiteral("45");
    QTest::newRow(";ext=") << QStringLiteral("tel:+74951234567;ext=12") << office
                           << QStringLiteral("12");
    QTest::newRow("x after space")
        << QStringLiteral("+7 495 123-45-67 x7") << office << QStringLiteral("7");
    QTest::newRow("x after digit") << QStringLiteral("+1 212 555 0100x250")
                                   << QStringLiteral("+12125550100") << QStringLiteral("250");
    QTest::newRow("#") << QStringLiteral("+7 495 123-45-67 #101") << office
                       << QStringLiteral("101");
    // People put the extension in brackets; its digits must not join the number.
    QTest::newRow("доб. in brackets")
        << QStringLiteral("+7 (495) 123-45-67 (доб. 123)") << office << QStringLiteral("123");
    QTest::newRow("ext. in brackets") << QStringLiteral("+1 212 555 0100 (ext. 25)")
                                      << QStringLiteral("+12125550100") << QStringLiteral("25");
    QTest::newRow("comma (dial pause)")
        << QStringLiteral("+74951234567,22") << office << QStringLiteral("22");
}

void TestPhoneNumber::extension()
{
    QFETCH(QString, raw);
    QFETCH(QString, e164);
    QFETCH(QString, extension);

    const PhoneNumber p = PhoneNumber::parse(raw);
    QCOMPARE(p.extension(), extension);
    // The extension's digits must not leak into the number itself.
    QCOMPARE(p.e164(), e164);
    QCOMPARE(p.tailKey(), e164.right(10));
    QVERIFY(!p.searchForms().join(u' ').contains(e164.mid(1) + extension));
}

void TestPhoneNumber::invalid_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<bool>("withheld");

    // Caller ids a PBX sends for a hidden number, and text with no digits at all: nothing
    // to match or to create a contact from.
    QTest::newRow("anonymous") << QStringLiteral("anonymous") << true;
    QTest::newRow("Unknown") << QStringLiteral("Unknown") << true;
    QTest::newRow("Private") << QStringLiteral("Private") << true;
    QTest::newRow("sip anonymous") << QStringLiteral("sip:anonymous@anonymous.invalid") << true;
    QTest::newRow("Restricted with digits") << QStringLiteral("Restricted 0") << true;
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("blank") << QStringLiteral("   ") << true;
    QTest::newRow("abc") << QStringLiteral("abc") << true;
    QTest::newRow("dashes") << QStringLiteral("---") << true;
    QTest::newRow("номер скрыт") << QStringLiteral("Номер скрыт") << true;

    // Digits, but not a number we could dial back.
    QTest::newRow("one digit") << QStringLiteral("7") << false;
    QTest::newRow("internal extension") << QStringLiteral("101") << false;
    QTest::newRow("five digits") << QStringLiteral("12-34-5") << false;
    QTest::newRow("seven digits with plus") << QStringLiteral("+7 916 123") << false;
    QTest::newRow("nine digits") << QStringLiteral("916 123 456") << false;
    QTest::newRow("sixteen digits with plus") << QStringLiteral("+1234567890123456") << false;
    QTest::newRow("twenty digits") << QStringLiteral("12345678901234567890") << false;
    // Zone 7 (Russia, Kazakhstan) numbers have exactly 11 digits: anything else is a typo
    // whose tail key would match the wrong person or nobody.
    QTest::newRow("+7 with 12 digits") << QStringLiteral("+7 916 123-45-678") << false;
    QTest::newRow("7 with 12 digits, no plus") << QStringLiteral("791612345678") << false;
    QTest::newRow("+7 with 10 digits") << QStringLiteral("+7 916 123-45-6") << false;
    QTest::newRow("00 7 with 12 digits") << QStringLiteral("00 7 916 123 45 678") << false;
    QTest::newRow("00 then too short") << QStringLiteral("00 49 30") << false;
    QTest::newRow("country code 0") << QStringLiteral("+0 916 123 45 67") << false;
    QTest::newRow("tel: with nothing") << QStringLiteral("tel:") << true;
}

void TestPhoneNumber::invalid()
{
    QFETCH(QString, raw);
    QFETCH(bool, withheld);

    const PhoneNumber p = PhoneNumber::parse(raw);
    QVERIFY(!p.isValid());
    QVERIFY(p.e164().isEmpty());
    QVERIFY(p.tailKey().isEmpty());
    QCOMPARE(p.isWithheld(), withheld);
}

void TestPhoneNumber::rawIsKept()
{
    // The raw caller id stays on the call and in the history (SPEC section 4).
    const QString raw = QStringLiteral(" 8 (916) 123-45-67 доб. 5 ");
    QCOMPARE(PhoneNumber::parse(raw).raw(), raw);
    QCOMPARE(PhoneNumber::parse(QStringLiteral("anonymous")).raw(), QStringLiteral("anonymous"));
}

void TestPhoneNumber::searchForms_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QStringList>("mustContain");
    QTest::addColumn<QStringList>("mustNotContain");

    const QStringList ru {QStringLiteral("79161234567"), QStringLiteral("89161234567")};
    QTest::newRow("ru from trunk 8") << QStringLiteral("8 (916) 123-45-67") << ru << QStringList();
    QTest::newRow("ru from +7") << QStringLiteral("+7 916 123-45-67") << ru << QStringList();
    QTest::newRow("ru from 10 digits")
        << QStringLiteral("916 123 45 67") << (ru + QStringList {QStringLiteral("9161234567")})
        << QStringList();
    // The national form with 8 is a Russian habit only.
    QTest::newRow("uk") << QStringLiteral("+44 20 7946 0958")
                        << QStringList {QStringLiteral("442079460958")}
                        << QStringList {QStringLiteral("82079460958")};
    QTest::newRow("us, 11 digits but not Russian")
        << QStringLiteral("+1 212 555 0100") << QStringList {QStringLiteral("12125550100")}
        << QStringList {QStringLiteral("82125550100")};
    QTest::newRow("de from 00") << QStringLiteral("0049 30 1234567")
                                << QStringList {QStringLiteral("49301234567")} << QStringList();
}

void TestPhoneNumber::searchForms()
{
    QFETCH(QString, raw);
    QFETCH(QStringList, mustContain);
    QFETCH(QStringList, mustNotContain);

    const QStringList forms = PhoneNumber::parse(raw).searchForms();
    for (const QString &form : mustContain)
        QVERIFY2(forms.contains(form), qPrintable(form + u" not in " + forms.join(u',')));
    for (const QString &form : mustNotContain)
        QVERIFY2(!forms.contains(form), qPrintable(form + u" in " + forms.join(u',')));
    // Deduplicated, digits only, long enough to be worth indexing.
    QCOMPARE(QSet<QString>(forms.begin(), forms.end()).size(), forms.size());
    for (const QString &form : forms) {
        QCOMPARE(PhoneNumber::digitsOnly(form), form);
        QVERIFY(form.size() >= 3);
    }
}

void TestPhoneNumber::searchFormsOfWithheld()
{
    // Nothing to index for a hidden caller, so it can never match a search.
    QVERIFY(PhoneNumber::parse(QStringLiteral("anonymous")).searchForms().isEmpty());
    QVERIFY(PhoneNumber::parse(QString()).searchForms().isEmpty());
}

void TestPhoneNumber::digitsOnly_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("digits");
    QTest::newRow("formatted") << QStringLiteral("+7 (916) 123-45-67")
                               << QStringLiteral("79161234567");
    QTest::newRow("none") << QStringLiteral("abc") << QString();
    QTest::newRow("empty") << QString() << QString();
    // Only ASCII digits: other scripts' digits are not dialable here.
    QTest::newRow("arabic-indic digits") << QStringLiteral("١٢٣ 45") << QStringLiteral("45");
}

void TestPhoneNumber::digitsOnly()
{
    QFETCH(QString, text);
    QFETCH(QString, digits);
    QCOMPARE(PhoneNumber::digitsOnly(text), digits);
}

QTEST_APPLESS_MAIN(TestPhoneNumber)
#include "tst_phonenumber.moc"
