#pragma once

#include "app/callcenter.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

class CallHeader;
class CallTaskPanel;
class ContactCard;
class NoticeBar;

// One call in a window of its own: the header in the line's colour over the caller's
// contact card, with what an operator does during a call — attach the call to a task (any
// task, or "here" in a task opened from the card), write a comment that the call's record
// joins, pick the right contact among several sharing the number, new task, merge. Updated
// in place as the call moves on; never modal, so it never holds up the event loop.
class CallWindow : public QWidget
{
    Q_OBJECT
public:
    CallWindow(client::Session *session, client::CallCenter *calls, qint64 callId,
        QWidget *parent = nullptr);

    qint64 callId() const { return m_callId; }
    // Reads the call again from the call centre (the stack calls it on every change).
    void refresh();

    CallHeader *header() const { return m_header; }
    ContactCard *card() const { return m_card; }
    CallTaskPanel *taskPanel(); // made on first use
    QPushButton *attachButton() const { return m_attach; }
    QPushButton *commentButton() const { return m_comment; }
    QComboBox *candidateBox() const { return m_candidates; }
    QString noticeText() const;
    QString recordText() const;

    // What the buttons do; the dialogs they open are non-modal.
    void pickTask();
    void writeComment();
    void openTask(qint64 taskId);
    // Where the window may grow when a task opens beside the card (the stack keeps call
    // windows right of the main window's centre); unset, the screen.
    void setRoom(std::function<QRect()> room) { m_room = std::move(room); }
    QRect room() const;
    void attachToTask(qint64 taskId, const QString &title);

signals:
    void openContactRequested(qint64 contactId);

private:
    void updateHeader();
    void updateContact();
    void updateCandidates();
    void updateRecord();
    void newTask(qint64 contactId, bool asCounterparty);
    void onActionDone(qint64 callId, client::CallCenter::Action action);
    void onActionFailed(qint64 callId, client::CallCenter::Action action, const QString &message);
    QString stateText() const;

    client::Session *m_session;
    client::CallCenter *m_calls;
    qint64 m_callId;
    client::CallInfo m_info;
    QHash<qint64, QString> m_taskTitles; // titles of tasks seen here, for the record line
    std::function<QRect()> m_room;
    CallHeader *m_header;
    NoticeBar *m_notice;
    QWidget *m_candidatesBar;
    QLabel *m_candidatesLabel;
    QComboBox *m_candidates;
    QPushButton *m_attach;
    QPushButton *m_comment;
    QLabel *m_record;
    QSplitter *m_body;
    ContactCard *m_card;
    CallTaskPanel *m_taskPanel = nullptr;
};

} // namespace linecard::ui
