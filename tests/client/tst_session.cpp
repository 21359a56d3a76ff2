#include "clientfixture.h"

#include "app/appsettings.h"
#include "app/commentdraft.h"
#include "app/draftstore.h"
#include "app/eventstream.h"
#include "app/localworkspace.h"
#include "app/restclient.h"
#include "app/tokenstore.h"
#include "models/tasklistmodel.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

#include <sys/stat.h>

#include <memory>

using namespace linecard;
using namespace linecard::testing;
using client::Session;
using client::TokenStore;

namespace {

// The permission bits of a file, as the operating system has them.
int modeOf(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

QString readToken(TokenStore &tokens, const QString &account)
{
    QString out;
    bool done = false;
    tokens.load(account, [&](const QString &token) {
        out = token;
        done = true;
    });
    return QTest::qWaitFor([&] { return done; }, 10000) ? out : QStringLiteral("(no answer)");
}

QUrl closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(probe.serverPort());
    return url; // closed when probe goes
}

// Loads every page of a model the way a view scrolling to the bottom would.
bool loadAll(PagedListModel &model)
{
    return QTest::qWaitFor(
        [&] {
            if (model.canFetchMore())
                model.fetchMore();
            return model.isAtEnd() && !model.isLoading();
        },
        30000);
}

} // namespace

// The client's services around a sign-in: Session against the real server, the token in
// the owner-only fallback file (no keychain service runs here), drafts and settings on disk,
// and the local workspace running the real server on a thread.
class TestSession : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClientFixture> f;
    std::unique_ptr<QTemporaryDir> tokenDir;
    std::unique_ptr<TokenStore> tokens;

    QUrl serverUrl() { return f->server().server().url(); }

    std::unique_ptr<Session> signedIn(const QString &login, const QString &password)
    {
        auto session = std::make_unique<Session>(tokens.get());
        QSignalSpy ok(session.get(), &Session::signedIn);
        session->signIn(serverUrl(), login, password);
        if (!ok.wait(15000))
            return nullptr;
        return session;
    }

private slots:
    void initTestCase()
    {
        // Never the developer's real keychain: with no session bus there is no keychain
        // service, which is the fallback this test is about.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/linecard-test-bus");
        QStandardPaths::setTestModeEnabled(true);
    }
    void init()
    {
        f = std::make_unique<ClientFixture>();
        tokenDir = std::make_unique<QTemporaryDir>();
        tokens = std::make_unique<TokenStore>();
        tokens->setFallbackDir(tokenDir->path());
    }
    void cleanup()
    {
        tokens.reset();
        tokenDir.reset();
        f.reset();
    }

    void signInFailuresSaySo()
    {
        Session session(tokens.get());
        QSignalSpy failed(&session, &Session::signInFailed);
        QSignalSpy ok(&session, &Session::signedIn);

        session.signIn(serverUrl(), QStringLiteral("admin"), QStringLiteral("not-the-password"));
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.takeFirst().first().toString(), QStringLiteral("Wrong login or password."));
        // An unknown login is answered exactly the same (no hint which logins exist).
        session.signIn(serverUrl(), QStringLiteral("nobody"), QStringLiteral("whatever-password"));
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.takeFirst().first().toString(), QStringLiteral("Wrong login or password."));
        // No server there: a different reason, not a wrong password.
        session.signIn(closedPort(), QStringLiteral("admin"), QStringLiteral("admin-password"));
        QVERIFY(failed.wait(10000));
        const QString unreachable = failed.takeFirst().first().toString();
        QVERIFY(!unreachable.isEmpty());
        QVERIFY(unreachable != QStringLiteral("Wrong login or password."));
        QCOMPARE(ok.size(), 0);
        QVERIFY(!session.isSignedIn());
        QVERIFY(!QFile::exists(
            tokens->fallbackPath(Session::accountKey(serverUrl(), QStringLiteral("admin")))));
    }

    void signInStartsTheSession()
    {
        auto session = signedIn(QStringLiteral("admin"), QStringLiteral("admin-password"));
        QVERIFY(session);
        QVERIFY(session->isSignedIn());
        QCOMPARE(session->me().login, QStringLiteral("admin"));
        QVERIFY(session->me().isAdmin);
        QCOMPARE(session->serverUrl(), serverUrl());
        QVERIFY(!session->rest()->token().isEmpty());
        QVERIFY(session->drafts());
        QTRY_COMPARE(session->events()->state(), client::EventStream::State::Connected);
        // The REST client works with the new token.
        bool answered = false;
        session->rest()->get(
            QStringLiteral("/api/v1/me"), session.get(), [&](const QJsonObject &me) {
                answered = me.value(QStringLiteral("login")).toString() == QLatin1String("admin");
            });
        QTRY_VERIFY(answered);
    }

    // The token outlives the client: kept in an owner-only file when no keychain runs, and a
    // new Session resumes with it, without the password.
    void tokenIsKeptAndResumed()
    {
        QSignalSpy unavailable(tokens.get(), &TokenStore::keychainUnavailable);
        auto first = signedIn(QStringLiteral("admin"), QStringLiteral("admin-password"));
        QVERIFY(first);
        const QString token = first->rest()->token();
        const QString path
            = tokens->fallbackPath(Session::accountKey(serverUrl(), QStringLiteral("admin")));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 10000);
        QCOMPARE(unavailable.size(), 1);
        QVERIFY(!unavailable.first().first().toString().isEmpty());
        QVERIFY(tokens->usedFallback());
        QCOMPARE(modeOf(path), 0600);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), token);
        QCOMPARE(QDir(tokenDir->path()).entryList(QDir::Files | QDir::Hidden),
            QStringList {QFileInfo(path).fileName()});
        first.reset();

        // A client started later, with another TokenStore over the same folder.
        TokenStore later;
        later.setFallbackDir(tokenDir->path());
        Session resumed(&later);
        QSignalSpy ok(&resumed, &Session::signedIn);
        resumed.resume(serverUrl(), QStringLiteral("admin"));
        QVERIFY(ok.wait(10000));
        QCOMPARE(resumed.me().login, QStringLiteral("admin"));
        QCOMPARE(resumed.rest()->token(), token);

        // Nothing kept for this login: asked to sign in.
        Session fresh(&later);
        QSignalSpy failed(&fresh, &Session::signInFailed);
        fresh.resume(serverUrl(), QStringLiteral("olga"));
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().toString(), QStringLiteral("Please sign in."));

        // Signed out elsewhere (the token revoked): the live session ends and forgets it.
        QSignalSpy out(&resumed, &Session::signedOut);
        QCOMPARE(f->server().post(QStringLiteral("/api/v1/auth/logout"), {}, token).status, 204);
        QTRY_COMPARE_WITH_TIMEOUT(out.size(), 1, 10000);
        QVERIFY(!resumed.isSignedIn());
        QVERIFY(!QFile::exists(path));

        // A kept token the server no longer accepts, found by a client started later.
        auto second = signedIn(QStringLiteral("admin"), QStringLiteral("admin-password"));
        QVERIFY(second);
        const QString secondToken = second->rest()->token();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 10000);
        second.reset();
        QCOMPARE(
            f->server().post(QStringLiteral("/api/v1/auth/logout"), {}, secondToken).status, 204);
        Session stale(&later);
        QSignalSpy staleFailed(&stale, &Session::signInFailed);
        stale.resume(serverUrl(), QStringLiteral("admin"));
        QVERIFY(staleFailed.wait(10000));
        QCOMPARE(staleFailed.first().first().toString(),
            QStringLiteral("The session has ended; please sign in again."));
        QVERIFY(!stale.isSignedIn());
    }

    // Signing out revokes the token on the server and forgets it here.
    void signOutRevokesAndForgets()
    {
        auto session = signedIn(QStringLiteral("admin"), QStringLiteral("admin-password"));
        QVERIFY(session);
        const QString token = session->rest()->token();
        const QString account = Session::accountKey(serverUrl(), QStringLiteral("admin"));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(tokens->fallbackPath(account)), 10000);
        QTRY_COMPARE(session->events()->state(), client::EventStream::State::Connected);
        QCOMPARE(f->server().get(QStringLiteral("/api/v1/me"), token).status, 200);

        QSignalSpy out(session.get(), &Session::signedOut);
        session->signOut();
        QCOMPARE(out.size(), 1);
        QVERIFY(!session->isSignedIn());
        QVERIFY(session->rest()->token().isEmpty());
        QCOMPARE(session->events()->state(), client::EventStream::State::Disconnected);
        QTRY_COMPARE(f->server().get(QStringLiteral("/api/v1/me"), token).status, 401);
        QVERIFY(!QFile::exists(tokens->fallbackPath(account)));
        QCOMPARE(readToken(*tokens, account), QString());
    }

    // A comment's draft (app/commentdraft.h): kept as the composer wrote it, sent with hidden
    // and internal exclusive and the readers named only when hidden; once the server took it,
    // the task's draft on disk is gone, and a refused send keeps it.
    void commentDraftsAreSentAndCleared()
    {
        client::Session *session = f->signInAdmin();
        QVERIFY(session && session->drafts());
        const qint64 task = f->task(QStringLiteral("Drafted"));
        QVERIFY(task);
        client::CommentDraft draft;
        draft.text = QStringLiteral("Only for Olga");
        draft.notifiedIds = {7};
        draft.notifyTouched = true;
        draft.hidden = true;
        draft.visibleToIds = {9};
        draft.internal = true;
        const client::CommentDraft read = client::CommentDraft::fromJson(draft.toJson());
        QCOMPARE(read.toJson(), draft.toJson());
        QCOMPARE(read.visibleToIds, QList<qint64> {9});
        QCOMPARE(read.internal, true);
        const QJsonObject body = draft.requestBody();
        QCOMPARE(body.value(QStringLiteral("internal")).toBool(), false);
        QCOMPARE(body.value(QStringLiteral("visibleToIds")).toArray(), QJsonArray {9});
        draft.hidden = false;
        QVERIFY(!draft.requestBody().contains(QStringLiteral("visibleToIds")));
        QCOMPARE(draft.requestBody().value(QStringLiteral("internal")).toBool(), true);

        // Refused (no such task): the draft stays.
        draft.notifiedIds = {};
        draft.internal = false;
        const QString missingKey = client::CommentDraft::key(task + 1000);
        session->drafts()->setDraft(missingKey, draft.toJson());
        bool failed = false;
        client::sendComment(
            session, task + 1000, draft, session, [](const QJsonObject &) {},
            [&](const client::ApiFailure &) { failed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(failed, 15000);
        QCOMPARE(session->drafts()->draft(missingKey), draft.toJson());

        session->drafts()->setDraft(client::CommentDraft::key(task), draft.toJson());
        QJsonObject sent;
        client::sendComment(
            session, task, draft, session, [&](const QJsonObject &comment) { sent = comment; },
            [](const client::ApiFailure &) {});
        QTRY_VERIFY_WITH_TIMEOUT(!sent.isEmpty(), 15000);
        QCOMPARE(sent.value(QStringLiteral("text")).toString(), QStringLiteral("Only for Olga"));
        QVERIFY(session->drafts()->draft(client::CommentDraft::key(task)).isEmpty());
        const QJsonArray thread
            = f->server()
                  .get(QStringLiteral("/api/v1/tasks/%1/comments").arg(task), f->adminToken())
                  .json.value(QStringLiteral("items"))
                  .toArray();
        QCOMPARE(thread.size(), 1);
    }

    // Drafts survive the process: one owner-only file written atomically, an empty draft
    // removes its entry, a damaged file costs nothing but itself.
    void draftsPersist()
    {
        QTemporaryDir dir;
        const QString path = QDir(dir.path()).filePath(QStringLiteral("sub/drafts.json"));
        const QJsonObject taskDraft {{QStringLiteral("text"), QStringLiteral("Здравствуйте, Иван")},
            {QStringLiteral("notifiedIds"), QJsonArray {3, 5}}, {QStringLiteral("hidden"), true}};
        {
            client::DraftStore drafts(path);
            QVERIFY(drafts.draft(QStringLiteral("task:12")).isEmpty());
            drafts.setDraft(QStringLiteral("task:12"), taskDraft);
            drafts.setDraft(QStringLiteral("contact:7"),
                {{QStringLiteral("text"), QStringLiteral("Call back")}});
            QCOMPARE(drafts.filePath(), path);
        }
        QCOMPARE(modeOf(path), 0600);
        // Written through a temporary file renamed into place: nothing else is left behind.
        QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files | QDir::Hidden),
            QStringList {QStringLiteral("drafts.json")});

        {
            client::DraftStore again(path);
            QCOMPARE(again.draft(QStringLiteral("task:12")), taskDraft);
            QCOMPARE(
                again.draft(QStringLiteral("contact:7")).value(QStringLiteral("text")).toString(),
                QStringLiteral("Call back"));
            again.setDraft(QStringLiteral("task:12"),
                {{QStringLiteral("text"), QString()}, {QStringLiteral("hidden"), true}});
            QVERIFY(again.draft(QStringLiteral("task:12")).isEmpty());
        }
        {
            client::DraftStore third(path);
            QVERIFY(third.draft(QStringLiteral("task:12")).isEmpty());
            QVERIFY(!third.draft(QStringLiteral("contact:7")).isEmpty());
            third.clear(QStringLiteral("contact:7"));
        }
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(QJsonDocument::fromJson(file.readAll()).object(), QJsonObject());
        }

        // A damaged file: no drafts, and the next one is saved properly.
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("{\"task:1\": {\"text\": \"cut off");
        }
        {
            client::DraftStore damaged(path);
            QVERIFY(damaged.draft(QStringLiteral("task:1")).isEmpty());
            damaged.setDraft(
                QStringLiteral("task:2"), {{QStringLiteral("text"), QStringLiteral("new")}});
        }
        client::DraftStore repaired(path);
        QCOMPARE(repaired.draft(QStringLiteral("task:2")).value(QStringLiteral("text")).toString(),
            QStringLiteral("new"));
        QCOMPARE(modeOf(path), 0600);
    }

    void settingsRoundTrip()
    {
        QTemporaryDir dir;
        const QString file = QDir(dir.path()).filePath(QStringLiteral("linecard.ini"));
        const QByteArray geometry("\x01\x02\x00\xff geometry", 13);
        {
            client::AppSettings settings(file);
            QCOMPARE(settings.workspace(), client::AppSettings::Workspace::None);
            QVERIFY(settings.lastServerUrl().isEmpty());
            QVERIFY(settings.lastLogin().isEmpty());
            QVERIFY(settings.mainWindowGeometry().isEmpty());
            settings.setWorkspace(client::AppSettings::Workspace::Server);
            settings.setLastServerUrl(QUrl(QStringLiteral("https://crm.example.com:8443/")));
            settings.setLastLogin(QStringLiteral("ольга"));
            settings.setMainWindowGeometry(geometry);
            settings.setMainWindowState(QByteArrayLiteral("state"));
            settings.sync();
        }
        {
            client::AppSettings settings(file);
            QCOMPARE(settings.workspace(), client::AppSettings::Workspace::Server);
            QCOMPARE(
                settings.lastServerUrl(), QUrl(QStringLiteral("https://crm.example.com:8443/")));
            QCOMPARE(settings.lastLogin(), QStringLiteral("ольга"));
            QCOMPARE(settings.mainWindowGeometry(), geometry);
            QCOMPARE(settings.mainWindowState(), QByteArrayLiteral("state"));
            settings.setWorkspace(client::AppSettings::Workspace::Local);
            settings.sync();
        }
        QCOMPARE(client::AppSettings(file).workspace(), client::AppSettings::Workspace::Local);
        {
            client::AppSettings settings(file);
            settings.setWorkspace(client::AppSettings::Workspace::None);
        }
        QCOMPARE(client::AppSettings(file).workspace(), client::AppSettings::Workspace::None);
    }

    // The embedded server: started on its own thread in a fresh folder with demo data, it
    // hands out the demo operator's login, which a Session signs in with and lists tasks;
    // started again on the same folder, it reuses the data and the same account.
    void localWorkspaceWithDemoData()
    {
        QTemporaryDir dir;
        QString login, password;
        int taskCount = 0;
        {
            client::LocalWorkspace workspace(dir.path(), true);
            QSignalSpy ready(&workspace, &client::LocalWorkspace::ready);
            QSignalSpy failed(&workspace, &client::LocalWorkspace::failed);
            workspace.start();
            QVERIFY(ready.wait(60000));
            QCOMPARE(failed.size(), 0);
            const QUrl url = ready.first().at(0).toUrl();
            login = ready.first().at(1).toString();
            password = ready.first().at(2).toString();
            QCOMPARE(login, QStringLiteral("olga"));
            QVERIFY(!password.isEmpty());
            QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
            QCOMPARE(modeOf(QDir(dir.path()).filePath(QStringLiteral("local-account.json"))), 0600);

            Session session(tokens.get());
            QSignalSpy ok(&session, &Session::signedIn);
            session.signIn(url, login, password);
            QVERIFY(ok.wait(15000));
            QVERIFY(session.me().isEmployee());
            QVERIFY(!session.me().isAdmin);
            TaskListModel tasks(session.people());
            tasks.setDataSource(session.rest());
            tasks.setQuery(QStringLiteral("/api/v1/tasks"));
            QVERIFY(loadAll(tasks));
            taskCount = tasks.rowCount();
            QVERIFY(taskCount > 0);
            QVERIFY(tasks.error().isEmpty());
            QTRY_COMPARE(session.events()->state(), client::EventStream::State::Connected);
        }
        {
            client::LocalWorkspace workspace(dir.path(), true);
            QSignalSpy ready(&workspace, &client::LocalWorkspace::ready);
            workspace.start();
            QVERIFY(ready.wait(60000));
            QCOMPARE(ready.first().at(1).toString(), login);
            QCOMPARE(ready.first().at(2).toString(), password);

            Session session(tokens.get());
            QSignalSpy ok(&session, &Session::signedIn);
            session.signIn(ready.first().at(0).toUrl(), login, password);
            QVERIFY(ok.wait(15000));
            TaskListModel tasks(session.people());
            tasks.setDataSource(session.rest());
            tasks.setQuery(QStringLiteral("/api/v1/tasks"));
            QVERIFY(loadAll(tasks));
            QCOMPARE(tasks.rowCount(), taskCount); // not seeded twice
        }
    }

    // Without demo data: an owner account with a generated password, nothing else.
    void localWorkspaceEmpty()
    {
        QTemporaryDir dir;
        client::LocalWorkspace workspace(dir.path(), false);
        QSignalSpy ready(&workspace, &client::LocalWorkspace::ready);
        workspace.start();
        QVERIFY(ready.wait(30000));
        QCOMPARE(ready.first().at(1).toString(), QStringLiteral("owner"));
        QVERIFY(ready.first().at(2).toString().size() >= 16);
        Session session(tokens.get());
        QSignalSpy ok(&session, &Session::signedIn);
        session.signIn(
            ready.first().at(0).toUrl(), QStringLiteral("owner"), ready.first().at(2).toString());
        QVERIFY(ok.wait(15000));
        QVERIFY(session.me().isAdmin);
        TaskListModel tasks(session.people());
        tasks.setDataSource(session.rest());
        tasks.setQuery(QStringLiteral("/api/v1/tasks"));
        QVERIFY(loadAll(tasks));
        QCOMPARE(tasks.rowCount(), 0);
    }
};

QTEST_MAIN(TestSession)
#include "tst_session.moc"
