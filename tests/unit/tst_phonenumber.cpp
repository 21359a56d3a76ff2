// PhoneNumber::parse: one number whatever the formatting (SPEC section 4).
#include "models/phonenumber.h"

#include <QLocale>
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
    void nationalNumbersInTheirRegion_data();
    void nationalNumbersInTheirRegion();
    void problems_data();
    void problems();
    void possibleNumbersMatchButAreNotValid();
    void defaultRegion();
    void regionOfLocale();
    void displayedInternationally();
    void canonicalKeepsTheExtension();
    void formatsAsYouType_data();
    void formatsAsYouType();
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
    // International numbers written without "+", as PBX trunks send them.
    QTest::newRow("us without plus")
        << QStringLiteral("12125550100") << QStringLiteral("+12125550100")
        << QStringLiteral("2125550100");
    QTest::newRow("uk without plus")
        << QStringLiteral("442079460958") << QStringLiteral("+442079460958")
        << QStringLiteral("2079460958");
    // Digits of other scripts are the digits they stand for (issue 14 item 9).
    QTest::newRow("arabic-indic digits")
        << QStringLiteral("٧٩٠٠٥٥٥١٢٣٤") << QStringLiteral("+79005551234")
        << QStringLiteral("9005551234");
    QTest::newRow("extended arabic-indic digits")
        << QStringLiteral("۸ ۹۱۶ ۱۲۳ ۴۵ ۶۷") << moscowMobile << moscowTail;
    QTest::newRow("full-width digits and plus")
        << QStringLiteral("＋７ ９１６ １２３ ４５ ６７") << moscowMobile << moscowTail;
    QTest::newRow("devanagari digits")
        << QStringLiteral("८ ९१६ १२३ ४५ ६७") << moscowMobile << moscowTail;

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
    QTest::newRow("fifteen digits, no country's plan")
        << QStringLiteral("+123456789012345") << false;
    QTest::newRow("eight digits with plus, no such number") << QStringLiteral("+12345678") << false;
    // The right length for Russia, but no Russian number starts so.
    QTest::newRow("ru 10 digits starting with 1") << QStringLiteral("8 (123) 456-78-90") << false;
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
    // Other scripts' digits count as the ASCII digits they stand for, so that a number
    // typed on an Arabic or full-width keyboard is stored and looked up alike.
    QTest::newRow("arabic-indic digits") << QStringLiteral("١٢٣ 45") << QStringLiteral("12345");
    QTest::newRow("full-width digits") << QStringLiteral("（９１６）") << QStringLiteral("916");
    QTest::newRow("mathematical digits (outside the BMP)")
        << QStringLiteral("\U0001D7D7\U0001D7D8") << QStringLiteral("90");
    QTest::newRow("superscripts are no decimal digits") << QStringLiteral("x²") << QString();
}

void TestPhoneNumber::digitsOnly()
{
    QFETCH(QString, text);
    QFETCH(QString, digits);
    QCOMPARE(PhoneNumber::digitsOnly(text), digits);
}

void TestPhoneNumber::nationalNumbersInTheirRegion_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QString>("international");

    // National habits of many countries, read in their own region.
    QTest::newRow("GB London") << "GB"
                               << "020 7946 0123"
                               << "+442079460123"
                               << "+44 20 7946 0123";
    QTest::newRow("GB mobile") << "GB"
                               << "07911 123456"
                               << "+447911123456"
                               << "+44 7911 123456";
    QTest::newRow("US brackets") << "US"
                                 << "(716) 555-2227"
                                 << "+17165552227"
                                 << "+1 716-555-2227";
    QTest::newRow("US with 1") << "US"
                               << "1-716-555-2227"
                               << "+17165552227"
                               << "+1 716-555-2227";
    QTest::newRow("DE Berlin") << "DE"
                               << "030 901820"
                               << "+4930901820"
                               << "+49 30 901820";
    QTest::newRow("FR") << "FR"
                        << "01 23 45 67 89"
                        << "+33123456789"
                        << "+33 1 23 45 67 89";
    QTest::newRow("IT keeps its 0") << "IT"
                                    << "02 1234 5678"
                                    << "+390212345678"
                                    << "+39 02 1234 5678";
    QTest::newRow("ES") << "ES"
                        << "912 345 678"
                        << "+34912345678"
                        << "+34 912 34 56 78";
    QTest::newRow("NL") << "NL"
                        << "020 123 4567"
                        << "+31201234567"
                        << "+31 20 123 4567";
    QTest::newRow("CH") << "CH"
                        << "044 668 18 00"
                        << "+41446681800"
                        << "+41 44 668 18 00";
    QTest::newRow("UA") << "UA"
                        << "044 123 4567"
                        << "+380441234567"
                        << "+380 44 123 4567";
    QTest::newRow("KZ trunk 8") << "KZ"
                                << "8 701 123 45 67"
                                << "+77011234567"
                                << "+7 701 123 4567";
    QTest::newRow("BY trunk 8 0") << "BY"
                                  << "8 029 123-45-67"
                                  << "+375291234567"
                                  << "+375 29 123-45-67";
    QTest::newRow("JP") << "JP"
                        << "03-1234-5678"
                        << "+81312345678"
                        << "+81 3-1234-5678";
    QTest::newRow("CN mobile") << "CN"
                               << "138 0013 8000"
                               << "+8613800138000"
                               << "+86 138 0013 8000";
    QTest::newRow("IN mobile") << "IN"
                               << "098765 43210"
                               << "+919876543210"
                               << "+91 98765 43210";
    QTest::newRow("BR Sao Paulo") << "BR"
                                  << "(11) 2345-6789"
                                  << "+551123456789"
                                  << "+55 11 2345-6789";
    QTest::newRow("AU") << "AU"
                        << "(02) 1234 5678"
                        << "+61212345678"
                        << "+61 2 1234 5678";
    QTest::newRow("EG arabic-indic") << "EG"
                                     << "٠١٠٠ ١٢٣ ٤٥٦٧"
                                     << "+201001234567"
                                     << "+20 100 123 4567";
    // A number with its country code means that country whatever the region.
    QTest::newRow("+44 read in US") << "US"
                                    << "+44 20 7946 0123"
                                    << "+442079460123"
                                    << "+44 20 7946 0123";
    QTest::newRow("RU via 8 10 in RU") << "RU"
                                       << "8 10 1 716 555 2227"
                                       << "+17165552227"
                                       << "+1 716-555-2227";
    QTest::newRow("US via 011 in US") << "US"
                                      << "011 44 20 7946 0123"
                                      << "+442079460123"
                                      << "+44 20 7946 0123";
    QTest::newRow("00 in GB") << "GB"
                              << "00 7 916 123 45 67"
                              << "+79161234567"
                              << "+7 916 123-45-67";
    // An unknown region means the default one (RU).
    QTest::newRow("unknown region") << "XX"
                                    << "8 916 123-45-67"
                                    << "+79161234567"
                                    << "+7 916 123-45-67";
}

void TestPhoneNumber::nationalNumbersInTheirRegion()
{
    QFETCH(QString, region);
    QFETCH(QString, raw);
    QFETCH(QString, e164);
    QFETCH(QString, international);

    const PhoneNumber p = PhoneNumber::parse(raw, region);
    QVERIFY2(p.isValid(), qPrintable(p.problemText()));
    QCOMPARE(p.e164(), e164);
    QCOMPARE(p.tailKey(), e164.mid(1).right(10));
    QCOMPARE(p.international(), international);
    QCOMPARE(p.problem(), PhoneNumber::Problem::None);
    QVERIFY(p.problemText().isEmpty());
    // The international and the E.164 forms read back as the same number in any region.
    QCOMPARE(PhoneNumber::parse(p.international(), QStringLiteral("US")).e164(), e164);
    QCOMPARE(PhoneNumber::parse(p.e164(), QStringLiteral("GB")).e164(), e164);
    // Every search form is digits; the E.164 digits are one of them.
    QVERIFY(p.searchForms().contains(e164.mid(1)));
}

void TestPhoneNumber::problems_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("region");
    QTest::addColumn<PhoneNumber::Problem>("problem");
    QTest::addColumn<QString>("text");

    QTest::newRow("too short") << "916 123"
                               << "RU" << PhoneNumber::Problem::TooShort
                               << "too short for a number in RU";
    QTest::newRow("too long") << "020 7946 012345"
                              << "GB" << PhoneNumber::Problem::TooLong
                              << "too long for a number in GB";
    QTest::newRow("wrong length") << "8 916 123 45 67 89"
                                  << "RU" << PhoneNumber::Problem::WrongLength
                                  << "the wrong number of digits for a number in RU";
    QTest::newRow("invalid for region")
        << "01632 960000"
        << "GB" << PhoneNumber::Problem::InvalidForRegion << "not a valid number in GB";
    QTest::newRow("country code") << "+999 123 456 789"
                                  << "RU" << PhoneNumber::Problem::InvalidCountryCode
                                  << "no country has this code";
    QTest::newRow("no digits") << "call me"
                               << "RU" << PhoneNumber::Problem::NoNumber << "no phone number in it";
}

void TestPhoneNumber::problems()
{
    QFETCH(QString, raw);
    QFETCH(QString, region);
    QFETCH(PhoneNumber::Problem, problem);
    QFETCH(QString, text);

    const PhoneNumber p = PhoneNumber::parse(raw, region);
    QVERIFY(!p.isValid());
    QCOMPARE(p.problem(), problem);
    QCOMPARE(p.problemText(), text);
    // An invalid number is shown and stored as it was written, trimmed.
    QCOMPARE(p.international(), raw);
    QCOMPARE(p.canonical(), raw);
}

// The right length for its country but not in its plan (Ofcom's 01632 960xxx is kept for
// fiction; old allocations look the same to the library): no valid number, so never stored
// as one, but matched by the same E.164 and key however it is written.
void TestPhoneNumber::possibleNumbersMatchButAreNotValid()
{
    const PhoneNumber national
        = PhoneNumber::parse(QStringLiteral("01632 960000"), QStringLiteral("GB"));
    QVERIFY(!national.isValid());
    QVERIFY(national.isPossible());
    QCOMPARE(national.problem(), PhoneNumber::Problem::InvalidForRegion);
    QVERIFY(national.e164().isEmpty());
    QCOMPARE(national.canonical(), QStringLiteral("01632 960000"));
    QCOMPARE(national.matchE164(), QStringLiteral("+441632960000"));
    QCOMPARE(national.matchTailKey(), QStringLiteral("1632960000"));
    QVERIFY(national.searchForms().contains(QStringLiteral("441632960000")));
    for (const QString &other : {QStringLiteral("+44 1632 960000"),
             QStringLiteral("0044 1632 960000"), QStringLiteral("441632960000")})
        QCOMPARE(PhoneNumber::parse(other).matchE164(), national.matchE164());
    // A valid number matches by its own E.164.
    const PhoneNumber valid = PhoneNumber::parse(QStringLiteral("+44 20 7946 0123"));
    QVERIFY(valid.isPossible());
    QCOMPARE(valid.matchE164(), valid.e164());
    QCOMPARE(valid.matchTailKey(), valid.tailKey());
    // Not possible: too short, too long, no country, withheld.
    for (const QString &none : {QStringLiteral("916 123"), QStringLiteral("+7 916 123-45-678"),
             QStringLiteral("+999 123 456 789"), QStringLiteral("anonymous"),
             QStringLiteral("+1234567890123456")})
        QVERIFY2(!PhoneNumber::parse(none).isPossible(), qPrintable(none));
}

void TestPhoneNumber::defaultRegion()
{
    QCOMPARE(PhoneNumber::defaultRegion(), QStringLiteral("RU"));
    QVERIFY(!PhoneNumber::parse(QStringLiteral("020 7946 0123")).isValid());
    PhoneNumber::setDefaultRegion(QStringLiteral("gb"));
    QCOMPARE(PhoneNumber::defaultRegion(), QStringLiteral("GB"));
    QCOMPARE(PhoneNumber::parse(QStringLiteral("020 7946 0123")).e164(),
        QStringLiteral("+442079460123"));
    // An explicit region wins over the default.
    QCOMPARE(PhoneNumber::parse(QStringLiteral("8 916 123-45-67"), QStringLiteral("RU")).e164(),
        QStringLiteral("+79161234567"));
    // A region libphonenumber does not know leaves RU.
    PhoneNumber::setDefaultRegion(QStringLiteral("Narnia"));
    QCOMPARE(PhoneNumber::defaultRegion(), QStringLiteral("RU"));
    QVERIFY(PhoneNumber::isKnownRegion(QStringLiteral("GB")));
    QVERIFY(!PhoneNumber::isKnownRegion(QStringLiteral("gb")));
    QVERIFY(!PhoneNumber::isKnownRegion(QStringLiteral("XX")));
    QVERIFY(!PhoneNumber::isKnownRegion(QString()));
}

void TestPhoneNumber::regionOfLocale()
{
    QCOMPARE(PhoneNumber::regionOfLocale(QLocale(QStringLiteral("en_GB"))), QStringLiteral("GB"));
    QCOMPARE(PhoneNumber::regionOfLocale(QLocale(QStringLiteral("ru_RU"))), QStringLiteral("RU"));
    QCOMPARE(PhoneNumber::regionOfLocale(QLocale(QStringLiteral("de_CH"))), QStringLiteral("CH"));
    QCOMPARE(PhoneNumber::regionOfLocale(QLocale::c()), QStringLiteral("RU"));
}

void TestPhoneNumber::displayedInternationally()
{
    QCOMPARE(PhoneNumber::displayed(QStringLiteral("+442079460123")),
        QStringLiteral("+44 20 7946 0123"));
    QCOMPARE(
        PhoneNumber::displayed(QStringLiteral("89161234567")), QStringLiteral("+7 916 123-45-67"));
    QCOMPARE(PhoneNumber::displayed(QStringLiteral("(716) 555-2227"), QStringLiteral("US")),
        QStringLiteral("+1 716-555-2227"));
    QCOMPARE(PhoneNumber::displayed(QStringLiteral("+74951234567;ext=12")),
        QStringLiteral("+7 495 123-45-67 ext. 12"));
    // Internal extensions and withheld ids are shown as they are.
    QCOMPARE(PhoneNumber::displayed(QStringLiteral("101")), QStringLiteral("101"));
    QCOMPARE(PhoneNumber::displayed(QStringLiteral("anonymous")), QStringLiteral("anonymous"));
}

void TestPhoneNumber::canonicalKeepsTheExtension()
{
    const PhoneNumber p = PhoneNumber::parse(QStringLiteral("8 (495) 123-45-67 доб. 123"));
    QCOMPARE(p.canonical(), QStringLiteral("+74951234567;ext=123"));
    // The stored form parses back to the same number and extension.
    const PhoneNumber again = PhoneNumber::parse(p.canonical(), QStringLiteral("US"));
    QCOMPARE(again.e164(), p.e164());
    QCOMPARE(again.extension(), p.extension());
    QCOMPARE(PhoneNumber::parse(QStringLiteral("020 7946 0123"), QStringLiteral("GB")).canonical(),
        QStringLiteral("+442079460123"));
    QCOMPARE(PhoneNumber::parse(QStringLiteral("020 7946 0123"), QStringLiteral("GB")).region(),
        QStringLiteral("GB"));
}

void TestPhoneNumber::formatsAsYouType_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("shown");
    QTest::newRow("ru partial") << "8916"
                                << "RU"
                                << "8 916";
    QTest::newRow("ru whole") << "89161234567"
                              << "RU"
                              << "8 916 123-45-67";
    QTest::newRow("ru with plus") << "+7916123"
                                  << "RU"
                                  << "+7 916 123";
    QTest::newRow("gb") << "02079460123"
                        << "GB"
                        << "020 7946 0123";
    QTest::newRow("us") << "7165552227"
                        << "US"
                        << "(716) 555-2227";
    QTest::newRow("already formatted, retyped") << "8 (916) 12"
                                                << "RU"
                                                << "8 916 12";
    QTest::newRow("arabic-indic") << "٨٩١٦١٢٣٤٥٦٧"
                                  << "RU"
                                  << "8 916 123-45-67";
    QTest::newRow("no digits") << "+"
                               << "RU"
                               << "+";
}

void TestPhoneNumber::formatsAsYouType()
{
    QFETCH(QString, typed);
    QFETCH(QString, region);
    QFETCH(QString, shown);
    QCOMPARE(PhoneNumber::formatAsYouType(typed, region), shown);
}

QTEST_APPLESS_MAIN(TestPhoneNumber)
#include "tst_phonenumber.moc"
