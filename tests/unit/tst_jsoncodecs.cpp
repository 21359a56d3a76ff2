// JSON codecs of the domain types: what the server sends must read back identically, and a
// malformed body must be refused with a message, never half-read.
#include "models/accountsettings.h"
#include "models/call.h"
#include "models/comment.h"
#include "models/jsonread.h"
#include "models/line.h"
#include "models/person.h"
#include "models/task.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <limits>

using namespace linecard;

Q_DECLARE_METATYPE(linecard::AccountSettings)
Q_DECLARE_METATYPE(linecard::Call)
Q_DECLARE_METATYPE(linecard::Comment)
Q_DECLARE_METATYPE(linecard::Person)
Q_DECLARE_METATYPE(linecard::Task)

namespace {

// Through text, as on the wire, so that number formatting is part of the round trip.
QJsonObject viaText(const QJsonObject &o)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QJsonDocument(o).toJson(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("round trip through text failed: %s", qPrintable(error.errorString()));
    return doc.object();
}

QDateTime utc(int h, int m, int s, int ms)
{
    return QDateTime(QDate(2024, 3, 1), QTime(h, m, s, ms), Qt::UTC);
}

// The largest id a JSON number carries exactly.
constexpr qint64 kMaxId = 9007199254740991;

// QCOMPARE returns from the helper only; callers check QTest::currentTestFailed().
void compare(const Person &a, const Person &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.kind, b.kind);
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.login, b.login);
    QCOMPARE(a.extensions, b.extensions);
    QCOMPARE(a.isAdmin, b.isAdmin);
    QCOMPARE(a.active, b.active);
    QCOMPARE(a.isCompany, b.isCompany);
    QCOMPARE(a.companyId, b.companyId);
    QCOMPARE(a.phones.size(), b.phones.size());
    for (int i = 0; i < a.phones.size(); ++i) {
        QCOMPARE(a.phones[i].number, b.phones[i].number);
        QCOMPARE(a.phones[i].type, b.phones[i].type);
    }
    QVERIFY(a.phones == b.phones);
    QCOMPARE(a.emails, b.emails);
    QCOMPARE(a.fields, b.fields);
    QCOMPARE(a.responsibleId, b.responsibleId);
    QCOMPARE(a.hasAccess, b.hasAccess);
    QCOMPARE(a.mergedInto, b.mergedInto);
}

void compare(const Task &a, const Task &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.title, b.title);
    QCOMPARE(a.description, b.description);
    QCOMPARE(a.status, b.status);
    QCOMPARE(a.counterpartyId, b.counterpartyId);
    QCOMPARE(a.assigneeIds, b.assigneeIds);
    QCOMPARE(a.participantIds, b.participantIds);
    QCOMPARE(a.createdAt, b.createdAt);
    QCOMPARE(a.updatedAt, b.updatedAt);
    QCOMPARE(a.lastActivityAt, b.lastActivityAt);
}

void compare(const Call &a, const Call &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.providerId, b.providerId);
    QCOMPARE(a.externalId, b.externalId);
    QCOMPARE(a.direction, b.direction);
    QCOMPARE(a.state, b.state);
    QCOMPARE(a.from, b.from);
    QCOMPARE(a.to, b.to);
    QCOMPARE(a.lineId, b.lineId);
    QCOMPARE(a.contactId, b.contactId);
    QCOMPARE(a.answeredById, b.answeredById);
    QCOMPARE(a.startedAt, b.startedAt);
    QCOMPARE(a.answeredAt, b.answeredAt);
    QCOMPARE(a.endedAt, b.endedAt);
    QCOMPARE(a.duration, b.duration);
    QCOMPARE(a.recordingUrl, b.recordingUrl);
    QCOMPARE(a.endReason, b.endReason);
    QCOMPARE(a.queue, b.queue);
    QCOMPARE(a.endedById, b.endedById);
}

void compare(const Comment &a, const Comment &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.taskId, b.taskId);
    QCOMPARE(a.contactId, b.contactId);
    QCOMPARE(a.authorId, b.authorId);
    QCOMPARE(a.text, b.text);
    QCOMPARE(a.createdAt, b.createdAt);
    QCOMPARE(a.notifiedIds, b.notifiedIds);
    QCOMPARE(a.hidden, b.hidden);
    QCOMPARE(a.visibleToIds, b.visibleToIds);
    QCOMPARE(a.internal, b.internal);
    QCOMPARE(a.call.has_value(), b.call.has_value());
    if (a.call)
        compare(*a.call, *b.call);
}

void compare(const Line &a, const Line &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.number, b.number);
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.color, b.color);
    QCOMPARE(a.employeeIds, b.employeeIds);
}

// Writes, sends as text, reads back and compares every field.
template<typename T> void checkRoundTrip(const T &original)
{
    QString error;
    const std::optional<T> back = T::fromJson(viaText(original.toJson()), &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(error.isEmpty());
    compare(original, *back);
}

Person employee()
{
    Person p;
    p.id = 7;
    p.kind = Person::Kind::Employee;
    p.name = QStringLiteral("Анна Смирнова");
    p.login = QStringLiteral("anna");
    p.extensions = {QStringLiteral("101"), QStringLiteral("205")};
    p.isAdmin = true;
    return p;
}

Person contactWithAccess()
{
    Person p;
    p.id = 42;
    p.kind = Person::Kind::Contact;
    p.name = QStringLiteral("Иван Петров");
    p.companyId = 40;
    p.phones = {{QStringLiteral("+7 916 123-45-67"), QStringLiteral("mobile")},
        {QStringLiteral("8 (495) 123-45-67 доб. 12"), QStringLiteral("work")}};
    p.emails = {QStringLiteral("ivan@example.com"), QStringLiteral("ivan.petrov@example.org")};
    p.fields = QJsonObject {{QStringLiteral("inn"), QStringLiteral("7701234567")},
        {QStringLiteral("vip"), true},
        {QStringLiteral("tags"), QJsonArray {QStringLiteral("a"), 2}}};
    p.responsibleId = 7;
    p.hasAccess = true;
    p.login = QStringLiteral("ivan");
    p.mergedInto = 0;
    return p;
}

Task fullTask()
{
    Task t;
    t.id = 1001;
    t.title = QStringLiteral("Поставка оборудования");
    t.description = QStringLiteral("**Markdown**\nсо строками");
    t.status = Task::Status::Done;
    t.counterpartyId = 42;
    t.assigneeIds = {7, 8};
    t.participantIds = {42, 9};
    t.createdAt = utc(9, 0, 0, 1);
    t.updatedAt = utc(10, 15, 30, 250);
    t.lastActivityAt = utc(11, 59, 59, 999);
    return t;
}

Call fullCall()
{
    Call c;
    c.id = 555;
    c.providerId = 2;
    c.externalId = QStringLiteral("pbx-call-0001");
    c.direction = Call::Direction::Out;
    c.state = Call::State::Ended;
    c.from = QStringLiteral("101");
    c.to = QStringLiteral("+7 916 123-45-67");
    c.lineId = 3;
    c.contactId = 42;
    c.answeredById = 7;
    c.startedAt = utc(12, 0, 0, 0);
    c.answeredAt = utc(12, 0, 5, 500);
    c.endedAt = utc(12, 3, 5, 500);
    c.duration = 180;
    c.recordingUrl = QStringLiteral("https://pbx.example.com/rec/0001.mp3");
    c.endReason = QStringLiteral("normalClearing");
    c.queue = QStringLiteral("Поддержка");
    c.endedById = 8;
    return c;
}

Comment taskComment()
{
    Comment c;
    c.id = 9001;
    c.taskId = 1001;
    c.authorId = 7;
    c.text = QStringLiteral("Перезвонил клиенту, `ok`");
    c.createdAt = utc(12, 4, 0, 42);
    c.notifiedIds = {42, 8};
    c.hidden = true;
    c.visibleToIds = {8};
    c.internal = true;
    return c;
}

Line fullLine()
{
    Line l;
    l.id = 3;
    l.number = QStringLiteral("+74951234567");
    l.name = QStringLiteral("Отдел продаж");
    l.color = QStringLiteral("#3a7bd5");
    l.employeeIds = {7, 8, 9};
    return l;
}

// Rejection tables: a valid object with one key replaced (or removed, for Undefined).
void addRejectColumns()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("mentions"); // the field the error message must name
}

void addReject(
    const char *name, const QString &key, const QJsonValue &value, const QString &mentions = {})
{
    QTest::newRow(name) << key << value << (mentions.isEmpty() ? key : mentions);
}

const QJsonValue kRemove {QJsonValue::Undefined};

// The id rules every codec shares.
void addIdRejects()
{
    addReject("id missing", QStringLiteral("id"), kRemove);
    addReject("id null", QStringLiteral("id"), QJsonValue());
    addReject("id as string", QStringLiteral("id"), QStringLiteral("5"));
    addReject("id fractional", QStringLiteral("id"), 5.5);
    addReject("id negative", QStringLiteral("id"), -5);
    addReject("id zero", QStringLiteral("id"), 0);
    addReject("id bool", QStringLiteral("id"), true);
    addReject("id beyond 2^53", QStringLiteral("id"), 1e300);
}

template<typename T> void checkRejects(const QJsonObject &valid)
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, mentions);

    QVERIFY2(T::fromJson(valid), "the base object must be valid for the row to mean anything");
    QJsonObject json = valid;
    if (value.isUndefined())
        json.remove(key);
    else
        json.insert(key, value);
    QString error;
    QVERIFY(!T::fromJson(json, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(mentions), qPrintable(error));
    // Callers that do not want the message may pass none.
    QVERIFY(!T::fromJson(json));
}

} // namespace

class TestJsonCodecs : public QObject
{
    Q_OBJECT

private slots:
    // Person
    void personEmployeeRoundTrip();
    void personContactRoundTrip_data();
    void personContactRoundTrip();
    void personContactLoginOnlyWithAccess();
    void personDefaults();
    void personContactDoesNotReadEmployeeFields();
    void personRejects_data();
    void personRejects() { checkRejects<Person>(contactWithAccess().toJson()); }
    void personKindNames();

    // Task
    void taskRoundTrip_data();
    void taskRoundTrip();
    void taskDefaults();
    void taskTimesAreUtcWithMilliseconds();
    void taskTimes();
    void taskRejects_data();
    void taskRejects() { checkRejects<Task>(fullTask().toJson()); }

    // Comment
    void commentRoundTrip_data();
    void commentRoundTrip();
    void commentWithoutCallWritesNull();
    void commentDefaults();
    void commentRejects_data();
    void commentRejects() { checkRejects<Comment>(commentWithCall().toJson()); }

    // Call
    void callRoundTrip_data();
    void callRoundTrip();
    void callDefaults();
    void callRejects_data();
    void callRejects() { checkRejects<Call>(fullCall().toJson()); }

    // Line
    void lineRoundTrip();
    void lineDefaults();
    void lineRejects_data();
    void lineRejects() { checkRejects<Line>(fullLine().toJson()); }

    // AccountSettings
    void settingsDefaults();
    void settingsRoundTrip_data();
    void settingsRoundTrip();
    void settingsPatchChangesOnlyGivenKeys();
    void settingsPatchRejects_data();
    void settingsPatchRejects();
    void settingsFromJsonRejectsUnknownKey();

    // JsonRead
    void jsonReadIds_data();
    void jsonReadIds();
    void jsonReadIdsRejects_data();
    void jsonReadIdsRejects();
    void jsonReadId();
    void jsonReadInteger();
    void jsonReadStrings();
    void jsonReadKeepsFirstError();
    void jsonReadTimeFormat();

private:
    static Comment commentWithCall();
};

Comment TestJsonCodecs::commentWithCall()
{
    Comment c = taskComment();
    c.call = fullCall();
    return c;
}

// ---- Person ----

void TestJsonCodecs::personEmployeeRoundTrip()
{
    const Person p = employee();
    checkRoundTrip(p);
    if (QTest::currentTestFailed())
        return;
    // Contact fields do not apply to an employee and are not written.
    const QJsonObject json = p.toJson();
    QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("employee"));
    for (const char *key : {"isCompany", "companyId", "phones", "emails", "fields", "responsibleId",
             "hasAccess", "mergedInto"})
        QVERIFY2(!json.contains(QLatin1String(key)), key);
    QCOMPARE(json.value(QStringLiteral("extensions")).toArray().size(), 2);
    QCOMPARE(json.value(QStringLiteral("active")).toBool(), true);
    // A deactivated employee says so; an older server that never says counts as active.
    Person deactivated = p;
    deactivated.active = false;
    checkRoundTrip(deactivated);
    QJsonObject old = json;
    old.remove(QStringLiteral("active"));
    QVERIFY(Person::fromJson(old)->active);
}

void TestJsonCodecs::personContactRoundTrip_data()
{
    QTest::addColumn<Person>("person");

    QTest::newRow("contact with access") << contactWithAccess();

    Person company;
    company.id = 40;
    company.name = QStringLiteral("ООО «Ромашка»");
    company.isCompany = true;
    company.phones = {{QStringLiteral("+7 495 000-00-00"), QString()}};
    QTest::newRow("company") << company;

    Person minimal;
    minimal.id = 43;
    minimal.name = QStringLiteral("Unknown caller +79160000000");
    QTest::newRow("minimal contact") << minimal;

    Person merged = contactWithAccess();
    merged.id = kMaxId;
    merged.mergedInto = 42;
    merged.hasAccess = false;
    merged.login.clear();
    QTest::newRow("merged, largest id") << merged;
}

void TestJsonCodecs::personContactRoundTrip()
{
    QFETCH(Person, person);
    checkRoundTrip(person);
    if (QTest::currentTestFailed())
        return;
    // Employee fields do not apply to a contact and are not written.
    const QJsonObject json = person.toJson();
    QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("contact"));
    QVERIFY(!json.contains(QStringLiteral("extensions")));
    QVERIFY(!json.contains(QStringLiteral("isAdmin")));
    // "No company" is null on the wire, not 0.
    if (!person.companyId)
        QVERIFY(json.value(QStringLiteral("companyId")).isNull());
}

void TestJsonCodecs::personContactLoginOnlyWithAccess()
{
    Person p = contactWithAccess();
    QCOMPARE(p.toJson().value(QStringLiteral("login")).toString(), QStringLiteral("ivan"));
    // A contact whose access was withdrawn does not show its old login.
    p.hasAccess = false;
    const QJsonObject json = p.toJson();
    QVERIFY(!json.contains(QStringLiteral("login")));
    const auto back = Person::fromJson(json);
    QVERIFY(back);
    QVERIFY(back->login.isEmpty());
    QVERIFY(!back->hasAccess);
}

void TestJsonCodecs::personDefaults()
{
    const QJsonObject json {{QStringLiteral("id"), 5},
        {QStringLiteral("kind"), QStringLiteral("contact")},
        {QStringLiteral("name"), QStringLiteral("Олег")},
        {QStringLiteral("companyId"), QJsonValue()},
        {QStringLiteral("responsibleId"), QJsonValue()}};
    QString error;
    const auto p = Person::fromJson(json, &error);
    QVERIFY2(p, qPrintable(error));
    QCOMPARE(p->id, 5);
    QVERIFY(p->isContact());
    QVERIFY(p->login.isEmpty());
    QVERIFY(p->extensions.isEmpty());
    QVERIFY(!p->isAdmin);
    QVERIFY(!p->isCompany);
    QCOMPARE(p->companyId, 0);
    QVERIFY(p->phones.isEmpty());
    QVERIFY(p->emails.isEmpty());
    QVERIFY(p->fields.isEmpty());
    QCOMPARE(p->responsibleId, 0);
    QVERIFY(!p->hasAccess);
    QCOMPARE(p->mergedInto, 0);
}

// An admin flag on a contact would open hidden comments to it (SPEC section 3, clause 1):
// a contact body must not carry employee fields in, whether they are dropped or refused.
void TestJsonCodecs::personContactDoesNotReadEmployeeFields()
{
    QJsonObject json = contactWithAccess().toJson();
    json.insert(QStringLiteral("isAdmin"), true);
    json.insert(QStringLiteral("extensions"), QJsonArray {QStringLiteral("101")});
    const auto p = Person::fromJson(json);
    QVERIFY(!p || p->isContact());
    QVERIFY(!p || (!p->isAdmin && p->extensions.isEmpty()));
}

void TestJsonCodecs::personRejects_data()
{
    addRejectColumns();
    addIdRejects();
    addReject("kind missing", QStringLiteral("kind"), kRemove);
    addReject("kind bogus", QStringLiteral("kind"), QStringLiteral("robot"));
    addReject("kind wrong case", QStringLiteral("kind"), QStringLiteral("Contact"));
    addReject("kind as number", QStringLiteral("kind"), 1);
    addReject("name missing", QStringLiteral("name"), kRemove);
    addReject("name null", QStringLiteral("name"), QJsonValue());
    addReject("name as number", QStringLiteral("name"), 12);
    addReject("login as number", QStringLiteral("login"), 12);
    addReject("isCompany as number", QStringLiteral("isCompany"), 1);
    addReject("companyId as string", QStringLiteral("companyId"), QStringLiteral("40"));
    addReject("companyId fractional", QStringLiteral("companyId"), 40.5);
    addReject("companyId negative", QStringLiteral("companyId"), -40);
    addReject("phones as string", QStringLiteral("phones"), QStringLiteral("+79161234567"));
    addReject("phones holding strings", QStringLiteral("phones"),
        QJsonArray {QStringLiteral("+79161234567")});
    addReject("phone without number", QStringLiteral("phones"),
        QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("work")}}},
        QStringLiteral("number"));
    addReject("phone number as number", QStringLiteral("phones"),
        QJsonArray {QJsonObject {{QStringLiteral("number"), 79161234567LL}}},
        QStringLiteral("number"));
    addReject("emails not strings", QStringLiteral("emails"), QJsonArray {QJsonValue()});
    addReject("fields as array", QStringLiteral("fields"), QJsonArray {});
    addReject("responsibleId as string", QStringLiteral("responsibleId"), QStringLiteral("7"));
    addReject("hasAccess as number", QStringLiteral("hasAccess"), 0);
    addReject("mergedInto zero", QStringLiteral("mergedInto"), 0);
}

void TestJsonCodecs::personKindNames()
{
    QCOMPARE(Person::kindName(Person::Kind::Employee), QStringLiteral("employee"));
    QCOMPARE(Person::kindName(Person::Kind::Contact), QStringLiteral("contact"));
    QVERIFY(Person::kindFromName(QStringLiteral("employee")) == Person::Kind::Employee);
    QVERIFY(Person::kindFromName(QStringLiteral("contact")) == Person::Kind::Contact);
    QVERIFY(!Person::kindFromName(QStringLiteral("company")));
    QVERIFY(!Person::kindFromName(QString()));
}

// ---- Task ----

void TestJsonCodecs::taskRoundTrip_data()
{
    QTest::addColumn<Task>("task");
    QTest::newRow("done, every field") << fullTask();
    Task cancelled = fullTask();
    cancelled.status = Task::Status::Cancelled;
    cancelled.counterpartyId = 0;
    cancelled.assigneeIds.clear();
    QTest::newRow("cancelled, no counterparty, no assignees") << cancelled;
    Task open;
    open.id = 1;
    open.title = QStringLiteral("x");
    QTest::newRow("open, no times") << open;
    Task local = fullTask();
    // A time in another zone is the same instant after the trip through UTC.
    local.createdAt = QDateTime(QDate(2024, 3, 1), QTime(12, 0, 0, 7), Qt::OffsetFromUTC, 3 * 3600);
    QTest::newRow("time with an offset") << local;
}

void TestJsonCodecs::taskRoundTrip()
{
    QFETCH(Task, task);
    checkRoundTrip(task);
}

void TestJsonCodecs::taskDefaults()
{
    const QJsonObject json {
        {QStringLiteral("id"), 3}, {QStringLiteral("title"), QStringLiteral("t")}};
    QString error;
    const auto t = Task::fromJson(json, &error);
    QVERIFY2(t, qPrintable(error));
    QCOMPARE(t->status, Task::Status::Open);
    QVERIFY(t->isActive());
    QVERIFY(t->description.isEmpty());
    QCOMPARE(t->counterpartyId, 0);
    QVERIFY(t->assigneeIds.isEmpty());
    QVERIFY(t->participantIds.isEmpty());
    QVERIFY(!t->createdAt.isValid());
    QVERIFY(!t->updatedAt.isValid());
    QVERIFY(!t->lastActivityAt.isValid());
    // No counterparty is null on the wire.
    QVERIFY(t->toJson().value(QStringLiteral("counterpartyId")).isNull());
}

void TestJsonCodecs::taskTimesAreUtcWithMilliseconds()
{
    Task t = fullTask();
    t.createdAt = QDateTime(QDate(2024, 3, 1), QTime(12, 0, 0, 7), Qt::OffsetFromUTC, 3 * 3600);
    QCOMPARE(t.toJson().value(QStringLiteral("createdAt")).toString(),
        QStringLiteral("2024-03-01T09:00:00.007Z"));
    QCOMPARE(t.toJson().value(QStringLiteral("status")).toString(), QStringLiteral("done"));
}

void TestJsonCodecs::taskTimes()
{
    QJsonObject json = fullTask().toJson();
    // "" is how an unset time is written, so it reads back as unset.
    json.insert(QStringLiteral("updatedAt"), QStringLiteral(""));
    const auto t = Task::fromJson(json);
    QVERIFY(t);
    QVERIFY(!t->updatedAt.isValid());
    QCOMPARE(t->createdAt, fullTask().createdAt);

    // Text that is not a time is a malformed body, like a string id.
    json.insert(QStringLiteral("createdAt"), QStringLiteral("yesterday"));
    QString error;
    QVERIFY(!Task::fromJson(json, &error));
}

void TestJsonCodecs::taskRejects_data()
{
    addRejectColumns();
    addIdRejects();
    addReject("title missing", QStringLiteral("title"), kRemove);
    addReject("title as number", QStringLiteral("title"), 1);
    addReject("description as object", QStringLiteral("description"), QJsonObject {});
    addReject("status bogus", QStringLiteral("status"), QStringLiteral("bogus"));
    addReject("status wrong case", QStringLiteral("status"), QStringLiteral("Open"));
    addReject("status as number", QStringLiteral("status"), 0);
    addReject("counterpartyId as string", QStringLiteral("counterpartyId"), QStringLiteral("42"));
    addReject("counterpartyId fractional", QStringLiteral("counterpartyId"), 42.1);
    addReject("assigneeIds as number", QStringLiteral("assigneeIds"), 7);
    addReject("assigneeIds holding a string", QStringLiteral("assigneeIds"),
        QJsonArray {7, QStringLiteral("8")});
    addReject(
        "participantIds holding a negative", QStringLiteral("participantIds"), QJsonArray {-1});
    addReject("createdAt as number", QStringLiteral("createdAt"), 1709283600);
}

// ---- Comment ----

void TestJsonCodecs::commentRoundTrip_data()
{
    QTest::addColumn<Comment>("comment");
    QTest::newRow("hidden internal task comment") << taskComment();
    QTest::newRow("with a call record") << commentWithCall();

    Comment onCard;
    onCard.id = 9002;
    onCard.contactId = 42;
    onCard.authorId = 42;
    onCard.text = QStringLiteral("Жду звонка");
    onCard.createdAt = utc(8, 0, 0, 0);
    QTest::newRow("on a contact card") << onCard;

    Comment missedCall = onCard;
    missedCall.authorId = 7;
    Call c;
    c.id = 556;
    c.state = Call::State::Missed;
    c.from = QStringLiteral("+79161234567");
    missedCall.call = c;
    QTest::newRow("card comment with a sparse call") << missedCall;
}

void TestJsonCodecs::commentRoundTrip()
{
    QFETCH(Comment, comment);
    checkRoundTrip(comment);
    if (QTest::currentTestFailed())
        return;
    // Exactly one owner is written; the other is null.
    const QJsonObject json = comment.toJson();
    QCOMPARE(json.value(QStringLiteral("taskId")).isNull(), comment.taskId == 0);
    QCOMPARE(json.value(QStringLiteral("contactId")).isNull(), comment.contactId == 0);
    QCOMPARE(json.value(QStringLiteral("call")).isObject(), comment.call.has_value());
}

void TestJsonCodecs::commentWithoutCallWritesNull()
{
    const QJsonObject json = taskComment().toJson();
    QVERIFY(json.contains(QStringLiteral("call")));
    QVERIFY(json.value(QStringLiteral("call")).isNull());
    const auto back = Comment::fromJson(json);
    QVERIFY(back);
    QVERIFY(!back->call);
}

void TestJsonCodecs::commentDefaults()
{
    const QJsonObject json {
        {QStringLiteral("id"), 1}, {QStringLiteral("taskId"), 2}, {QStringLiteral("authorId"), 3}};
    QString error;
    const auto c = Comment::fromJson(json, &error);
    QVERIFY2(c, qPrintable(error));
    QCOMPARE(c->contactId, 0);
    QVERIFY(c->text.isEmpty());
    QVERIFY(!c->createdAt.isValid());
    QVERIFY(c->notifiedIds.isEmpty());
    QVERIFY(!c->hidden);
    QVERIFY(c->visibleToIds.isEmpty());
    QVERIFY(!c->internal);
    QVERIFY(!c->call);
}

void TestJsonCodecs::commentRejects_data()
{
    addRejectColumns();
    addIdRejects();
    // A comment belongs to a task or to a card, never both, never neither.
    addReject("both task and card", QStringLiteral("contactId"), 42, QStringLiteral("contactId"));
    addReject("neither task nor card", QStringLiteral("taskId"), kRemove);
    addReject("taskId as string", QStringLiteral("taskId"), QStringLiteral("1001"));
    addReject("authorId missing", QStringLiteral("authorId"), kRemove);
    addReject("authorId fractional", QStringLiteral("authorId"), 7.5);
    addReject("text as number", QStringLiteral("text"), 1);
    addReject("hidden as string", QStringLiteral("hidden"), QStringLiteral("true"));
    addReject("internal as number", QStringLiteral("internal"), 1);
    addReject("notifiedIds fractional", QStringLiteral("notifiedIds"), QJsonArray {42, 8.5});
    addReject("visibleToIds as object", QStringLiteral("visibleToIds"), QJsonObject {});
    addReject("call as string", QStringLiteral("call"), QStringLiteral("555"));
    QJsonObject badCall = fullCall().toJson();
    badCall.insert(QStringLiteral("state"), QStringLiteral("bogus"));
    addReject("call with bogus state", QStringLiteral("call"), badCall, QStringLiteral("state"));
    badCall = fullCall().toJson();
    badCall.remove(QStringLiteral("id"));
    addReject("call without id", QStringLiteral("call"), badCall, QStringLiteral("id"));
}

// ---- Call ----

void TestJsonCodecs::callRoundTrip_data()
{
    QTest::addColumn<Call>("call");
    QTest::newRow("every field") << fullCall();
    for (auto state : {Call::State::Ringing, Call::State::Answered, Call::State::Missed}) {
        Call c;
        c.id = 600 + int(state);
        c.state = state;
        c.externalId = QStringLiteral("x");
        QTest::addRow("state %s", qPrintable(Call::stateName(state))) << c;
    }
}

void TestJsonCodecs::callRoundTrip()
{
    QFETCH(Call, call);
    checkRoundTrip(call);
}

void TestJsonCodecs::callDefaults()
{
    QString error;
    const auto c = Call::fromJson(QJsonObject {{QStringLiteral("id"), 1}}, &error);
    QVERIFY2(c, qPrintable(error));
    QCOMPARE(c->direction, Call::Direction::In);
    QCOMPARE(c->state, Call::State::Ringing);
    QCOMPARE(c->providerId, 0);
    QCOMPARE(c->lineId, 0);
    QCOMPARE(c->contactId, 0);
    QCOMPARE(c->answeredById, 0);
    QVERIFY(!c->startedAt.isValid());
    QVERIFY(!c->answeredAt.isValid());
    QVERIFY(!c->endedAt.isValid());
    QCOMPARE(c->duration, 0);
    QVERIFY(c->recordingUrl.isEmpty());
    QVERIFY(c->endReason.isEmpty());
    QVERIFY(c->queue.isEmpty());
    QCOMPARE(c->endedById, 0);
    // Absent optional values are written as null, not as 0 or "".
    const QJsonObject json = c->toJson();
    for (const char *key : {"providerId", "lineId", "contactId", "answeredById", "startedAt",
             "answeredAt", "endedAt", "recordingUrl", "endReason", "queue", "endedById"})
        QVERIFY2(json.value(QLatin1String(key)).isNull(), key);
}

void TestJsonCodecs::callRejects_data()
{
    addRejectColumns();
    addIdRejects();
    addReject("direction bogus", QStringLiteral("direction"), QStringLiteral("inbound"));
    addReject("state bogus", QStringLiteral("state"), QStringLiteral("bogus"));
    addReject("state as number", QStringLiteral("state"), 2);
    addReject("providerId as string", QStringLiteral("providerId"), QStringLiteral("2"));
    addReject("lineId negative", QStringLiteral("lineId"), -3);
    addReject("contactId fractional", QStringLiteral("contactId"), 42.5);
    addReject("duration fractional", QStringLiteral("duration"), 1.5);
    addReject("duration as string", QStringLiteral("duration"), QStringLiteral("180"));
    addReject("from as number", QStringLiteral("from"), 79161234567LL);
    addReject("recordingUrl as bool", QStringLiteral("recordingUrl"), false);
    addReject("queue as number", QStringLiteral("queue"), 5);
    addReject("endedById as string", QStringLiteral("endedById"), QStringLiteral("8"));
}

// ---- Line ----

void TestJsonCodecs::lineRoundTrip()
{
    checkRoundTrip(fullLine());
    Line bare;
    bare.id = 4;
    bare.number = QStringLiteral("+74950000000");
    checkRoundTrip(bare);
}

void TestJsonCodecs::lineDefaults()
{
    const auto l = Line::fromJson(
        QJsonObject {{QStringLiteral("id"), 4}, {QStringLiteral("number"), QStringLiteral("1")}});
    QVERIFY(l);
    QVERIFY(l->name.isEmpty());
    QVERIFY(l->color.isEmpty());
    QVERIFY(l->employeeIds.isEmpty());
}

void TestJsonCodecs::lineRejects_data()
{
    addRejectColumns();
    addIdRejects();
    addReject("number missing", QStringLiteral("number"), kRemove);
    addReject("number as number", QStringLiteral("number"), 74951234567LL);
    addReject("name as array", QStringLiteral("name"), QJsonArray {});
    addReject("color as number", QStringLiteral("color"), 0xff0000);
    addReject("employeeIds holding 0", QStringLiteral("employeeIds"), QJsonArray {7, 0});
}

// ---- AccountSettings ----

void TestJsonCodecs::settingsDefaults()
{
    // SPEC section 2: contacts see only what they are notified of, until an admin says
    // otherwise; unknown callers become contacts.
    const AccountSettings s;
    QVERIFY(s.contactsSeeOnlyNotified);
    QVERIFY(!s.shareWithinCompany);
    QCOMPARE(s.callAttachTarget, AccountSettings::CallAttachTarget::Contact);
    QVERIFY(!s.callAttachHidden);
    QVERIFY(s.createUnknownCallers);

    const auto fromEmpty = AccountSettings::fromJson(QJsonObject {});
    QVERIFY(fromEmpty);
    QVERIFY(*fromEmpty == s);
}

void TestJsonCodecs::settingsRoundTrip_data()
{
    QTest::addColumn<AccountSettings>("settings");
    QTest::newRow("defaults") << AccountSettings {};
    AccountSettings flipped;
    flipped.contactsSeeOnlyNotified = false;
    flipped.shareWithinCompany = true;
    flipped.callAttachTarget = AccountSettings::CallAttachTarget::LastActiveTask;
    flipped.callAttachHidden = true;
    flipped.createUnknownCallers = false;
    flipped.phoneRegion = QStringLiteral("GB");
    QTest::newRow("every field flipped") << flipped;
}

void TestJsonCodecs::settingsRoundTrip()
{
    QFETCH(AccountSettings, settings);
    const QJsonObject json = viaText(settings.toJson());
    QCOMPARE(json.size(), 6);
    QString error;
    const auto back = AccountSettings::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->contactsSeeOnlyNotified, settings.contactsSeeOnlyNotified);
    QCOMPARE(back->shareWithinCompany, settings.shareWithinCompany);
    QCOMPARE(back->callAttachTarget, settings.callAttachTarget);
    QCOMPARE(back->callAttachHidden, settings.callAttachHidden);
    QCOMPARE(back->createUnknownCallers, settings.createUnknownCallers);
    QCOMPARE(back->phoneRegion, settings.phoneRegion);
    QVERIFY(*back == settings);
}

void TestJsonCodecs::settingsPatchChangesOnlyGivenKeys()
{
    AccountSettings s;
    QString error;
    QVERIFY(
        s.applyPatch(QJsonObject {{QStringLiteral("shareWithinCompany"), true},
                         {QStringLiteral("callAttachTarget"), QStringLiteral("lastActiveTask")}},
            &error));
    QVERIFY(error.isEmpty());
    QVERIFY(s.shareWithinCompany);
    QCOMPARE(s.callAttachTarget, AccountSettings::CallAttachTarget::LastActiveTask);
    // Untouched keys keep their values.
    QVERIFY(s.contactsSeeOnlyNotified);
    QVERIFY(!s.callAttachHidden);
    QVERIFY(s.createUnknownCallers);

    QVERIFY(s.applyPatch(
        QJsonObject {{QStringLiteral("callAttachTarget"), QStringLiteral("contact")}}, &error));
    QCOMPARE(s.callAttachTarget, AccountSettings::CallAttachTarget::Contact);
    QVERIFY(s.shareWithinCompany);

    // An empty patch is a no-op.
    const AccountSettings before = s;
    QVERIFY(s.applyPatch(QJsonObject {}, &error));
    QVERIFY(s == before);
}

void TestJsonCodecs::settingsPatchRejects_data()
{
    QTest::addColumn<QJsonObject>("patch");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("unknown key") << QJsonObject {{QStringLiteral("contactsSeeEverything"), true}}
                                 << QStringLiteral("contactsSeeEverything");
    // A valid change next to a bad one must not be applied either.
    QTest::newRow("unknown key next to a valid one")
        << QJsonObject {{QStringLiteral("shareWithinCompany"), true}, {QStringLiteral("zzz"), 1}}
        << QStringLiteral("zzz");
    QTest::newRow("bool as string")
        << QJsonObject {{QStringLiteral("shareWithinCompany"), QStringLiteral("true")}}
        << QStringLiteral("shareWithinCompany");
    QTest::newRow("bool as number") << QJsonObject {{QStringLiteral("contactsSeeOnlyNotified"), 0}}
                                    << QStringLiteral("contactsSeeOnlyNotified");
    QTest::newRow("wrong type after valid keys")
        << QJsonObject {{QStringLiteral("contactsSeeOnlyNotified"), false},
               {QStringLiteral("shareWithinCompany"), true},
               {QStringLiteral("createUnknownCallers"), QJsonArray {}}}
        << QStringLiteral("createUnknownCallers");
    QTest::newRow("target bogus") << QJsonObject {{QStringLiteral("callAttachHidden"), true},
        {QStringLiteral("callAttachTarget"), QStringLiteral("task")}}
                                  << QStringLiteral("callAttachTarget");
    QTest::newRow("target as number") << QJsonObject {{QStringLiteral("callAttachTarget"), 1}}
                                      << QStringLiteral("callAttachTarget");
    // Regions are ISO 3166 codes libphonenumber knows, in upper case.
    QTest::newRow("region unknown")
        << QJsonObject {{QStringLiteral("phoneRegion"), QStringLiteral("XX")}}
        << QStringLiteral("phoneRegion");
    QTest::newRow("region lower case")
        << QJsonObject {{QStringLiteral("phoneRegion"), QStringLiteral("gb")}}
        << QStringLiteral("phoneRegion");
    QTest::newRow("region empty") << QJsonObject {{QStringLiteral("phoneRegion"), QString()}}
                                  << QStringLiteral("phoneRegion");
    QTest::newRow("region as number")
        << QJsonObject {{QStringLiteral("phoneRegion"), 7}} << QStringLiteral("phoneRegion");
}

void TestJsonCodecs::settingsPatchRejects()
{
    QFETCH(QJsonObject, patch);
    QFETCH(QString, mentions);

    AccountSettings s;
    s.callAttachHidden = true; // not the default, to see it survive
    const AccountSettings before = s;
    QString error;
    QVERIFY(!s.applyPatch(patch, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY(s == before);
    QVERIFY(!AccountSettings::fromJson(patch));
    QVERIFY(!s.applyPatch(patch, nullptr));
    QVERIFY(s == before);
}

void TestJsonCodecs::settingsFromJsonRejectsUnknownKey()
{
    QJsonObject json = AccountSettings {}.toJson();
    json.insert(QStringLiteral("extra"), true);
    QString error;
    QVERIFY(!AccountSettings::fromJson(json, &error));
    QVERIFY(error.contains(QStringLiteral("extra")));
}

// ---- JsonRead ----

void TestJsonCodecs::jsonReadIds_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("in order") << QJsonValue(QJsonArray {3, 1, 2}) << QList<qint64> {3, 1, 2};
    // Duplicates collapse to the first occurrence, order kept.
    QTest::newRow("duplicates") << QJsonValue(QJsonArray {5, 3, 5, 3, 5, 1})
                                << QList<qint64> {5, 3, 1};
    QTest::newRow("2.0 is the integer 2") << QJsonValue(QJsonArray {2.0, 2}) << QList<qint64> {2};
    QTest::newRow("largest exact id") << QJsonValue(QJsonArray {kMaxId}) << QList<qint64> {kMaxId};
    QTest::newRow("empty array") << QJsonValue(QJsonArray {}) << QList<qint64> {};
    QTest::newRow("null") << QJsonValue() << QList<qint64> {};
    QTest::newRow("absent") << QJsonValue(QJsonValue::Undefined) << QList<qint64> {};
}

void TestJsonCodecs::jsonReadIds()
{
    QFETCH(QJsonValue, value);
    QFETCH(QList<qint64>, expected);
    QJsonObject o;
    if (!value.isUndefined())
        o.insert(QStringLiteral("ids"), value);
    JsonRead r(o);
    QCOMPARE(r.ids(QStringLiteral("ids")), expected);
    QVERIFY2(r.ok(), qPrintable(r.error()));
}

void TestJsonCodecs::jsonReadIdsRejects_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("fraction") << QJsonValue(QJsonArray {1, 2.5});
    QTest::newRow("numeric string") << QJsonValue(QJsonArray {QStringLiteral("3")});
    QTest::newRow("bool") << QJsonValue(QJsonArray {true});
    QTest::newRow("null element") << QJsonValue(QJsonArray {1, QJsonValue()});
    QTest::newRow("zero") << QJsonValue(QJsonArray {0});
    QTest::newRow("negative") << QJsonValue(QJsonArray {-4});
    QTest::newRow("nested array") << QJsonValue(QJsonArray {QJsonArray {1}});
    QTest::newRow("beyond 2^53") << QJsonValue(QJsonArray {9007199254740993.0 * 4});
    QTest::newRow("infinity-sized") << QJsonValue(QJsonArray {1e308});
    QTest::newRow("not an array") << QJsonValue(7);
    QTest::newRow("object") << QJsonValue(QJsonObject {{QStringLiteral("0"), 1}});
}

void TestJsonCodecs::jsonReadIdsRejects()
{
    QFETCH(QJsonValue, value);
    JsonRead r(QJsonObject {{QStringLiteral("ids"), value}});
    // Nothing half-read: a bad list yields no ids at all.
    QVERIFY(r.ids(QStringLiteral("ids")).isEmpty());
    QVERIFY(!r.ok());
    QCOMPARE(r.errorField(), QStringLiteral("ids"));
    QVERIFY(!r.error().isEmpty());
}

void TestJsonCodecs::jsonReadId()
{
    JsonRead r(QJsonObject {{QStringLiteral("a"), 12}, {QStringLiteral("n"), QJsonValue()},
        {QStringLiteral("big"), double(kMaxId)}});
    QCOMPARE(r.id(QStringLiteral("a")), 12);
    QCOMPARE(r.id(QStringLiteral("n"), 99), 99); // null means none
    QCOMPARE(r.id(QStringLiteral("absent")), 0);
    QCOMPARE(r.requiredId(QStringLiteral("a")), 12);
    QCOMPARE(r.id(QStringLiteral("big")), kMaxId);
    QVERIFY(r.ok());

    JsonRead nullRequired(QJsonObject {{QStringLiteral("id"), QJsonValue()}});
    QCOMPARE(nullRequired.requiredId(QStringLiteral("id")), 0);
    QVERIFY(!nullRequired.ok());
    QCOMPARE(nullRequired.errorField(), QStringLiteral("id"));

    // Beyond 2^53 a JSON number no longer names one id.
    JsonRead tooBig(QJsonObject {{QStringLiteral("id"), 9007199254740993.0 * 2}});
    QCOMPARE(tooBig.id(QStringLiteral("id")), 0);
    QVERIFY(!tooBig.ok());
}

void TestJsonCodecs::jsonReadInteger()
{
    JsonRead r(QJsonObject {{QStringLiteral("neg"), -5}, {QStringLiteral("zero"), 0}});
    // Plain integers, unlike ids, may be zero or negative.
    QCOMPARE(r.integer(QStringLiteral("neg")), -5);
    QCOMPARE(r.integer(QStringLiteral("zero"), 3), 0);
    QCOMPARE(r.integer(QStringLiteral("absent"), 3), 3);
    QVERIFY(r.ok());

    JsonRead bad(QJsonObject {{QStringLiteral("n"), 0.25}});
    QCOMPARE(bad.integer(QStringLiteral("n"), 3), 3);
    QVERIFY(!bad.ok());
}

void TestJsonCodecs::jsonReadStrings()
{
    JsonRead r(
        QJsonObject {{QStringLiteral("s"), QJsonArray {QStringLiteral("a"), QStringLiteral("a")}},
            {QStringLiteral("empty"), QStringLiteral("")}});
    // Strings are not deduplicated: order and repetition are data.
    QCOMPARE(
        r.strings(QStringLiteral("s")), (QStringList {QStringLiteral("a"), QStringLiteral("a")}));
    // Present but empty satisfies a required string.
    QCOMPARE(r.requiredString(QStringLiteral("empty")), QString());
    QVERIFY(r.ok());
    QVERIFY(r.requiredString(QStringLiteral("absent")).isEmpty());
    QVERIFY(!r.ok());
    QCOMPARE(r.errorField(), QStringLiteral("absent"));
}

void TestJsonCodecs::jsonReadKeepsFirstError()
{
    JsonRead r(QJsonObject {
        {QStringLiteral("a"), QStringLiteral("x")}, {QStringLiteral("b"), QStringLiteral("y")}});
    r.id(QStringLiteral("a"));
    r.boolean(QStringLiteral("b"));
    r.fail(QStringLiteral("c"), QStringLiteral("custom"));
    QVERIFY(!r.ok());
    QCOMPARE(r.errorField(), QStringLiteral("a"));
    QVERIFY(r.error().contains(QStringLiteral("'a'")));
}

void TestJsonCodecs::jsonReadTimeFormat()
{
    QVERIFY(isoTime(QDateTime()).isEmpty());
    QCOMPARE(isoTime(utc(7, 5, 3, 20)), QStringLiteral("2024-03-01T07:05:03.020Z"));
    QCOMPARE(idsToJson({4, 2}), (QJsonArray {4, 2}));
    QVERIFY(idsToJson({}).isEmpty());
}

QTEST_APPLESS_MAIN(TestJsonCodecs)
#include "tst_jsoncodecs.moc"
