#include "leakworld.h"

#include "telephonyfixture.h"

namespace linecard::testing {

static const char planFixToken[] = "leak-hunt-pbx-token";

static QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray a;
    for (qint64 id : ids)
        a.append(id);
    return a;
}

static qint64 idOf(const QJsonObject &o, const QString &key = QStringLiteral("id"))
{
    return qint64(o.value(key).toDouble());
}

static QList<qint64> idsOf(const QJsonValue &v)
{
    QList<qint64> out;
    for (const QJsonValue &id : v.toArray())
        out << qint64(id.toDouble());
    return out;
}

LeakWorld::LeakWorld(TestServer &server, quint32 seed)
    : m_server(server)
    , m_seed(seed)
    , m_rng(seed)
{ }

bool LeakWorld::fail(const QString &what, const HttpResult &r)
{
    m_error
        = QStringLiteral("%1: HTTP %2 %3").arg(what).arg(r.status).arg(QString::fromUtf8(r.raw));
    return false;
}

qint64 LeakWorld::createContact(const QJsonObject &fields)
{
    const HttpResult r = m_server.post(QStringLiteral("/api/v1/contacts"), fields, m_admin);
    if (r.status != 201) {
        fail(QStringLiteral("create contact"), r);
        return 0;
    }
    return idOf(r.json);
}

bool LeakWorld::buildPeople()
{
    m_admin = m_server.bootstrapAdmin();
    m_people << Member {idOf(m_server.get(QStringLiteral("/api/v1/me"), m_admin).json), true, true,
        false, 0, m_admin};
    AccountSettings s;
    s.contactsSeeOnlyNotified = m_rng.bounded(3) != 0;
    s.shareWithinCompany = m_rng.bounded(2);
    s.callAttachTarget = m_rng.bounded(2) ? AccountSettings::CallAttachTarget::LastActiveTask
                                          : AccountSettings::CallAttachTarget::Contact;
    s.callAttachHidden = m_rng.bounded(3) == 0;
    if (!setSettings(s))
        return false;
    const int employees = 1 + int(m_rng.bounded(3));
    for (int i = 0; i < employees; ++i) {
        const QString login = QStringLiteral("emp%1").arg(i);
        const bool admin = m_rng.bounded(4) == 0;
        const qint64 id
            = m_server.createEmployee(m_admin, login, admin, {QString::number(101 + i)});
        if (!id)
            return fail(QStringLiteral("create employee"), {});
        m_people << Member {
            id, true, admin, false, 0, m_server.login(login, login + QStringLiteral("-password"))};
    }
    QList<qint64> companies;
    for (int i = 0, n = 1 + int(m_rng.bounded(2)); i < n; ++i) {
        const qint64 id
            = createContact({{QStringLiteral("name"), QStringLiteral("Company %1").arg(i)},
                {QStringLiteral("isCompany"), true}});
        if (!id)
            return false;
        companies << id;
        m_people << Member {id, false, false, true, id, {}};
    }
    for (int i = 0, n = 3 + int(m_rng.bounded(4)); i < n; ++i) {
        QJsonObject fields {{QStringLiteral("name"), QStringLiteral("Contact %1").arg(i)},
            {QStringLiteral("phones"), QJsonArray {QStringLiteral("+7 916 555-%1").arg(1000 + i)}}};
        const qint64 company
            = m_rng.bounded(3) ? companies.at(int(m_rng.bounded(int(companies.size())))) : 0;
        if (company)
            fields.insert(QStringLiteral("companyId"), company);
        const qint64 id = createContact(fields);
        if (!id)
            return false;
        m_people << Member {id, false, false, false, company, {}};
    }
    // Access for most contacts (a company too, now and then); the rest stay without.
    for (Member &m : m_people) {
        if (m.employee || m_rng.bounded(4) == 0 || (m.isCompany && m_rng.bounded(2)))
            continue;
        const QString login = QStringLiteral("client%1").arg(m.id);
        const QString password = login + QStringLiteral("-password");
        const HttpResult r = m_server.put(QStringLiteral("/api/v1/contacts/%1/access").arg(m.id),
            {{QStringLiteral("enabled"), true}, {QStringLiteral("login"), login},
                {QStringLiteral("password"), password}},
            m_admin);
        if (r.status != 200)
            return fail(QStringLiteral("give access"), r);
        m.token = m_server.login(login, password);
        if (m.token.isEmpty())
            return fail(QStringLiteral("contact sign-in"), {});
    }
    return true;
}

bool LeakWorld::buildTasks()
{
    for (int i = 0, n = 4 + int(m_rng.bounded(4)); i < n; ++i) {
        WorldTask t;
        t.word = QStringLiteral("tw%1x%2").arg(m_seed).arg(i);
        const Member &cp = m_people.at(int(m_rng.bounded(int(m_people.size()))));
        t.counterpartyId = !cp.employee && m_rng.bounded(6) ? cp.id : 0;
        const QList<qint64> assignees = somePeople(2), participants = somePeople(2);
        for (qint64 id : assignees + participants)
            if (!t.memberIds.contains(id))
                t.memberIds << id;
        QJsonObject body {{QStringLiteral("title"), QString(QStringLiteral("Task ") + t.word)},
            {QStringLiteral("description"), QStringLiteral("about task %1").arg(i)},
            {QStringLiteral("assigneeIds"), idArray(assignees)},
            {QStringLiteral("participantIds"), idArray(participants)}};
        if (t.counterpartyId)
            body.insert(QStringLiteral("counterpartyId"), t.counterpartyId);
        const HttpResult r = m_server.post(QStringLiteral("/api/v1/tasks"), body, m_admin);
        if (r.status != 201)
            return fail(QStringLiteral("create task"), r);
        t.id = idOf(r.json);
        m_tasks << t;
    }
    return true;
}

QList<qint64> LeakWorld::somePeople(int max)
{
    QList<qint64> ids;
    for (int n = int(m_rng.bounded(max + 1)); n > 0; --n) {
        const qint64 id = m_people.at(int(m_rng.bounded(int(m_people.size())))).id;
        if (!ids.contains(id))
            ids << id;
    }
    return ids;
}

bool LeakWorld::postComment(WorldComment c, const QString &token, const QString &path)
{
    c.word = QStringLiteral("cw%1x%2").arg(m_seed).arg(m_comments.size());
    const HttpResult r = m_server.post(path,
        {{QStringLiteral("text"), QString(QStringLiteral("Comment ") + c.word)},
            {QStringLiteral("notifiedIds"), idArray(c.notifiedIds)},
            {QStringLiteral("hidden"), c.hidden},
            {QStringLiteral("visibleToIds"), idArray(c.visibleToIds)},
            {QStringLiteral("internal"), c.internal}},
        token);
    if (r.status != 201)
        return fail(QStringLiteral("post comment as %1 to %2").arg(c.authorId).arg(path), r);
    c.id = idOf(r.json);
    m_comments << c;
    return true;
}

bool LeakWorld::addComments(int count)
{
    QList<Member> writers;
    for (const Member &m : m_people)
        if (m.employee)
            writers << m;
    const QList<Member> clients = viewers();
    for (int i = 0; i < count; ++i) {
        WorldComment c;
        c.notifiedIds = somePeople(3);
        // Now and then a contact with access writes, where it may: plain comments only.
        if (!clients.isEmpty() && m_rng.bounded(4) == 0) {
            const Member &author = clients.at(int(m_rng.bounded(int(clients.size()))));
            c.authorId = author.id;
            QList<qint64> visible = visibleTaskIds(author.id).values();
            std::sort(visible.begin(), visible.end());
            // A contact notifies only people on its task (none on its own card here): the
            // people drawn above are kept where they may be, so every seed builds the world
            // it always built.
            if (visible.isEmpty() || m_rng.bounded(4) == 0) {
                c.cardId = author.id;
                c.notifiedIds.clear();
                if (!postComment(c, author.token,
                        QStringLiteral("/api/v1/contacts/%1/comments").arg(author.id)))
                    return false;
            } else {
                c.taskId = visible.at(int(m_rng.bounded(int(visible.size()))));
                for (const WorldTask &t : std::as_const(m_tasks))
                    if (t.id == c.taskId)
                        c.notifiedIds.removeIf([&t](qint64 id) {
                            return id != t.counterpartyId && !t.memberIds.contains(id);
                        });
                if (!postComment(
                        c, author.token, QStringLiteral("/api/v1/tasks/%1/comments").arg(c.taskId)))
                    return false;
            }
            continue;
        }
        const Member &author = writers.at(int(m_rng.bounded(int(writers.size()))));
        c.authorId = author.id;
        const int kind = int(m_rng.bounded(4));
        c.hidden = kind == 1;
        c.internal = kind == 2;
        if (c.hidden)
            c.visibleToIds = somePeople(3);
        QString path;
        if (m_rng.bounded(5) == 0) {
            QList<Member> contacts;
            for (const Member &m : m_people)
                if (!m.employee)
                    contacts << m;
            c.cardId = contacts.at(int(m_rng.bounded(int(contacts.size())))).id;
            path = QStringLiteral("/api/v1/contacts/%1/comments").arg(c.cardId);
        } else {
            c.taskId = m_tasks.at(int(m_rng.bounded(int(m_tasks.size())))).id;
            path = QStringLiteral("/api/v1/tasks/%1/comments").arg(c.taskId);
        }
        if (!postComment(c, author.token, path))
            return false;
    }
    return true;
}

qint64 LeakWorld::addMarker(qint64 viewerId)
{
    WorldComment c;
    c.authorId = m_people.first().id;
    c.cardId = viewerId;
    c.notifiedIds = {viewerId};
    if (!postComment(c, m_admin, QStringLiteral("/api/v1/contacts/%1/comments").arg(viewerId)))
        return 0;
    return m_comments.last().id;
}

bool LeakWorld::addCalls(int count)
{
    if (m_calls == 0) {
        const HttpResult r = m_server.post(QStringLiteral("/api/v1/telephony/providers"),
            {{QStringLiteral("name"), QStringLiteral("PBX")},
                {QStringLiteral("format"), QStringLiteral("planfix")},
                {QStringLiteral("token"), QLatin1String(planFixToken)}},
            m_admin);
        if (r.status != 201)
            return fail(QStringLiteral("create provider"), r);
    }
    QList<Member> callers, operators;
    for (const Member &m : m_people) {
        if (!m.employee && !m.isCompany)
            callers << m;
        if (m.employee && m.id != m_people.first().id)
            operators << m;
    }
    QSet<qint64> known;
    for (const WorldComment &c : std::as_const(m_comments))
        known << c.id;
    for (int i = 0; i < count; ++i, ++m_calls) {
        const int who = int(m_rng.bounded(int(callers.size())));
        const int op = int(m_rng.bounded(int(operators.size())));
        const QString phone = QStringLiteral("+79165551%1").arg(who, 3, 10, QChar(u'0'));
        const QString ext = QString::number(101 + op);
        const QString callId = QStringLiteral("leak-%1-%2").arg(m_seed).arg(m_calls);
        auto event = [&](const QString &name, const Fields &extra) {
            Fields f {{QStringLiteral("cmd"), QStringLiteral("event")},
                {QStringLiteral("type"), QStringLiteral("in")}, {QStringLiteral("event"), name},
                {QStringLiteral("phone"), phone},
                {QStringLiteral("diversion"), QStringLiteral("74950000000")},
                {QStringLiteral("callid"), callId}, {QStringLiteral("ext"), ext},
                {QStringLiteral("planfix_token"), QLatin1String(planFixToken)}};
            return m_server.request("POST", QStringLiteral("/tel/api"), {}, formBody(f + extra),
                "application/x-www-form-urlencoded");
        };
        HttpResult r = event(QStringLiteral("INCOMING"), {});
        if (r.status != 200)
            return fail(QStringLiteral("INCOMING"), r);
        const bool answered = m_rng.bounded(4) != 0;
        if (answered) {
            r = event(QStringLiteral("ACCEPTED"), {});
            if (r.status != 200)
                return fail(QStringLiteral("ACCEPTED"), r);
            // Half the time the operator writes a comment to the caller during the call and
            // attaches the call to it: that comment then carries the call and its recording.
            if (m_rng.bounded(2)) {
                qint64 call = 0;
                for (const QJsonValue &v :
                    m_server.get(QStringLiteral("/api/v1/calls?state=all&limit=200"), m_admin)
                        .json.value(QStringLiteral("items"))
                        .toArray())
                    if (v.toObject().value(QStringLiteral("externalId")).toString() == callId)
                        call = idOf(v.toObject());
                const Member &caller = callers.at(who);
                WorldComment c;
                c.authorId = operators.at(op).id;
                c.cardId = caller.id;
                c.notifiedIds = {caller.id};
                if (!postComment(c, operators.at(op).token,
                        QStringLiteral("/api/v1/contacts/%1/comments").arg(caller.id)))
                    return false;
                known << m_comments.last().id;
                r = m_server.post(QStringLiteral("/api/v1/calls/%1/attach").arg(call),
                    {{QStringLiteral("commentId"), m_comments.last().id}}, operators.at(op).token);
                if (r.status != 200)
                    return fail(QStringLiteral("attach call"), r);
                if (!caller.token.isEmpty())
                    ++m_callsOnContactComments;
            }
        }
        r = event(QStringLiteral("COMPLETED"),
            {{QStringLiteral("status"),
                 answered ? QStringLiteral("Success") : QStringLiteral("Missed")},
                {QStringLiteral("duration"), answered ? QStringLiteral("42") : QStringLiteral("0")},
                {QStringLiteral("is_recorded"),
                    answered ? QStringLiteral("1") : QStringLiteral("0")},
                {QStringLiteral("record_link"),
                    answered ? QStringLiteral("https://pbx.example/rec/%1.mp3").arg(callId)
                             : QString()}});
        if (r.status != 200)
            return fail(QStringLiteral("COMPLETED"), r);
    }
    // The records the server wrote are comments like any other: learn their facts from an
    // administrator's view (admins see every comment, hidden ones too).
    auto learn = [&](const QString &path, qint64 taskId, qint64 cardId) {
        QString cursor;
        do {
            const HttpResult page = m_server.get(path + QStringLiteral("?limit=200")
                    + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor),
                m_admin);
            for (const QJsonValue &v : page.json.value(QStringLiteral("items")).toArray()) {
                const QJsonObject o = v.toObject();
                if (known.contains(idOf(o)))
                    continue;
                WorldComment c;
                c.id = idOf(o);
                c.taskId = taskId;
                c.cardId = cardId;
                c.authorId = idOf(o, QStringLiteral("authorId"));
                c.hidden = o.value(QStringLiteral("hidden")).toBool();
                c.internal = o.value(QStringLiteral("internal")).toBool();
                c.visibleToIds = idsOf(o.value(QStringLiteral("visibleToIds")));
                c.notifiedIds = idsOf(o.value(QStringLiteral("notifiedIds")));
                m_comments << c;
                known << c.id;
            }
            cursor = page.json.value(QStringLiteral("nextCursor")).toString();
        } while (!cursor.isEmpty());
    };
    for (const WorldTask &t : std::as_const(m_tasks))
        learn(QStringLiteral("/api/v1/tasks/%1/comments").arg(t.id), t.id, 0);
    for (const Member &m : std::as_const(m_people))
        if (!m.employee)
            learn(QStringLiteral("/api/v1/contacts/%1/comments").arg(m.id), 0, m.id);
    std::sort(m_comments.begin(), m_comments.end(),
        [](const WorldComment &a, const WorldComment &b) { return a.id < b.id; });
    return true;
}

bool LeakWorld::setSettings(const AccountSettings &next)
{
    const HttpResult r = m_server.patch(QStringLiteral("/api/v1/settings"), next.toJson(), m_admin);
    if (r.status != 200)
        return fail(QStringLiteral("patch settings"), r);
    m_settings = next;
    return true;
}

bool LeakWorld::moveSomeContact()
{
    QList<qint64> companies {0};
    QList<Member *> contacts;
    for (Member &m : m_people) {
        if (m.isCompany)
            companies << m.id;
        else if (!m.employee)
            contacts << &m;
    }
    Member &moved = *contacts.at(int(m_rng.bounded(int(contacts.size()))));
    companies.removeAll(moved.companyId);
    const qint64 company = companies.at(int(m_rng.bounded(int(companies.size()))));
    const HttpResult r = m_server.patch(QStringLiteral("/api/v1/contacts/%1").arg(moved.id),
        {{QStringLiteral("companyId"), company ? QJsonValue(company) : QJsonValue()}}, m_admin);
    if (r.status != 200)
        return fail(QStringLiteral("move contact"), r);
    moved.companyId = company;
    return true;
}

bool LeakWorld::reshapeSomeTask()
{
    WorldTask &t = m_tasks[int(m_rng.bounded(int(m_tasks.size())))];
    const Member &cp = m_people.at(int(m_rng.bounded(int(m_people.size()))));
    t.counterpartyId = !cp.employee && m_rng.bounded(4) ? cp.id : 0;
    const QList<qint64> assignees = somePeople(2), participants = somePeople(2);
    t.memberIds.clear();
    for (qint64 id : assignees + participants)
        if (!t.memberIds.contains(id))
            t.memberIds << id;
    const HttpResult r = m_server.patch(QStringLiteral("/api/v1/tasks/%1").arg(t.id),
        {{QStringLiteral("counterpartyId"),
             t.counterpartyId ? QJsonValue(t.counterpartyId) : QJsonValue()},
            {QStringLiteral("assigneeIds"), idArray(assignees)},
            {QStringLiteral("participantIds"), idArray(participants)}},
        m_admin);
    if (r.status != 200)
        return fail(QStringLiteral("reshape task"), r);
    return true;
}

QList<LeakWorld::Member> LeakWorld::viewers() const
{
    QList<Member> out;
    for (const Member &m : m_people)
        if (!m.employee && !m.token.isEmpty())
            out << m;
    return out;
}

const LeakWorld::Member *LeakWorld::member(qint64 id) const
{
    for (const Member &m : m_people)
        if (m.id == id)
            return &m;
    return nullptr;
}

const LeakWorld::WorldTask *LeakWorld::task(qint64 id) const
{
    for (const WorldTask &t : m_tasks)
        if (t.id == id)
            return &t;
    return nullptr;
}

qint64 LeakWorld::companyOf(qint64 personId) const
{
    const Member *m = member(personId);
    return m ? m->companyId : 0;
}

visibility::Viewer LeakWorld::viewerOf(qint64 personId) const
{
    const Member *m = member(personId);
    return {personId, m->employee, m->admin, m->companyId};
}

bool LeakWorld::seesTask(qint64 viewerId, const WorldTask &t) const
{
    return visibility::canSeeTask(viewerOf(viewerId),
        {t.counterpartyId, companyOf(t.counterpartyId), t.memberIds}, m_settings);
}

bool LeakWorld::seesComment(qint64 viewerId, const WorldComment &c) const
{
    const visibility::Viewer viewer = viewerOf(viewerId);
    if (c.taskId ? !seesTask(viewerId, *task(c.taskId)) : !visibility::canSeeCard(viewer, c.cardId))
        return false;
    visibility::CommentAudience a;
    a.authorId = c.authorId;
    a.authorCompanyId = companyOf(c.authorId);
    a.hidden = c.hidden;
    a.internal = c.internal;
    a.visibleToIds = c.visibleToIds;
    a.notifiedIds = c.notifiedIds;
    for (qint64 id : c.notifiedIds)
        if (const qint64 company = companyOf(id))
            a.notifiedCompanyIds << company;
    return visibility::canSeeComment(viewer, a, m_settings);
}

QSet<qint64> LeakWorld::visibleTaskIds(qint64 viewerId) const
{
    QSet<qint64> out;
    for (const WorldTask &t : m_tasks)
        if (seesTask(viewerId, t))
            out << t.id;
    return out;
}

QSet<qint64> LeakWorld::visibleCommentIds(qint64 viewerId) const
{
    QSet<qint64> out;
    for (const WorldComment &c : m_comments)
        if (seesComment(viewerId, c))
            out << c.id;
    return out;
}

QSet<qint64> LeakWorld::knownPeople(qint64 viewerId) const
{
    QSet<qint64> out {viewerId};
    for (const WorldTask &t : m_tasks)
        if (seesTask(viewerId, t)) {
            if (t.counterpartyId)
                out << t.counterpartyId;
            for (qint64 id : t.memberIds)
                out << id;
        }
    for (const WorldComment &c : m_comments)
        if (seesComment(viewerId, c)) {
            out << c.authorId;
            for (qint64 id : c.notifiedIds + c.visibleToIds)
                out << id;
        }
    return out;
}

} // namespace linecard::testing
