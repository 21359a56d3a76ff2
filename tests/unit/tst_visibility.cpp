// The visibility rule of SPEC section 3 (models/visibility.h), clause by clause and for
// every combination of the two settings that change it.
#include "models/visibility.h"

#include <QTest>

#include <array>

using namespace linecard;
using visibility::CommentAudience;
using visibility::TaskAudience;
using visibility::Viewer;

Q_DECLARE_METATYPE(linecard::visibility::Viewer)
Q_DECLARE_METATYPE(linecard::visibility::CommentAudience)
Q_DECLARE_METATYPE(linecard::visibility::TaskAudience)

namespace {

// The cast of people. Companies are contacts whose company is themselves.
constexpr qint64 kEmployee = 10; // an operator, not an admin
constexpr qint64 kAdmin = 11;
constexpr qint64 kOtherEmployee = 12;
constexpr qint64 kAcme = 100; // a company
constexpr qint64 kGlobex = 200; // another company
constexpr qint64 kIvan = 20; // contact at Acme: the usual viewer
constexpr qint64 kPetr = 21; // Ivan's colleague at Acme
constexpr qint64 kOlga = 30; // contact at Globex
constexpr qint64 kLoner = 40; // contact with no company
constexpr qint64 kHermit = 41; // another contact with no company

Viewer employee(qint64 id = kEmployee)
{
    return Viewer {id, true, false, 0};
}

Viewer admin()
{
    return Viewer {kAdmin, true, true, 0};
}

Viewer contact(qint64 id, qint64 companyId)
{
    return Viewer {id, false, false, companyId};
}

Viewer ivan()
{
    return contact(kIvan, kAcme);
}

CommentAudience comment(qint64 authorId, qint64 authorCompanyId, QList<qint64> notified = {},
    QList<qint64> notifiedCompanies = {})
{
    CommentAudience c;
    c.authorId = authorId;
    c.authorCompanyId = authorCompanyId;
    c.notifiedIds = notified;
    c.notifiedCompanyIds = notifiedCompanies;
    return c;
}

CommentAudience hidden(CommentAudience c, QList<qint64> visibleTo)
{
    c.hidden = true;
    c.visibleToIds = visibleTo;
    return c;
}

CommentAudience internal(CommentAudience c)
{
    c.internal = true;
    return c;
}

TaskAudience task(qint64 counterpartyId, qint64 counterpartyCompanyId, QList<qint64> members = {})
{
    return TaskAudience {counterpartyId, counterpartyCompanyId, members};
}

AccountSettings settings(bool onlyNotified, bool share)
{
    AccountSettings s;
    s.contactsSeeOnlyNotified = onlyNotified;
    s.shareWithinCompany = share;
    return s;
}

// Expected answers in the order offOff, offOn, onOff, onOn of
// (contactsSeeOnlyNotified, shareWithinCompany): written out per row, never computed.
using Expect = std::array<bool, 4>;
constexpr Expect kAlways {true, true, true, true};
constexpr Expect kNever {false, false, false, false};

struct Combo
{
    bool onlyNotified;
    bool share;
    const char *name;
};
constexpr std::array<Combo, 4> kCombos {
    {{false, false, "notified=off share=off"}, {false, true, "notified=off share=on"},
        {true, false, "notified=on share=off"}, {true, true, "notified=on share=on"}}};

void addCommentColumns()
{
    QTest::addColumn<bool>("onlyNotified");
    QTest::addColumn<bool>("share");
    QTest::addColumn<Viewer>("viewer");
    QTest::addColumn<CommentAudience>("comment");
    QTest::addColumn<bool>("expected");
}

// One row per settings combination.
void addCommentRows(const char *name, const Viewer &v, const CommentAudience &c, Expect expected)
{
    for (std::size_t i = 0; i < kCombos.size(); ++i)
        QTest::addRow("%s | %s", name, kCombos[i].name)
            << kCombos[i].onlyNotified << kCombos[i].share << v << c << expected[i];
}

void addTaskColumns()
{
    QTest::addColumn<bool>("onlyNotified");
    QTest::addColumn<bool>("share");
    QTest::addColumn<Viewer>("viewer");
    QTest::addColumn<TaskAudience>("task");
    QTest::addColumn<bool>("expected");
}

void addTaskRows(const char *name, const Viewer &v, const TaskAudience &t, Expect expected)
{
    for (std::size_t i = 0; i < kCombos.size(); ++i)
        QTest::addRow("%s | %s", name, kCombos[i].name)
            << kCombos[i].onlyNotified << kCombos[i].share << v << t << expected[i];
}

} // namespace

class TestVisibility : public QObject
{
    Q_OBJECT

private slots:
    void clause1Hidden_data();
    void clause1Hidden() { checkComment(); }
    void clause2Employees_data();
    void clause2Employees() { checkComment(); }
    void clause3Contacts_data();
    void clause3Contacts() { checkComment(); }
    void defaultSettingsHideUnaddressedComments();
    void commentAudienceIdZeroMatchesNobody();

    void canSeeTask_data();
    void canSeeTask();

    void canSeeCard_data();
    void canSeeCard();
    void callRecordsAreForEmployeesOnly();

private:
    void checkComment();
};

void TestVisibility::checkComment()
{
    QFETCH(bool, onlyNotified);
    QFETCH(bool, share);
    QFETCH(Viewer, viewer);
    QFETCH(CommentAudience, comment);
    QFETCH(bool, expected);
    QCOMPARE(visibility::canSeeComment(viewer, comment, settings(onlyNotified, share)), expected);
}

// 1. A hidden comment: only its author, the people in visibleToIds and admins, whatever the
// settings, and whatever else the comment says (notified, internal, company).
void TestVisibility::clause1Hidden_data()
{
    addCommentColumns();
    const CommentAudience byEmployee = comment(kEmployee, 0, {kIvan}, {kAcme});
    const CommentAudience byIvan = comment(kIvan, kAcme, {kEmployee});

    addCommentRows("author (employee)", employee(), hidden(byEmployee, {}), kAlways);
    addCommentRows("author (contact)", ivan(), hidden(byIvan, {}), kAlways);
    addCommentRows("employee in visibleTo", employee(kOtherEmployee),
        hidden(byEmployee, {kOtherEmployee}), kAlways);
    addCommentRows(
        "contact in visibleTo", contact(kOlga, kGlobex), hidden(byEmployee, {kOlga}), kAlways);
    addCommentRows(
        "admin not in visibleTo", admin(), hidden(byEmployee, {kOtherEmployee}), kAlways);
    addCommentRows("admin, comment by contact", admin(), hidden(byIvan, {}), kAlways);
    // Being an employee is not enough for a private comment.
    addCommentRows("non-admin employee not in visibleTo", employee(kOtherEmployee),
        hidden(byEmployee, {kOlga}), kNever);
    addCommentRows("non-admin employee notified but not in visibleTo", employee(kOtherEmployee),
        hidden(comment(kEmployee, 0, {kOtherEmployee}), {}), kNever);
    // Notification does not open a private comment to a contact.
    addCommentRows("contact notified but not in visibleTo", ivan(),
        hidden(byEmployee, {kOtherEmployee}), kNever);
    // Nor does company sharing: the colleague of a listed contact stays out.
    addCommentRows("colleague of visibleTo contact", contact(kPetr, kAcme),
        hidden(comment(kEmployee, 0, {}, {}), {kIvan}), kNever);
    addCommentRows(
        "colleague of author contact", contact(kPetr, kAcme), hidden(byIvan, {}), kNever);
    addCommentRows("unrelated contact", contact(kLoner, 0), hidden(byEmployee, {}), kNever);
}

// 2. Every employee sees every comment that is not hidden, internal ones included.
void TestVisibility::clause2Employees_data()
{
    addCommentColumns();
    addCommentRows("employee, unaddressed", employee(), comment(kOtherEmployee, 0), kAlways);
    addCommentRows("employee, internal", employee(), internal(comment(kOtherEmployee, 0)), kAlways);
    addCommentRows("employee, from contact to someone else", employee(),
        comment(kIvan, kAcme, {kOtherEmployee}, {0}), kAlways);
    addCommentRows("admin, internal", admin(), internal(comment(kEmployee, 0)), kAlways);
}

// 3. Contacts: never internal; with contactsSeeOnlyNotified off, all the rest; with it on,
// what they wrote or were notified of, plus (shareWithinCompany) what their company's
// people wrote or were notified of.
void TestVisibility::clause3Contacts_data()
{
    addCommentColumns();
    //                                       offOff offOn  onOff  onOn
    addCommentRows(
        "unaddressed employee comment", ivan(), comment(kEmployee, 0), {true, true, false, false});
    addCommentRows(
        "notified", ivan(), comment(kEmployee, 0, {kOtherEmployee, kIvan}, {kAcme}), kAlways);
    addCommentRows("author", ivan(), comment(kIvan, kAcme), kAlways);
    addCommentRows(
        "author is a colleague", ivan(), comment(kPetr, kAcme), {true, true, false, true});
    addCommentRows("a colleague is notified", ivan(),
        comment(kEmployee, 0, {kOlga, kPetr}, {kGlobex, kAcme}), {true, true, false, true});
    addCommentRows(
        "author is the company itself", ivan(), comment(kAcme, kAcme), {true, true, false, true});
    addCommentRows("company viewer, its employee notified", contact(kAcme, kAcme),
        comment(kEmployee, 0, {kIvan}, {kAcme}), {true, true, false, true});
    addCommentRows("another company's people", ivan(), comment(kOlga, kGlobex, {kOlga}, {kGlobex}),
        {true, true, false, false});
    // Two contacts without a company are not colleagues: 0 means "none", never a match.
    addCommentRows("no company vs author without company", contact(kLoner, 0),
        comment(kHermit, 0, {kHermit}, {0}), {true, true, false, false});
    addCommentRows("no company vs notified without company", contact(kLoner, 0),
        comment(kEmployee, 0, {kHermit}, {0}), {true, true, false, false});
    // Internal talk never reaches a contact, even one it names.
    addCommentRows("internal, unaddressed", ivan(), internal(comment(kEmployee, 0)), kNever);
    addCommentRows(
        "internal, notified", ivan(), internal(comment(kEmployee, 0, {kIvan}, {kAcme})), kNever);
    addCommentRows("internal, author", ivan(), internal(comment(kIvan, kAcme)), kNever);
    addCommentRows("internal, colleague author", ivan(), internal(comment(kPetr, kAcme)), kNever);
}

// The shipped defaults (SPEC section 2): contactsSeeOnlyNotified on, shareWithinCompany off.
void TestVisibility::defaultSettingsHideUnaddressedComments()
{
    const AccountSettings defaults;
    QVERIFY(!visibility::canSeeComment(ivan(), comment(kEmployee, 0), defaults));
    QVERIFY(!visibility::canSeeComment(ivan(), comment(kPetr, kAcme), defaults));
    QVERIFY(visibility::canSeeComment(ivan(), comment(kEmployee, 0, {kIvan}, {kAcme}), defaults));
    QVERIFY(visibility::canSeeComment(employee(), comment(kIvan, kAcme), defaults));
}

// A comment with no author (a system record, authorId 0) and an empty visibleTo must not
// be matched by a viewer whose id was never filled in.
void TestVisibility::commentAudienceIdZeroMatchesNobody()
{
    const Viewer nobody = contact(0, 0);
    for (const Combo &combo : kCombos) {
        const AccountSettings s = settings(combo.onlyNotified, combo.share);
        QVERIFY2(!visibility::canSeeComment(nobody, hidden(comment(0, 0), {}), s), combo.name);
        QVERIFY2(!visibility::canSeeComment(nobody, internal(comment(0, 0)), s), combo.name);
    }
    QVERIFY(!visibility::canSeeComment(nobody, comment(0, 0), settings(true, true)));
    QVERIFY(
        !visibility::canSeeComment(nobody, comment(kEmployee, 0, {0}, {0}), settings(true, true)));
}

// A task: employees always; a contact as counterparty or member; with shareWithinCompany,
// when the counterparty is the contact's company or one of its people.
// contactsSeeOnlyNotified plays no part here.
void TestVisibility::canSeeTask_data()
{
    addTaskColumns();
    const Expect shareOnly {false, true, false, true};
    addTaskRows("employee, unrelated task", employee(), task(kOlga, kGlobex), kAlways);
    addTaskRows("employee, task without counterparty", employee(), task(0, 0), kAlways);
    addTaskRows("admin", admin(), task(kOlga, kGlobex, {kEmployee}), kAlways);
    addTaskRows("contact is counterparty", ivan(), task(kIvan, kAcme), kAlways);
    addTaskRows(
        "contact without company is counterparty", contact(kLoner, 0), task(kLoner, 0), kAlways);
    addTaskRows("contact is assignee", ivan(), task(kOlga, kGlobex, {kEmployee, kIvan}), kAlways);
    addTaskRows("contact is participant, no counterparty", ivan(), task(0, 0, {kIvan}), kAlways);
    addTaskRows("unrelated contact", ivan(), task(kOlga, kGlobex, {kEmployee}), kNever);
    addTaskRows("contact, task without counterparty", ivan(), task(0, 0, {kEmployee}), kNever);
    addTaskRows("counterparty is a colleague", ivan(), task(kPetr, kAcme), shareOnly);
    addTaskRows("counterparty is the contact's company", ivan(), task(kAcme, kAcme), shareOnly);
    addTaskRows("company viewer, counterparty its employee", contact(kAcme, kAcme),
        task(kIvan, kAcme), shareOnly);
    // Company 0 is "no company": two company-less contacts are not colleagues.
    addTaskRows(
        "no company vs counterparty without company", contact(kLoner, 0), task(kHermit, 0), kNever);
    addTaskRows("no company vs no counterparty", contact(kLoner, 0), task(0, 0), kNever);
    addTaskRows("viewer id 0 vs no counterparty", contact(0, 0), task(0, 0), kNever);
    addTaskRows("viewer id 0 vs member list with 0", contact(0, 0), task(0, 0, {0}), kNever);
}

void TestVisibility::canSeeTask()
{
    QFETCH(bool, onlyNotified);
    QFETCH(bool, share);
    QFETCH(Viewer, viewer);
    QFETCH(TaskAudience, task);
    QFETCH(bool, expected);
    QCOMPARE(visibility::canSeeTask(viewer, task, settings(onlyNotified, share)), expected);
}

// A card: employees every card, a contact only its own (company sharing does not apply).
void TestVisibility::canSeeCard_data()
{
    QTest::addColumn<Viewer>("viewer");
    QTest::addColumn<qint64>("card");
    QTest::addColumn<bool>("expected");
    QTest::newRow("employee, any card") << employee() << kOlga << true;
    QTest::newRow("admin, any card") << admin() << kAcme << true;
    QTest::newRow("contact, own card") << ivan() << kIvan << true;
    QTest::newRow("company, own card") << contact(kAcme, kAcme) << kAcme << true;
    QTest::newRow("contact, other contact's card") << ivan() << kOlga << false;
    QTest::newRow("contact, colleague's card") << ivan() << kPetr << false;
    QTest::newRow("contact, own company's card") << ivan() << kAcme << false;
    QTest::newRow("contact, an employee's card") << ivan() << kEmployee << false;
    QTest::newRow("viewer id 0, card 0") << contact(0, 0) << qint64(0) << false;
}

void TestVisibility::canSeeCard()
{
    QFETCH(Viewer, viewer);
    QFETCH(qint64, card);
    QFETCH(bool, expected);
    QCOMPARE(visibility::canSeeCard(viewer, card), expected);
}

// Calls are closed to contacts: a comment a contact may read comes without its call record.
void TestVisibility::callRecordsAreForEmployeesOnly()
{
    QVERIFY(visibility::canSeeCallRecord(Viewer {7, true, false, 0}));
    QVERIFY(visibility::canSeeCallRecord(Viewer {1, true, true, 0}));
    QVERIFY(!visibility::canSeeCallRecord(Viewer {20, false, false, 30}));
    QVERIFY(!visibility::canSeeCallRecord(Viewer {30, false, false, 30})); // a company
}

QTEST_APPLESS_MAIN(TestVisibility)
#include "tst_visibility.moc"
