#pragma once

#include "models/person.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace linecard {
class PeopleDirectory;
}

namespace linecard::client {

class DraftStore;
class CallCenter;
class EventRouter;
class EventStream;
class RestClient;
class TokenStore;

// The signed-in user and the services bound to that sign-in: the REST client, the event
// stream, the people directory and the drafts.
class Session : public QObject
{
    Q_OBJECT
public:
    explicit Session(TokenStore *tokens, QObject *parent = nullptr);
    ~Session() override;

    RestClient *rest() const { return m_rest; }
    EventStream *events() const { return m_events; }
    // The stream's events, read once, as signals of their own.
    EventRouter *router() const { return m_router; }
    // An employee's calls (built on first use, gone with the sign-out); null for a contact.
    CallCenter *callCenter();
    PeopleDirectory *people() const { return m_people; }
    DraftStore *drafts() const { return m_drafts.get(); }
    const Person &me() const { return m_me; }
    bool isSignedIn() const { return m_me.id != 0; }
    QUrl serverUrl() const;

    // Signs in with a password; with remember, the token goes to the keychain under
    // "login@host" (a local workspace signs in afresh each start and keeps none).
    void signIn(
        const QUrl &server, const QString &login, const QString &password, bool remember = true);
    // Signs in with a token kept from last time; signInFailed when it no longer works.
    void resume(const QUrl &server, const QString &login);
    void signOut();

    static QString accountKey(const QUrl &server, const QString &login);

signals:
    void signedIn();
    void signInFailed(const QString &reason);
    void signedOut();

private:
    void begin(const QJsonObject &user);
    void loadPhoneRegion();

    TokenStore *m_tokens;
    RestClient *m_rest;
    EventStream *m_events;
    EventRouter *m_router;
    CallCenter *m_callCenter = nullptr;
    PeopleDirectory *m_people;
    std::unique_ptr<DraftStore> m_drafts;
    Person m_me;
    QString m_account;
    bool m_remembered = false; // the token is in the TokenStore
};

} // namespace linecard::client
