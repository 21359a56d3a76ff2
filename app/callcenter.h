#pragma once

#include "callinfo.h"
#include "recordfreshness.h"

#include "protocol/eventtype.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>

#include <array>

namespace linecard::client {

class Session;

// The operator's calls, kept current: loaded over REST (active, missed, recent history,
// lines) and again after a resync, then followed through the call.* events. It also runs
// the operator's actions on calls — attach, take, handled, dial — and says clearly why one
// failed. No widgets: the call windows, the Calls area and the tray all read from here.
class CallCenter : public QObject
{
    Q_OBJECT
public:
    enum class Action
    {
        AttachTask,
        AttachComment,
        ChooseContact,
        Take,
        Handled,
        End
    };
    Q_ENUM(Action)

    // The lists the Calls area shows, each newest first.
    enum class List
    {
        Active,
        Missed, // missed and not handled yet: the team's to-do
        History // every call loaded
    };

    // How many calls of a list one request loads; older ones come with loadMore.
    static constexpr int DefaultPageSize = 100;

    explicit CallCenter(Session *session, QObject *parent = nullptr);

    // Loads everything afresh (also done on the stream's resync). While the event stream is
    // starting, once its hello is in (at most StreamWaitMs later), so nothing is missed.
    void reload();
    static constexpr int StreamWaitMs = 3000;
    bool isLoaded() const { return m_loaded; }

    bool contains(qint64 callId) const { return m_calls.contains(callId); }
    CallInfo call(qint64 callId) const { return m_calls.value(callId); }
    // Newest first.
    QList<qint64> activeCalls() const;
    QList<qint64> missedCalls() const; // missed and not handled yet: the team's to-do
    QList<qint64> history() const;
    QList<qint64> calls(List list) const;
    int ringingCount() const;

    // Paging: the server holds older calls of the list than those loaded.
    bool canLoadMore(List list) const;
    // Loads the list's next page (nothing while one is on its way); listsChanged follows.
    void loadMore(List list);
    void setPageSize(int size) { m_pageSize = size; }

    QList<Line> lines() const { return m_lines.values(); }
    // The call's line: as loaded and kept up to date by line events, else from its card.
    std::optional<Line> lineOf(const CallInfo &info) const;

    // Operator actions; each ends in actionSucceeded or actionFailed.
    void attachToTask(qint64 callId, qint64 taskId);
    void attachToComment(qint64 callId, qint64 commentId);
    void chooseContact(qint64 callId, qint64 contactId);
    void take(qint64 callId);
    void markHandled(qint64 callId);
    // A call whose end the PBX never sent: the server ends it (reason "manual", who did).
    void markEnded(qint64 callId);

    // Click-to-call: false (and nothing sent) while the same number is already being dialled.
    bool dial(const QString &phone, qint64 lineId = 0);
    bool isDialling(const QString &phone) const;

signals:
    void loaded();
    // A call rings for me: its card is here, a window should show it.
    void callRinging(qint64 callId);
    // I took a call answered on a shared handset: its card is here.
    void callTaken(qint64 callId);
    void callChanged(qint64 callId);
    // A colleague answered a call that rang for me: my window for it closes.
    void callTakenByColleague(qint64 callId);
    // The active or missed lists changed (membership or counts).
    void listsChanged();
    void actionSucceeded(qint64 callId, linecard::client::CallCenter::Action action);
    void actionFailed(
        qint64 callId, linecard::client::CallCenter::Action action, const QString &message);
    void diallingChanged(const QString &phone, bool dialling);
    // The server accepted the call; the operator's own phone rings first.
    void dialStarted(const QString &phone);
    void dialFailed(const QString &phone, const QString &reason);
    // After dialStarted: the PBX reports the call (it started, or ended at once) or says it
    // failed — whatever "your phone rings first" said is over.
    void dialSettled(const QString &phone);

private:
    void load();
    void onStreamStarted();
    void onCallEvent(protocol::EventType type, const QJsonObject &data);
    void onDialFailed(const QString &phone, const QString &error);
    void followMerge(const QJsonObject &data);
    // A line was renamed, recoloured or deleted: the windows and lists of its calls repaint.
    void refreshCallsOn(qint64 lineId);
    // The line is gone: its calls show it as deleted, as the server now returns them.
    void markLineDeleted(qint64 lineId, const QString &name);
    // One page of a list (an empty cursor: the first).
    void loadList(List list, const QString &cursor = {});
    void loadLines();
    void refreshStale(const QSet<qint64> &listed);
    // Calls the active list shows ringing for me without a window: they started before the
    // event stream was up; their cards are fetched and they pop up as if the event came.
    void popUpRingingForMe(const QSet<qint64> &listed);
    // Stores a call JSON (the card kept); returns its id, 0 when unreadable.
    qint64 upsert(const QJsonObject &json);
    // The same for a call in an answer whose data is as of event `eventSeq`: a call an event
    // changed after that keeps what the event said (the answer waited for the disk).
    qint64 upsertAnswer(const QJsonObject &json, qint64 eventSeq);
    void checkColleague(qint64 callId);
    void act(qint64 callId, Action action, const QString &path, const QJsonObject &body);
    static QString dialKey(const QString &phone);

    Session *m_session;
    QHash<qint64, CallInfo> m_calls;
    QHash<qint64, Line> m_lines;
    RecordFreshness m_freshness; // of the calls held
    QSet<qint64> m_closedForMe;
    QSet<qint64> m_cardsOnTheWay;
    QSet<QString> m_dialling;
    QSet<QString> m_ringingFirst; // dial keys accepted by the server, no call reported yet
    QObject *m_loading = nullptr; // owns the requests of one reload
    // By List: where its next page starts (empty: nothing older on the server), and whether
    // that page is on its way.
    std::array<QString, 3> m_nextCursors;
    std::array<bool, 3> m_loadingMore {};
    int m_pageSize = DefaultPageSize;
    int m_pending = 0;
    bool m_loaded = false;
    bool m_waitingForStream = false; // a reload waits for the stream's first hello
    bool m_loadedBeforeStream = false; // the lists in hand were read before that hello
};

} // namespace linecard::client
