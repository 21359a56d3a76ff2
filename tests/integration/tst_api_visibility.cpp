#include "testserver.h"

#include <QHash>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <memory>

using namespace linecard::testing;

// The visibility rule of SPEC section 3 through every REST read path, for employees and for
// contacts with access, under every combination of contactsSeeOnlyNotified and
// shareWithinCompany. The expectations come from a small model of the SPEC's wording in
// this file, not from the server's own functions.
namespace {

struct Settings
{
    bool onlyNotified = true;
    bool share = false;
};

struct Viewer
{
    QString name;
    qint64 id = 0;
    bool employee = false;
    bool admin = false;
    qint64 company = 0; // the viewer's company; a company is its own
    QString token; // empty: the viewer cannot sign in (previewed only)
};

struct TaskModel
{
    QString name;
    qint64 id = 0;
    qint64 counterparty = 0;
    QList<qint64> members; // assignees and participants
};

struct CommentModel
{
    QString name;
    qint64 id = 0;
    qint64 taskId = 0;
    qint64 cardId = 0;
    qint64 author = 0;
    bool hidden = false;
    bool internal = false;
    QList<qint64> visibleTo;
    QList<qint64> notified;
};

// SPEC section 3, written out once more in the test's own words.
struct Model
{
    QHash<qint64, qint64> companyOfPerson; // person → company (a company → itself)
    QList<TaskModel> tasks;
    QList<CommentModel> comments;

    qint64 companyOf(qint64 person) const { return companyOfPerson.value(person, 0); }

    const TaskModel &task(qint64 id) const
    {
        for (const TaskModel &t : tasks)
            if (t.id == id)
                return t;
        qFatal("no task %lld in the model", id);
    }

    // "A viewer V may see a task if V is an employee, or if V is a contact who is the task's
    // counterparty, an assignee or a participant — or, with shareWithinCompany, if the
    // counterparty is V's company or a contact of V's company."
    bool seesTask(const Viewer &v, const TaskModel &t, Settings s) const
    {
        if (v.employee)
            return true;
        if (t.counterparty == v.id || t.members.contains(v.id))
            return true;
        return s.share && t.counterparty != 0 && v.company != 0
            && companyOf(t.counterparty) == v.company;
    }

    // "employees see every card, a contact only its own card"
    static bool seesCard(const Viewer &v, qint64 card) { return v.employee || card == v.id; }

    bool seesComment(const Viewer &v, const CommentModel &c, Settings s) const
    {
        const bool container = c.taskId ? seesTask(v, task(c.taskId), s) : seesCard(v, c.cardId);
        if (!container)
            return false;
        // 1. hidden: the author, the people it is shown to, admins
        if (c.hidden)
            return c.author == v.id || c.visibleTo.contains(v.id) || v.admin;
        // 2. employees: yes
        if (v.employee)
            return true;
        // 3. contacts: never internal; everything else unless only-notified is on ...
        if (c.internal)
            return false;
        if (!s.onlyNotified)
            return true;
        // ... then their own, addressed to them, or (sharing) to/from their company
        if (c.author == v.id || c.notified.contains(v.id))
            return true;
        if (!s.share || v.company == 0)
            return false;
        if (companyOf(c.author) == v.company)
            return true;
        for (qint64 n : c.notified)
            if (companyOf(n) == v.company)
                return true;
        return false;
    }

    QList<qint64> visibleTasks(const Viewer &v, Settings s) const
    {
        QList<qint64> out;
        for (const TaskModel &t : tasks)
            if (seesTask(v, t, s))
                out << t.id;
        std::sort(out.begin(), out.end());
        return out;
    }

    // Oldest first.
    QList<qint64> taskComments(const Viewer &v, qint64 taskId, Settings s) const
    {
        QList<qint64> out;
        for (const CommentModel &c : comments)
            if (c.taskId == taskId && seesComment(v, c, s))
                out << c.id;
        std::sort(out.begin(), out.end());
        return out;
    }
    QList<qint64> cardComments(const Viewer &v, qint64 card, Settings s) const
    {
        QList<qint64> out;
        for (const CommentModel &c : comments)
            if (c.cardId == card && seesComment(v, c, s))
                out << c.id;
        std::sort(out.begin(), out.end());
        return out;
    }
    // The contact's activity: its card's comments and those of the tasks it is the
    // counterparty of, newest first.
    QList<qint64> activity(const Viewer &v, qint64 card, Settings s) const
    {
        QList<qint64> out;
        for (const CommentModel &c : comments) {
            const bool related
                = c.cardId == card || (c.taskId && task(c.taskId).counterparty == card);
            if (related && seesComment(v, c, s))
                out << c.id;
        }
        std::sort(out.begin(), out.end(), std::greater<qint64>());
        return out;
    }
    // The contact's tasks: counterparty or member.
    QList<qint64> contactTasks(const Viewer &v, qint64 contact, Settings s) const
    {
        QList<qint64> out;
        for (const TaskModel &t : tasks)
            if ((t.counterparty == contact || t.members.contains(contact)) && seesTask(v, t, s))
                out << t.id;
        std::sort(out.begin(), out.end());
        return out;
    }
};

QString enc(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

qint64 idOf(const QJsonValue &value)
{
    return qint64(value.toObject().value(QStringLiteral("id")).toDouble());
}

QList<qint64> idsOf(const QJsonArray &items)
{
    QList<qint64> out;
    for (const QJsonValue &v : items)
        out.append(idOf(v));
    return out;
}

QList<qint64> sorted(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

QString describe(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return u'[' + parts.join(u',') + u']';
}

QJsonArray items(const HttpResult &r)
{
    return r.json.value(QStringLiteral("items")).toArray();
}

QString settingsName(Settings s)
{
    return QStringLiteral("onlyNotified=%1 share=%2")
        .arg(s.onlyNotified ? QStringLiteral("on") : QStringLiteral("off"),
            s.share ? QStringLiteral("on") : QStringLiteral("off"));
}

// The pages of a list endpoint, following nextCursor. Answers the status of the first page
// that is not a 200 (with nothing collected), or 200 with every item; -1 when the paging
// itself is broken (why says how).
int fetchAll(TestServer &server, const QString &path, const QString &token, int limit,
    QJsonArray *all, QString *why)
{
    const QChar sep = path.contains(u'?') ? u'&' : u'?';
    QString cursor;
    for (int page = 0; page < 500; ++page) {
        QString url = path + sep + QStringLiteral("limit=") + QString::number(limit);
        if (!cursor.isEmpty())
            url += QStringLiteral("&cursor=") + enc(cursor);
        const HttpResult r = server.get(url, token);
        if (r.status != 200) {
            if (page > 0) {
                *why = QStringLiteral("%1 answered %2 on page %3").arg(url).arg(r.status).arg(page);
                return -1;
            }
            if (r.json.contains(QStringLiteral("items"))) {
                *why = QStringLiteral("%1: an error answer carries items").arg(url);
                return -1;
            }
            return r.status;
        }
        const QJsonArray pageItems = items(r);
        if (pageItems.size() > limit) {
            *why = QStringLiteral("%1 gave %2 items").arg(url).arg(pageItems.size());
            return -1;
        }
        for (const QJsonValue &v : pageItems)
            all->append(v);
        const QJsonValue next = r.json.value(QStringLiteral("nextCursor"));
        if (next.isNull())
            return 200;
        if (!next.isString() || next.toString().isEmpty() || pageItems.size() < limit) {
            *why = QStringLiteral("%1: bad nextCursor after %2 items")
                       .arg(url)
                       .arg(pageItems.size());
            return -1;
        }
        cursor = next.toString();
    }
    *why = QStringLiteral("%1 never ends").arg(path);
    return -1;
}

} // namespace

class TestApiVisibility : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    Model m_model;
    Viewer m_admin, m_emp2, m_emp3; // employees: an admin and two others
    Viewer m_company, m_a, m_b, m_c; // a company (no access), its contacts A and B, and C
    qint64 m_t1 = 0, m_t2 = 0, m_t3 = 0, m_t4 = 0;
    QHash<QString, qint64> m_commentIds; // by name

    TestServer &s() { return *m_server; }
    QList<Viewer> signedIn() const { return {m_admin, m_emp2, m_emp3, m_a, m_b, m_c}; }
    QList<Viewer> contacts() const { return {m_company, m_a, m_b, m_c}; }
    QList<qint64> cards() const { return {m_company.id, m_a.id, m_b.id, m_c.id}; }

    void grantAccess(Viewer &v, const QString &login)
    {
        const QString password = login + QStringLiteral("-password");
        const HttpResult r = s().put(QStringLiteral("/api/v1/contacts/%1/access").arg(v.id),
            {{QStringLiteral("enabled"), true}, {QStringLiteral("login"), login},
                {QStringLiteral("password"), password}},
            m_admin.token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("hasAccess")).toBool(), true);
        v.token = s().login(login, password);
        QVERIFY(!v.token.isEmpty());
        const HttpResult me = s().get(QStringLiteral("/api/v1/me"), v.token);
        QCOMPARE(idOf(me.json), v.id);
        QCOMPARE(me.json.value(QStringLiteral("kind")).toString(), QStringLiteral("contact"));
    }

    void addTask(qint64 *id, const QString &name, qint64 counterparty,
        const QList<qint64> &assignees, const QList<qint64> &participants)
    {
        QJsonObject body {{QStringLiteral("title"), name}};
        QJsonArray a, p;
        for (qint64 x : assignees)
            a.append(x);
        for (qint64 x : participants)
            p.append(x);
        body.insert(QStringLiteral("assigneeIds"), a);
        body.insert(QStringLiteral("participantIds"), p);
        if (counterparty)
            body.insert(QStringLiteral("counterpartyId"), counterparty);
        const HttpResult r = s().post(QStringLiteral("/api/v1/tasks"), body, m_admin.token);
        QCOMPARE(r.status, 201);
        *id = idOf(r.json);
        m_model.tasks.append({name, *id, counterparty, assignees + participants});
    }

    // Posts a comment as author on a task (taskId) or a card (cardId) and records it.
    void addComment(const QString &name, const Viewer &author, qint64 taskId, qint64 cardId,
        const QList<qint64> &notified, bool hidden = false, const QList<qint64> &visibleTo = {},
        bool internal = false)
    {
        QJsonArray n, vt;
        for (qint64 x : notified)
            n.append(x);
        for (qint64 x : visibleTo)
            vt.append(x);
        const QJsonObject body {
            {QStringLiteral("text"), QString(QStringLiteral("comment ") + name)},
            {QStringLiteral("notifiedIds"), n}, {QStringLiteral("hidden"), hidden},
            {QStringLiteral("visibleToIds"), vt}, {QStringLiteral("internal"), internal}};
        const QString path = taskId ? QStringLiteral("/api/v1/tasks/%1/comments").arg(taskId)
                                    : QStringLiteral("/api/v1/contacts/%1/comments").arg(cardId);
        const HttpResult r = s().post(path, body, author.token);
        QVERIFY2(r.status == 201, qPrintable(name + u' ' + QString::fromUtf8(r.raw)));
        CommentModel c {
            name, idOf(r.json), taskId, cardId, author.id, hidden, internal, visibleTo, notified};
        QCOMPARE(qint64(r.json.value(QStringLiteral("authorId")).toDouble()), author.id);
        QCOMPARE(r.json.value(QStringLiteral("hidden")).toBool(), hidden);
        QCOMPARE(r.json.value(QStringLiteral("internal")).toBool(), internal);
        m_model.comments.append(c);
        m_commentIds.insert(name, c.id);
    }

    void applySettings(Settings settings)
    {
        const HttpResult r = s().patch(QStringLiteral("/api/v1/settings"),
            {{QStringLiteral("contactsSeeOnlyNotified"), settings.onlyNotified},
                {QStringLiteral("shareWithinCompany"), settings.share}},
            m_admin.token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("contactsSeeOnlyNotified")).toBool(),
            settings.onlyNotified);
        QCOMPARE(r.json.value(QStringLiteral("shareWithinCompany")).toBool(), settings.share);
    }

    // Every read path as viewer v: with v's own token, or (as != 0) previewed by an employee
    // through "as=" on the paths that take it.
    void checkViewer(const Viewer &v, Settings st, const QString &token, qint64 as)
    {
        const QString who = v.name + (as ? QStringLiteral(" (preview)") : QString()) + u' '
            + settingsName(st) + u' ';
        const QString asQuery = as ? QStringLiteral("?as=%1").arg(as) : QString();
        QString why;

        if (!as) {
            // The task list, newest activity first, across pages.
            QJsonArray list;
            QCOMPARE(fetchAll(s(), QStringLiteral("/api/v1/tasks"), token, 2, &list, &why), 200);
            const QList<qint64> got = idsOf(list);
            const QList<qint64> want = m_model.visibleTasks(v, st);
            QVERIFY2(sorted(got) == want,
                qPrintable(who + QStringLiteral("task list ") + describe(got)
                    + QStringLiteral(" want ") + describe(want)));
            for (int i = 1; i < list.size(); ++i) {
                const QString a
                    = list.at(i - 1).toObject().value(QStringLiteral("lastActivityAt")).toString();
                const QString b
                    = list.at(i).toObject().value(QStringLiteral("lastActivityAt")).toString();
                QVERIFY2(a > b || (a == b && got.at(i - 1) > got.at(i)),
                    qPrintable(who + QStringLiteral("task list order")));
            }
            // Unread counts are a read path too: nobody has read anything here, so each is
            // the number of comments the viewer may see and did not write — never a hint of
            // one they may not see.
            for (const QJsonValue &item : list) {
                const qint64 taskId = idOf(item.toObject());
                int want = 0;
                for (const CommentModel &c : m_model.comments)
                    if (c.taskId == taskId && c.author != v.id && m_model.seesComment(v, c, st))
                        ++want;
                const int got = item.toObject().value(QStringLiteral("unread")).toInt(-1);
                QVERIFY2(got == want,
                    qPrintable(who + m_model.task(taskId).name + QStringLiteral(" unread ")
                        + QString::number(got) + QStringLiteral(" want ") + QString::number(want)));
            }
            // Single tasks.
            for (const TaskModel &t : m_model.tasks) {
                const HttpResult r = s().get(QStringLiteral("/api/v1/tasks/%1").arg(t.id), token);
                const bool sees = m_model.seesTask(v, t, st);
                QVERIFY2(r.status == (sees ? 200 : 404),
                    qPrintable(
                        who + t.name + QStringLiteral(" answered ") + QString::number(r.status)));
                if (sees)
                    QCOMPARE(idOf(r.json), t.id);
                else
                    QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
                // Marking a task one may not see is refused the same way.
                if (!sees)
                    QCOMPARE(s().request("POST", QStringLiteral("/api/v1/tasks/%1/read").arg(t.id),
                                    token)
                                 .status,
                        404);
            }
        }

        // Task threads, one comment per page.
        for (const TaskModel &t : m_model.tasks) {
            QJsonArray thread;
            const int status
                = fetchAll(s(), QStringLiteral("/api/v1/tasks/%1/comments").arg(t.id) + asQuery,
                    token, 1, &thread, &why);
            QVERIFY2(status != -1, qPrintable(why));
            const bool sees = m_model.seesTask(v, t, st);
            QVERIFY2(status == (sees ? 200 : 404),
                qPrintable(
                    who + t.name + QStringLiteral(" thread answered ") + QString::number(status)));
            const QList<qint64> got = idsOf(thread);
            const QList<qint64> want = sees ? m_model.taskComments(v, t.id, st) : QList<qint64>();
            QVERIFY2(got == want,
                qPrintable(who + t.name + QStringLiteral(" thread ") + describe(got)
                    + QStringLiteral(" want ") + describe(want)));
        }

        // Single comments.
        for (const CommentModel &c : m_model.comments) {
            const HttpResult r
                = s().get(QStringLiteral("/api/v1/comments/%1").arg(c.id) + asQuery, token);
            const bool sees = m_model.seesComment(v, c, st);
            QVERIFY2(r.status == (sees ? 200 : 404),
                qPrintable(who + QStringLiteral("comment ") + c.name + QStringLiteral(" answered ")
                    + QString::number(r.status)));
            if (sees) {
                QCOMPARE(idOf(r.json), c.id);
                QCOMPARE(r.json.value(QStringLiteral("text")).toString(),
                    QStringLiteral("comment ") + c.name);
            } else {
                QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
                QVERIFY(!r.raw.contains(c.name.toUtf8()));
            }
        }

        // Card threads: a contact opens only its own card.
        for (qint64 card : cards()) {
            QJsonArray thread;
            const int status
                = fetchAll(s(), QStringLiteral("/api/v1/contacts/%1/comments").arg(card) + asQuery,
                    token, 1, &thread, &why);
            QVERIFY2(status != -1, qPrintable(why));
            const bool sees = Model::seesCard(v, card);
            QVERIFY2(status == (sees ? 200 : 404),
                qPrintable(who + QStringLiteral("card %1 answered %2").arg(card).arg(status)));
            const QList<qint64> got = idsOf(thread);
            const QList<qint64> want = sees ? m_model.cardComments(v, card, st) : QList<qint64>();
            QVERIFY2(got == want,
                qPrintable(who + QStringLiteral("card %1 thread ").arg(card) + describe(got)
                    + QStringLiteral(" want ") + describe(want)));
        }

        if (as)
            return;

        // Activity feeds and the contact's tasks.
        for (qint64 card : cards()) {
            QJsonArray feed;
            const int status = fetchAll(s(),
                QStringLiteral("/api/v1/contacts/%1/activity").arg(card), token, 2, &feed, &why);
            QVERIFY2(status != -1, qPrintable(why));
            const bool sees = Model::seesCard(v, card);
            QVERIFY2(status == (sees ? 200 : 404),
                qPrintable(who + QStringLiteral("activity %1 answered %2").arg(card).arg(status)));
            const QList<qint64> got = idsOf(feed);
            const QList<qint64> want = sees ? m_model.activity(v, card, st) : QList<qint64>();
            QVERIFY2(got == want,
                qPrintable(who + QStringLiteral("activity of %1 ").arg(card) + describe(got)
                    + QStringLiteral(" want ") + describe(want)));
            for (const QJsonValue &item : feed) {
                const QJsonObject o = item.toObject();
                if (!o.value(QStringLiteral("taskId")).isNull())
                    QCOMPARE(o.value(QStringLiteral("task")).toObject().value(QStringLiteral("id")),
                        o.value(QStringLiteral("taskId")));
            }

            const HttpResult tasks
                = s().get(QStringLiteral("/api/v1/contacts/%1/tasks?limit=200").arg(card), token);
            QVERIFY2(tasks.status == (sees ? 200 : 404),
                qPrintable(
                    who + QStringLiteral("tasks of %1 answered %2").arg(card).arg(tasks.status)));
            const QList<qint64> gotTasks = sorted(idsOf(items(tasks)));
            const QList<qint64> wantTasks
                = sees ? m_model.contactTasks(v, card, st) : QList<qint64>();
            QVERIFY2(gotTasks == wantTasks,
                qPrintable(who + QStringLiteral("tasks of %1 ").arg(card) + describe(gotTasks)
                    + QStringLiteral(" want ") + describe(wantTasks)));
        }
    }

    static void addSettingsRows()
    {
        QTest::addColumn<bool>("onlyNotified");
        QTest::addColumn<bool>("share");
        QTest::newRow("only notified, no sharing (defaults)") << true << false;
        QTest::newRow("only notified, company sharing") << true << true;
        QTest::newRow("everything, no sharing") << false << false;
        QTest::newRow("everything, company sharing") << false << true;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        m_admin = {QStringLiteral("admin"), 0, true, true, 0, s().bootstrapAdmin()};
        QVERIFY(!m_admin.token.isEmpty());
        m_admin.id = idOf(s().get(QStringLiteral("/api/v1/me"), m_admin.token).json);
        QVERIFY(m_admin.id > 0);
        for (Viewer *e : {&m_emp2, &m_emp3}) {
            const QString login
                = e == &m_emp2 ? QStringLiteral("vis-emp2") : QStringLiteral("vis-emp3");
            *e = {login, s().createEmployee(m_admin.token, login), true, false, 0, {}};
            QVERIFY(e->id > 0);
            e->token = s().login(login, login + QStringLiteral("-password"));
            QVERIFY(!e->token.isEmpty());
        }

        const qint64 co = s().createContact(m_admin.token,
            {{QStringLiteral("name"), QStringLiteral("Acme Ltd")},
                {QStringLiteral("isCompany"), true}});
        QVERIFY(co > 0);
        m_company = {QStringLiteral("Acme"), co, false, false, co, {}};
        m_model.companyOfPerson.insert(co, co);
        auto contact = [&](Viewer &v, const QString &name, qint64 company) {
            QJsonObject body {{QStringLiteral("name"), name},
                {QStringLiteral("phones"),
                    QJsonArray {QStringLiteral("+49 30 1234 %1").arg(name.size())}}};
            if (company)
                body.insert(QStringLiteral("companyId"), company);
            v = {name, s().createContact(m_admin.token, body), false, false, company, {}};
            QVERIFY(v.id > 0);
            if (company)
                m_model.companyOfPerson.insert(v.id, company);
        };
        contact(m_a, QStringLiteral("A (Acme)"), co);
        contact(m_b, QStringLiteral("B (Acme)"), co);
        contact(m_c, QStringLiteral("C (alone)"), 0);
        grantAccess(m_a, QStringLiteral("vis-a"));
        grantAccess(m_b, QStringLiteral("vis-b"));
        grantAccess(m_c, QStringLiteral("vis-c"));
        if (QTest::currentTestFailed())
            return;

        addTask(&m_t1, QStringLiteral("T1 (A's)"), m_a.id, {m_emp2.id}, {});
        addTask(&m_t2, QStringLiteral("T2 (the company's)"), m_company.id, {}, {});
        addTask(&m_t3, QStringLiteral("T3 (C's, B takes part)"), m_c.id, {m_emp3.id}, {m_b.id});
        addTask(&m_t4, QStringLiteral("T4 (internal)"), 0, {m_emp2.id}, {});
        if (QTest::currentTestFailed())
            return;

        // T1: every kind of comment.
        addComment(QStringLiteral("t1-to-A"), m_admin, m_t1, 0, {m_a.id});
        addComment(QStringLiteral("t1-to-nobody"), m_admin, m_t1, 0, {});
        addComment(QStringLiteral("t1-internal-to-A"), m_emp2, m_t1, 0, {m_a.id}, false, {}, true);
        addComment(QStringLiteral("t1-hidden-for-emp2"), m_admin, m_t1, 0, {}, true, {m_emp2.id});
        addComment(QStringLiteral("t1-to-B"), m_emp2, m_t1, 0, {m_b.id});
        addComment(QStringLiteral("t1-by-A"), m_a, m_t1, 0, {});
        addComment(QStringLiteral("t1-hidden-by-emp3-for-A"), m_emp3, m_t1, 0, {}, true, {m_a.id});
        addComment(QStringLiteral("t1-hidden-for-C"), m_admin, m_t1, 0, {}, true, {m_c.id});
        addComment(QStringLiteral("t1-to-C"), m_emp2, m_t1, 0, {m_c.id});
        // T2: the company's task.
        addComment(QStringLiteral("t2-to-A"), m_admin, m_t2, 0, {m_a.id});
        addComment(QStringLiteral("t2-to-company"), m_admin, m_t2, 0, {m_company.id});
        addComment(QStringLiteral("t2-to-nobody"), m_emp3, m_t2, 0, {});
        // T3: C's task, B participates.
        addComment(QStringLiteral("t3-to-C"), m_admin, m_t3, 0, {m_c.id});
        addComment(QStringLiteral("t3-to-B"), m_admin, m_t3, 0, {m_b.id});
        // (a contact notifies only people on its task: its assignee)
        addComment(QStringLiteral("t3-by-C"), m_c, m_t3, 0, {m_emp3.id});
        addComment(QStringLiteral("t3-by-B"), m_b, m_t3, 0, {});
        // T4: only employees.
        addComment(QStringLiteral("t4-to-A"), m_emp2, m_t4, 0, {m_a.id});
        // Cards.
        addComment(QStringLiteral("cardA-to-A"), m_admin, 0, m_a.id, {m_a.id});
        addComment(QStringLiteral("cardA-to-nobody"), m_emp2, 0, m_a.id, {});
        addComment(QStringLiteral("cardA-internal"), m_admin, 0, m_a.id, {}, false, {}, true);
        addComment(QStringLiteral("cardA-by-A"), m_a, 0, m_a.id, {});
        addComment(QStringLiteral("cardA-to-B"), m_admin, 0, m_a.id, {m_b.id});
        addComment(QStringLiteral("cardB-to-B"), m_admin, 0, m_b.id, {m_b.id});
        addComment(
            QStringLiteral("cardB-hidden-by-emp3-for-B"), m_emp3, 0, m_b.id, {}, true, {m_b.id});
        addComment(QStringLiteral("cardC-to-nobody"), m_admin, 0, m_c.id, {});
        addComment(QStringLiteral("cardCompany-to-A"), m_admin, 0, m_company.id, {m_a.id});
        QCOMPARE(m_model.comments.size(), 26);
    }

    void readPathsFollowTheRule_data() { addSettingsRows(); }
    void readPathsFollowTheRule()
    {
        QFETCH(bool, onlyNotified);
        QFETCH(bool, share);
        const Settings st {onlyNotified, share};
        applySettings(st);
        for (const Viewer &v : signedIn()) {
            checkViewer(v, st, v.token, 0);
            if (QTest::currentTestFailed())
                return;
        }
    }

    // "as=": an employee sees a task or card exactly as the chosen contact would, computed by
    // the same rule — even for a contact without access, and 404 where the contact gets 404.
    void previewAsContact_data() { addSettingsRows(); }
    void previewAsContact()
    {
        QFETCH(bool, onlyNotified);
        QFETCH(bool, share);
        const Settings st {onlyNotified, share};
        applySettings(st);
        for (const Viewer &employee : {m_emp2, m_admin}) {
            for (const Viewer &contact : contacts()) {
                checkViewer(contact, st, employee.token, contact.id);
                if (QTest::currentTestFailed())
                    return;
            }
        }
        // Byte for byte what the contact itself is answered.
        QList<QString> paths;
        for (const TaskModel &t : m_model.tasks)
            paths << QStringLiteral("/api/v1/tasks/%1/comments").arg(t.id);
        for (qint64 card : cards())
            paths << QStringLiteral("/api/v1/contacts/%1/comments").arg(card);
        for (const CommentModel &c : m_model.comments)
            paths << QStringLiteral("/api/v1/comments/%1").arg(c.id);
        for (const Viewer &contact : {m_a, m_b, m_c}) {
            for (const QString &path : paths) {
                const HttpResult own = s().get(path, contact.token);
                const HttpResult preview
                    = s().get(path + QStringLiteral("?as=%1").arg(contact.id), m_emp2.token);
                QVERIFY2(own.status == preview.status && own.raw == preview.raw,
                    qPrintable(contact.name + u' ' + path + QStringLiteral(": own ")
                        + QString::number(own.status) + QStringLiteral(" preview ")
                        + QString::number(preview.status)));
            }
        }
    }

    void previewIsForEmployeesOnly()
    {
        const QList<QString> paths {QStringLiteral("/api/v1/tasks/%1/comments").arg(m_t1),
            QStringLiteral("/api/v1/tasks/%1/comments").arg(m_t4),
            QStringLiteral("/api/v1/contacts/%1/comments").arg(m_a.id),
            QStringLiteral("/api/v1/contacts/%1/comments").arg(m_b.id),
            QStringLiteral("/api/v1/comments/%1")
                .arg(m_commentIds.value(QStringLiteral("t1-to-A")))};
        for (const Viewer &contact : {m_a, m_b, m_c}) {
            for (const QString &path : paths) {
                for (qint64 as : {contact.id, m_a.id, m_b.id}) {
                    const HttpResult r
                        = s().get(path + QStringLiteral("?as=%1").arg(as), contact.token);
                    QVERIFY2(r.status == 403, qPrintable(contact.name + u' ' + path));
                    QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
                    QVERIFY(!r.json.contains(QStringLiteral("items")));
                }
            }
        }
        // Previewing as someone who is not a contact is refused.
        const QString thread = QStringLiteral("/api/v1/tasks/%1/comments").arg(m_t1);
        QCOMPARE(
            s().get(thread + QStringLiteral("?as=%1").arg(m_emp3.id), m_emp2.token).status, 422);
        QCOMPARE(s().get(thread + QStringLiteral("?as=987654"), m_emp2.token).status, 422);
        QCOMPARE(s().get(thread + QStringLiteral("?as=abc"), m_emp2.token).status, 400);
    }

    // GET /api/v1/people?ids= (names for the client): an employee reads people whole, a
    // contact names only (who it may name is the leak hunt's to check); bad ids are 400.
    void peopleByIdsReadsNamesOnlyForContacts()
    {
        const QString ids = QStringLiteral("/api/v1/people?ids=%1,%2").arg(m_a.id).arg(m_emp3.id);
        const HttpResult staff = s().get(ids, m_emp2.token);
        QCOMPARE(staff.status, 200);
        QCOMPARE(staff.json.value(QStringLiteral("items")).toArray().size(), 2);
        const HttpResult own
            = s().get(QStringLiteral("/api/v1/people?ids=%1").arg(m_a.id), m_a.token);
        QCOMPARE(own.status, 200);
        const QJsonObject me = own.json.value(QStringLiteral("items")).toArray().at(0).toObject();
        QCOMPARE(me.keys(),
            (QStringList {QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("name")}));
        QStringList tooMany;
        for (int i = 1; i <= 201; ++i)
            tooMany << QString::number(i);
        for (const QString &bad : {QStringLiteral("abc"), QStringLiteral("0"), QStringLiteral("-4"),
                 QStringLiteral("1,x"), tooMany.join(u',')})
            QVERIFY2(s().get(QStringLiteral("/api/v1/people?ids=") + bad, m_a.token).status == 400,
                qPrintable(bad.left(20)));
    }

    // Contacts get no directory, no search, no people list and no settings: 403 for the
    // endpoint, never data; other contacts' cards (their own company's too) are 404.
    void contactsAreKeptOutOfTheDirectory()
    {
        for (const Viewer &contact : {m_a, m_b, m_c}) {
            const QList<QString> closed {QStringLiteral("/api/v1/contacts"),
                QStringLiteral("/api/v1/contacts?q=") + enc(QStringLiteral("Acme")),
                QStringLiteral("/api/v1/contacts/lookup?phone=")
                    + enc(QStringLiteral("+49 30 1234 8")),
                QStringLiteral("/api/v1/people"), QStringLiteral("/api/v1/people?kind=employee"),
                QStringLiteral("/api/v1/settings")};
            for (const QString &path : closed) {
                const HttpResult r = s().get(path, contact.token);
                QVERIFY2(r.status == 403, qPrintable(contact.name + u' ' + path));
                QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
                QVERIFY(!r.json.contains(QStringLiteral("items")));
                QVERIFY(!r.raw.contains("Acme"));
            }
            QCOMPARE(s().patch(QStringLiteral("/api/v1/settings"),
                            {{QStringLiteral("contactsSeeOnlyNotified"), false}}, contact.token)
                         .status,
                403);
            QCOMPARE(s().post(QStringLiteral("/api/v1/people"),
                            {{QStringLiteral("name"), QStringLiteral("X")},
                                {QStringLiteral("login"), QStringLiteral("x-by-contact")},
                                {QStringLiteral("password"), QStringLiteral("long-enough")}},
                            contact.token)
                         .status,
                403);
            QCOMPARE(s().post(QStringLiteral("/api/v1/contacts"),
                            {{QStringLiteral("name"), QStringLiteral("New friend")}}, contact.token)
                         .status,
                403);
            QCOMPARE(
                s().post(QStringLiteral("/api/v1/tasks"),
                       {{QStringLiteral("title"), QStringLiteral("By a contact")}}, contact.token)
                    .status,
                403);
            // Its own card opens; no other, not even its company's.
            const HttpResult own
                = s().get(QStringLiteral("/api/v1/contacts/%1").arg(contact.id), contact.token);
            QCOMPARE(own.status, 200);
            QCOMPARE(idOf(own.json), contact.id);
            for (const Viewer &other : contacts()) {
                if (other.id == contact.id)
                    continue;
                const HttpResult r
                    = s().get(QStringLiteral("/api/v1/contacts/%1").arg(other.id), contact.token);
                QVERIFY2(r.status == 404,
                    qPrintable(contact.name + QStringLiteral(" opens ") + other.name));
                QVERIFY(!r.raw.contains(other.name.toUtf8()));
            }
        }
        // The settings stayed as they were.
        QCOMPARE(s().get(QStringLiteral("/api/v1/settings"), m_admin.token).status, 200);
    }

    // Rule 1: a hidden comment is for its author, the people it names and admins — an
    // employee it does not name does not see it, the admin does.
    void hiddenCommentsAmongEmployees()
    {
        applySettings({});
        const qint64 forA = m_commentIds.value(QStringLiteral("t1-hidden-by-emp3-for-A"));
        const qint64 forEmp2 = m_commentIds.value(QStringLiteral("t1-hidden-for-emp2"));
        auto status = [&](const Viewer &v, qint64 id) {
            return s().get(QStringLiteral("/api/v1/comments/%1").arg(id), v.token).status;
        };
        auto thread = [&](const Viewer &v) {
            QJsonArray all;
            QString why;
            fetchAll(s(), QStringLiteral("/api/v1/tasks/%1/comments").arg(m_t1), v.token, 200, &all,
                &why);
            return idsOf(all);
        };
        QCOMPARE(status(m_emp2, forA), 404);
        QVERIFY(!thread(m_emp2).contains(forA));
        QCOMPARE(status(m_admin, forA), 200); // not its author: as the admin
        QVERIFY(thread(m_admin).contains(forA));
        QCOMPARE(status(m_emp3, forA), 200); // the author
        QCOMPARE(status(m_a, forA), 200); // named, and sees the task
        QCOMPARE(status(m_b, forA), 404);
        QCOMPARE(status(m_emp2, forEmp2), 200);
        QVERIFY(thread(m_emp2).contains(forEmp2));
        QCOMPARE(status(m_emp3, forEmp2), 404);
        QVERIFY(!thread(m_emp3).contains(forEmp2));
        // Named in a hidden comment on a task it cannot see: still nothing.
        QCOMPARE(status(m_c, m_commentIds.value(QStringLiteral("t1-hidden-for-C"))), 404);
    }

    // The setting applies at once to comments written before it changed.
    void settingChangesApplyToOldComments()
    {
        const qint64 unaddressed = m_commentIds.value(QStringLiteral("t1-to-nobody"));
        const qint64 toA = m_commentIds.value(QStringLiteral("t1-to-A"));
        const qint64 byA = m_commentIds.value(QStringLiteral("t1-by-A"));
        auto bSees = [&](qint64 id) {
            return s().get(QStringLiteral("/api/v1/comments/%1").arg(id), m_b.token).status == 200;
        };
        applySettings({true, false});
        QVERIFY(!bSees(unaddressed) && !bSees(toA) && !bSees(byA));
        QCOMPARE(s().get(QStringLiteral("/api/v1/tasks/%1").arg(m_t1), m_b.token).status, 404);
        applySettings({true, true});
        QVERIFY(!bSees(unaddressed) && bSees(toA) && bSees(byA));
        QCOMPARE(s().get(QStringLiteral("/api/v1/tasks/%1").arg(m_t1), m_b.token).status, 200);
        applySettings({false, true});
        QVERIFY(bSees(unaddressed) && bSees(toA) && bSees(byA));
        QVERIFY(!bSees(m_commentIds.value(QStringLiteral("t1-internal-to-A"))));
        applySettings({true, false});
        QVERIFY(!bSees(unaddressed) && !bSees(toA) && !bSees(byA));
    }

    // What a viewer may not see is 404 — the same answer as for an id that does not exist —
    // for reads and writes alike; never 403, which would confirm it exists.
    void invisibleIsNotFoundNeverForbidden()
    {
        applySettings({});
        const QString a = m_a.token;
        const qint64 t4Comment = m_commentIds.value(QStringLiteral("t4-to-A"));
        const qint64 hidden = m_commentIds.value(QStringLiteral("t1-hidden-for-emp2"));
        const qint64 cardB = m_commentIds.value(QStringLiteral("cardB-to-B"));
        auto same = [&](const HttpResult &invisible, const HttpResult &missing, const char *what) {
            QVERIFY2(invisible.status == 404, what);
            QVERIFY2(missing.status == 404, what);
            QVERIFY2(invisible.raw == missing.raw, what);
        };
        const int threadLength = int(m_model.taskComments(m_admin, m_t4, {}).size());

        same(s().get(QStringLiteral("/api/v1/tasks/%1").arg(m_t4), a),
            s().get(QStringLiteral("/api/v1/tasks/987654"), a), "task");
        same(s().patch(QStringLiteral("/api/v1/tasks/%1").arg(m_t4),
                 {{QStringLiteral("title"), QStringLiteral("mine now")}}, a),
            s().patch(QStringLiteral("/api/v1/tasks/987654"),
                {{QStringLiteral("title"), QStringLiteral("mine now")}}, a),
            "task patch");
        same(s().get(QStringLiteral("/api/v1/tasks/%1/comments").arg(m_t4), a),
            s().get(QStringLiteral("/api/v1/tasks/987654/comments"), a), "task thread");
        same(s().post(QStringLiteral("/api/v1/tasks/%1/comments").arg(m_t4),
                 {{QStringLiteral("text"), QStringLiteral("let me in")}}, a),
            s().post(QStringLiteral("/api/v1/tasks/987654/comments"),
                {{QStringLiteral("text"), QStringLiteral("let me in")}}, a),
            "task comment");
        same(s().get(QStringLiteral("/api/v1/comments/%1").arg(t4Comment), a),
            s().get(QStringLiteral("/api/v1/comments/987654"), a), "comment on a hidden task");
        same(s().get(QStringLiteral("/api/v1/comments/%1").arg(hidden), a),
            s().get(QStringLiteral("/api/v1/comments/987654"), a), "hidden comment");
        same(s().get(QStringLiteral("/api/v1/comments/%1").arg(cardB), a),
            s().get(QStringLiteral("/api/v1/comments/987654"), a), "other card's comment");
        same(s().get(QStringLiteral("/api/v1/contacts/%1").arg(m_b.id), a),
            s().get(QStringLiteral("/api/v1/contacts/987654"), a), "other card");
        same(s().get(QStringLiteral("/api/v1/contacts/%1/comments").arg(m_b.id), a),
            s().get(QStringLiteral("/api/v1/contacts/987654/comments"), a), "other card thread");
        same(s().post(QStringLiteral("/api/v1/contacts/%1/comments").arg(m_b.id),
                 {{QStringLiteral("text"), QStringLiteral("hello B")}}, a),
            s().post(QStringLiteral("/api/v1/contacts/987654/comments"),
                {{QStringLiteral("text"), QStringLiteral("hello B")}}, a),
            "other card comment");
        same(s().get(QStringLiteral("/api/v1/contacts/%1/activity").arg(m_b.id), a),
            s().get(QStringLiteral("/api/v1/contacts/987654/activity"), a), "other activity");
        same(s().get(QStringLiteral("/api/v1/contacts/%1/tasks").arg(m_b.id), a),
            s().get(QStringLiteral("/api/v1/contacts/987654/tasks"), a), "other card tasks");
        // Employees get 404 for what does not exist, too.
        QCOMPARE(s().get(QStringLiteral("/api/v1/comments/987654"), m_emp2.token).status, 404);
        QCOMPARE(
            s().get(QStringLiteral("/api/v1/tasks/987654/comments"), m_emp2.token).status, 404);
        // Nothing was written by the refused posts.
        QCOMPARE(int(items(s().get(QStringLiteral("/api/v1/tasks/%1/comments?limit=200").arg(m_t4),
                               m_admin.token))
                         .size()),
            threadLength);
        const HttpResult t4 = s().get(QStringLiteral("/api/v1/tasks/%1").arg(m_t4), m_admin.token);
        QCOMPARE(
            t4.json.value(QStringLiteral("title")).toString(), QStringLiteral("T4 (internal)"));
        QCOMPARE(
            int(items(s().get(QStringLiteral("/api/v1/contacts/%1/comments?limit=200").arg(m_b.id),
                          m_admin.token))
                    .size()),
            int(m_model.cardComments(m_admin, m_b.id, {}).size()));
        // A task the contact sees but may not change: that one is 403 (it knows it exists).
        QCOMPARE(s().patch(QStringLiteral("/api/v1/tasks/%1").arg(m_t1),
                        {{QStringLiteral("title"), QStringLiteral("renamed by A")}}, a)
                     .status,
            403);
    }
};

QTEST_GUILESS_MAIN(TestApiVisibility)
#include "tst_api_visibility.moc"
