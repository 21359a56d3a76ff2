#include "callrecorder.h"

#include "../events/eventbatch.h"
#include "../servercontext.h"
#include "../store/callstore.h"
#include "../store/linestore.h"

#include "models/callrecordtext.h"
#include "models/phonenumber.h"

#include <QUrl>

namespace linecard::server {

using Text = CallRecordText;

QJsonObject CallRecorder::facts(const QString &lineName, const QString &lineNumber,
    const QString &contactName, const QString &answerer)
{
    // Never empty: an empty object would mean "not a record".
    return {{QStringLiteral("lineName"), lineName}, {QStringLiteral("lineNumber"), lineNumber},
        {QStringLiteral("contactName"), contactName}, {QStringLiteral("answeredBy"), answerer}};
}

QString CallRecorder::text(const CallRow &row, const QString &lineName,
    const QString &shownLineNumber, const QString &answerer, const QString &lineRegion)
{
    const QString lineNumber = PhoneNumber::displayed(shownLineNumber, lineRegion);
    const Call &c = row.call;
    const bool in = c.direction == Call::Direction::In;
    QString title = c.state == Call::State::Missed ? QStringLiteral("Missed call")
        : in                                       ? QStringLiteral("Incoming call")
                                                   : QStringLiteral("Outgoing call");
    QStringList lines;
    QString line = Text::escaped(lineName.isEmpty() ? lineNumber : lineName);
    if (!lineName.isEmpty() && !lineNumber.isEmpty())
        line += QStringLiteral(" (%1)").arg(Text::escaped(lineNumber));
    lines << QStringLiteral("📞 **%1**").arg(title)
            + (line.isEmpty() ? QString() : QStringLiteral(" · %1").arg(line));
    const QString remote = PhoneNumber::displayed(in ? c.from : c.to, lineRegion);
    const QString who = Text::escaped(remote.isEmpty() ? QStringLiteral("unknown number") : remote)
        + (row.contactName.isEmpty() || row.contactName == remote
                    || PhoneNumber::displayed(row.contactName) == remote
                ? QString()
                : QStringLiteral(" (%1)").arg(Text::escaped(row.contactName)));
    const QString ours = Text::escaped(PhoneNumber::displayed(in ? c.to : c.from, lineRegion));
    lines << (in ? QStringLiteral("From %1").arg(who) : QStringLiteral("To %1").arg(who))
            + (ours.isEmpty()
                    ? QString()
                    : (in ? QStringLiteral(" to %1") : QStringLiteral(" from %1")).arg(ours));
    QStringList facts;
    const bool talked = c.state == Call::State::Ended && c.answeredAt.isValid();
    if (talked) {
        if (!answerer.isEmpty())
            facts << QStringLiteral("answered by %1").arg(Text::escaped(answerer));
        facts << Text::clock(c.duration);
    } else if (c.state != Call::State::Missed) {
        facts << QStringLiteral("not answered"); // a missed call's title says so already
    }
    if (Text::reasonWorthSaying(c.endReason, talked, c.state == Call::State::Missed))
        facts << QStringLiteral("reason: %1").arg(Text::escaped(c.endReason));
    if (c.startedAt.isValid())
        facts << c.startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    lines << facts.join(QStringLiteral(" · "));
    if (!c.recordingUrl.isEmpty())
        lines << QStringLiteral("Recording: <%1>")
                     .arg(QString::fromLatin1(QUrl(c.recordingUrl).toEncoded()));
    return lines.join(QStringLiteral("  \n"));
}

QString CallRecorder::textOf(const CallRow &row, QJsonObject *facts)
{
    QString lineName, lineNumber, lineRegion;
    if (row.call.lineId)
        if (const auto line = m_ctx.lines.get(row.call.lineId)) {
            lineName = line->name;
            lineNumber = line->number;
            lineRegion = line->region;
        }
    QString answerer;
    if (row.call.answeredById)
        if (const auto p = m_ctx.people.get(row.call.answeredById))
            answerer = p->name;
    if (facts)
        *facts = CallRecorder::facts(lineName, lineNumber, row.contactName, answerer);
    return text(row, lineName, lineNumber, answerer, lineRegion);
}

// Somebody must sign the record: who talked, else whom it rang, else the contact's
// responsible, else an administrator.
qint64 CallRecorder::authorOf(const CallRow &row)
{
    if (row.call.answeredById)
        return row.call.answeredById;
    if (!row.legs.isEmpty())
        return row.legs.first().personId;
    if (row.call.contactId)
        if (const auto contact = m_ctx.people.get(row.call.contactId))
            if (contact->responsibleId)
                return contact->responsibleId;
    return m_ctx.db
        .scalar(QStringLiteral(
            "SELECT id FROM people WHERE kind = 'employee' ORDER BY is_admin DESC, id LIMIT 1"))
        .toLongLong();
}

// A hidden record is for who talked, or for everyone it rang when nobody did.
QList<qint64> CallRecorder::readersOf(const CallRow &row) const
{
    return row.call.answeredById ? QList<qint64> {row.call.answeredById} : row.targetIds();
}

void CallRecorder::announce(EventType type, const Comment &comment)
{
    const visibility::CommentAudience audience = m_ctx.comments.audience(comment);
    if (comment.taskId) {
        if (const auto task = m_ctx.tasks.get(comment.taskId))
            m_events.add(type, comment.toJson(),
                EventAudience::forTask(m_ctx.tasks.audience(*task), audience));
    } else {
        m_events.add(type, comment.toJson(), EventAudience::forCard(comment.contactId, audience));
    }
}

static qint64 lastActiveTask(ServerContext &ctx, qint64 contactId)
{
    TaskFilter filter;
    filter.contactId = contactId;
    filter.activeOnly = true;
    const QList<Task> tasks
        = ctx.tasks.list(ctx.rule(visibility::Viewer {0, true, false, 0}), filter, std::nullopt, 1);
    return tasks.isEmpty() ? 0 : tasks.first().id;
}

void CallRecorder::land(CallRow &row)
{
    if (row.recordCommentId || !row.isTerminal())
        return;
    if (row.attachCommentId) {
        // The comment the operator wrote during the call carries the call itself.
        m_ctx.comments.linkCall(row.attachCommentId, row.call.id);
        row.recordCommentId = row.attachCommentId;
        if (const auto comment = m_ctx.comments.get(row.attachCommentId))
            announce(EventType::CommentUpdated, *comment);
        return;
    }
    const qint64 contact = row.call.contactId ? m_ctx.people.survivorOf(row.call.contactId) : 0;
    Comment draft;
    if (row.attachTaskId && m_ctx.tasks.get(row.attachTaskId))
        draft.taskId = row.attachTaskId;
    else if (contact && row.call.state == Call::State::Ended
        && m_ctx.settings.get().callAttachTarget
            == AccountSettings::CallAttachTarget::LastActiveTask)
        draft.taskId = lastActiveTask(m_ctx, contact);
    if (!draft.taskId)
        draft.contactId = contact;
    draft.authorId = authorOf(row);
    if (!draft.taskId && !draft.contactId)
        return; // no card to land on (a withheld number): the call list keeps it
    if (!draft.authorId)
        return;
    QJsonObject recordFacts;
    draft.text = textOf(row, &recordFacts);
    draft.hidden = m_ctx.settings.get().callAttachHidden;
    // Call records and their recordings are never shown to contacts.
    draft.internal = !draft.hidden;
    if (draft.hidden)
        draft.visibleToIds = readersOf(row);
    Call link;
    link.id = row.call.id;
    draft.call = link;
    Comment comment = m_ctx.comments.create(draft);
    row.recordCommentId = comment.id;
    comment.callRecord = recordFacts; // the call's row says so once it is saved
    announce(EventType::CommentCreated, comment);
}

void CallRecorder::refresh(const CallRow &row)
{
    if (!row.recordCommentId)
        return;
    if (recordIsOurs(row)) {
        m_ctx.comments.rewrite(row.recordCommentId, textOf(row));
        if (const auto comment = m_ctx.comments.get(row.recordCommentId);
            comment && comment->hidden)
            m_ctx.comments.setVisibleTo(row.recordCommentId, readersOf(row));
    }
    if (const auto comment = m_ctx.comments.get(row.recordCommentId))
        announce(EventType::CommentUpdated, *comment);
}

void CallRecorder::relandAnswered(const CallRow &row)
{
    if (!recordIsOurs(row) || row.attachTaskId || !row.call.contactId
        || m_ctx.settings.get().callAttachTarget
            != AccountSettings::CallAttachTarget::LastActiveTask)
        return;
    const qint64 task = lastActiveTask(m_ctx, m_ctx.people.survivorOf(row.call.contactId));
    if (task)
        m_ctx.comments.move(row.recordCommentId, task, 0);
}

void CallRecorder::attachToTask(CallRow &row, qint64 taskId)
{
    row.attachTaskId = taskId;
    const bool oursLanded = recordIsOurs(row);
    if (row.attachCommentId && !row.isTerminal())
        m_ctx.comments.unlinkCall(row.attachCommentId, row.call.id);
    row.attachCommentId = 0;
    if (!row.isTerminal())
        return;
    if (oursLanded) {
        m_ctx.comments.move(row.recordCommentId, taskId, 0);
        if (const auto comment = m_ctx.comments.get(row.recordCommentId))
            announce(EventType::CommentUpdated, *comment);
        return;
    }
    // Nothing landed yet, or the record was an operator's comment, which stays as it is.
    row.recordCommentId = 0;
    land(row);
}

void CallRecorder::attachToComment(CallRow &row, qint64 commentId)
{
    if (row.isTerminal() && recordIsOurs(row)) {
        // The operator's comment replaces the record we wrote.
        if (const auto old = m_ctx.comments.get(row.recordCommentId)) {
            announce(EventType::CommentDeleted, *old);
            m_ctx.comments.remove(old->id);
        }
    }
    if (row.attachCommentId && row.attachCommentId != commentId && !row.isTerminal())
        m_ctx.comments.unlinkCall(row.attachCommentId, row.call.id);
    row.attachTaskId = 0;
    row.attachCommentId = commentId;
    m_ctx.comments.linkCall(commentId, row.call.id);
    if (row.isTerminal())
        row.recordCommentId = commentId;
    if (const auto comment = m_ctx.comments.get(commentId))
        announce(EventType::CommentUpdated, *comment);
}

} // namespace linecard::server
