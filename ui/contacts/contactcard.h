#pragma once

#include "models/person.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QScrollArea;
class QStackedWidget;
class QToolButton;

namespace linecard::client {
class CallCenter;
class Session;
} // namespace linecard::client

namespace linecard::ui {

class ActivityFeedView;
class ContactDetails;
class ContactTasksView;
class NoticeBar;

// One contact's card: name and company, phones, e-mails, responsible and custom fields,
// its tasks (active or all) and its activity feed; edit, new task and merge. Self-contained
// (it fetches everything from the contact id and follows live events), so that the
// telephony issue can put it in a call window of its own.
class ContactCard : public QWidget
{
    Q_OBJECT
public:
    explicit ContactCard(client::Session *session, QWidget *parent = nullptr);

    // Shows a contact (0: nothing). A merged id shows the surviving contact, with a note.
    void showContact(qint64 contactId);
    // Shows a contact from JSON already at hand (a call's ringing payload): no round trip.
    void showPerson(const QJsonObject &contact);
    // Click-to-call on the card's phone numbers, through the operator's calls.
    void setCallCenter(client::CallCenter *calls);
    // The contact shown: the survivor once a merged id was followed.
    qint64 contactId() const { return m_person.id ? m_person.id : m_requestedId; }
    const Person &person() const { return m_person; }
    // contact.updated / contact.merged, and task.* / comment.created for its lists.
    void reload();

    // Opens the dialogs (also what the buttons do); they are non-modal, so a call window
    // never blocks the event loop.
    void editContact();
    void mergeContact();
    // Gives or takes the contact's sign-in (AccessDialog).
    void manageAccess();

    ContactDetails *details() const { return m_details; }
    ContactTasksView *tasks() const { return m_tasks; }
    ActivityFeedView *activity() const { return m_activity; }
    QString noticeText() const;

signals:
    void openTask(qint64 taskId);
    void openContact(qint64 contactId);
    void newTaskRequested(qint64 contactId, bool asCounterparty);
    void titleChanged(const QString &title);

private:
    // Live events (Session::router()).
    void onContactUpdated(const QJsonObject &contact);
    void onContactMerged(const QJsonObject &merge);
    void onTaskChanged(const QJsonObject &task);
    void onCommentChanged(const QJsonObject &comment, bool created);
    void onCommentDeleted(const QJsonObject &comment);
    // Puts a comment in the activity feed where it belongs: on the card, or tagged with a
    // task of this contact's; false when it belongs to neither.
    bool placeComment(const QJsonObject &comment);
    void load(qint64 contactId, const QString &note);
    void apply(const QJsonObject &json);
    void updateHeader();
    QToolButton *actionButton(const QString &text, const QString &icon);

    client::Session *m_session;
    Person m_person;
    qint64 m_requestedId = 0;
    QObject *m_request = nullptr;
    QStackedWidget *m_pages;
    QLabel *m_placeholder;
    NoticeBar *m_notice;
    QLabel *m_name;
    QLabel *m_company;
    QToolButton *m_edit;
    QToolButton *m_newTask;
    QToolButton *m_merge;
    QToolButton *m_access;
    ContactDetails *m_details;
    QScrollArea *m_detailsScroll;
    ContactTasksView *m_tasks;
    ActivityFeedView *m_activity;
};

} // namespace linecard::ui
