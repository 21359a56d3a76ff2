#include "session.h"

#include "callcenter.h"
#include "draftstore.h"
#include "eventrouter.h"
#include "eventstream.h"
#include "restclient.h"
#include "tokenstore.h"

#include "models/accountsettings.h"
#include "models/peopledirectory.h"
#include "models/phonenumber.h"
#include "protocol/jsonid.h"

#include <QCryptographicHash>
#include <QDir>
#include <QStandardPaths>

#include <utility>

namespace linecard::client {

Session::Session(TokenStore *tokens, QObject *parent)
    : QObject(parent)
    , m_tokens(tokens)
    , m_rest(new RestClient(this))
    , m_events(new EventStream(this))
    , m_router(new EventRouter(m_events, this))
    , m_people(new PeopleDirectory(this))
{
    m_people->setDataSource(m_rest);
    connect(m_rest, &RestClient::unauthorized, this, [this] {
        if (isSignedIn())
            signOut();
    });
    connect(m_events, &EventStream::unauthorized, this, [this] {
        if (isSignedIn())
            signOut();
    });
    // Employees renamed, added or deactivated by an administrator, contacts renamed: names
    // and pickers follow, in every open window.
    connect(m_router, &EventRouter::personChanged, m_people, &PeopleDirectory::insertJson);
    // Only contacts it knows: the others are looked up when a window asks for them.
    connect(m_router, &EventRouter::contactUpdated, m_people, [this](const QJsonObject &contact) {
        if (m_people->person(protocol::idOf(contact)))
            m_people->insertJson(contact);
    });
}

Session::~Session() = default;

QUrl Session::serverUrl() const
{
    return m_rest->baseUrl();
}

QString Session::accountKey(const QUrl &server, const QString &login)
{
    return login + u'@' + server.host() + u':' + QString::number(server.port());
}

void Session::signIn(
    const QUrl &server, const QString &login, const QString &password, bool remember)
{
    m_rest->setBaseUrl(server);
    m_rest->setToken({});
    m_rest->post(
        QStringLiteral("/api/v1/auth/login"),
        {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}}, this,
        [this, server, login, remember](const QJsonObject &json) {
            const QString token = json.value(QStringLiteral("token")).toString();
            m_rest->setToken(token);
            m_account = accountKey(server, login);
            m_remembered = remember;
            if (remember)
                m_tokens->save(m_account, token);
            begin(json.value(QStringLiteral("user")).toObject());
        },
        [this](const ApiFailure &failure) {
            emit signInFailed(
                failure.status == 401 ? tr("Wrong login or password.") : failure.describe());
        });
}

void Session::resume(const QUrl &server, const QString &login)
{
    m_rest->setBaseUrl(server);
    m_account = accountKey(server, login);
    m_tokens->load(m_account, [this](const QString &token) {
        if (token.isEmpty()) {
            emit signInFailed(tr("Please sign in."));
            return;
        }
        m_rest->setToken(token);
        m_remembered = true;
        m_rest->get(
            QStringLiteral("/api/v1/me"), this, [this](const QJsonObject &me) { begin(me); },
            [this](const ApiFailure &failure) {
                emit signInFailed(failure.isAuth()
                        ? tr("The session has ended; please sign in again.")
                        : failure.describe());
            });
    });
}

void Session::begin(const QJsonObject &user)
{
    const auto me = Person::fromJson(user);
    if (!me) {
        emit signInFailed(tr("The server sent an unreadable user."));
        return;
    }
    m_me = *me;
    m_people->insert(m_me);
    // Drafts are per account, so two users of one desktop never see each other's text.
    const QByteArray key
        = QCryptographicHash::hash(m_account.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    m_drafts = std::make_unique<DraftStore>(
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
            .filePath(QStringLiteral("drafts-%1.json").arg(QString::fromLatin1(key))));
    if (m_me.isEmployee()) {
        m_people->loadEmployees();
        loadPhoneRegion();
    }
    m_events->setServer(m_rest->baseUrl(), m_rest->token());
    m_events->start();
    emit signedIn();
}

// Numbers typed or received without a country code are read in the account's region.
void Session::loadPhoneRegion()
{
    m_rest->get(QStringLiteral("/api/v1/settings"), this,
        [](const QJsonObject &json) {
            if (const auto settings = AccountSettings::fromJson(json))
                PhoneNumber::setDefaultRegion(settings->phoneRegion);
        },
        {}); // the region in force stays
}

CallCenter *Session::callCenter()
{
    if (!m_callCenter && m_me.isEmployee())
        m_callCenter = new CallCenter(this, this);
    return m_callCenter;
}

void Session::signOut()
{
    m_events->stop();
    if (!m_rest->token().isEmpty())
        m_rest->post(QStringLiteral("/api/v1/auth/logout"), {}, nullptr, {});
    if (m_remembered)
        m_tokens->remove(m_account);
    m_remembered = false;
    m_rest->setToken({});
    m_me = Person();
    emit signedOut();
    // After the windows that used it closed (their deletion was queued first).
    if (m_callCenter)
        std::exchange(m_callCenter, nullptr)->deleteLater();
}

} // namespace linecard::client
