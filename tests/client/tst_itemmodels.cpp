#include "clientfixture.h"

#include "app/eventstream.h"
#include "app/restclient.h"
#include "models/commentthreadmodel.h"
#include "models/contactlistmodel.h"
#include "models/peopledirectory.h"
#include "models/tasklistmodel.h"
#include "server/servercontext.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace linecard;
using namespace linecard::testing;

namespace {

// The real RestClient with a tally: every page and object asked for, and how many page
// requests were in flight at once. It passes everything through untouched.
class CountingSource : public DataSource
{
public:
    explicit CountingSource(DataSource &real)
        : m_real(real)
    { }

    struct Request
    {
        QString path;
        QUrlQuery query;
    };
    QList<Request> pages;
    QStringList objects;
    int inFlight = 0;
    int maxInFlight = 0;
    int cancelled = 0;

    void fetchPage(
        const QString &path, const QUrlQuery &query, QObject *context, PageCallback done) override
    {
        pages.append({path, query});
        maxInFlight = qMax(maxInFlight, ++inFlight);
        auto answered = std::make_shared<bool>(false);
        // A request whose requester goes away is cancelled and never answered.
        QObject::connect(context, &QObject::destroyed, [this, answered] {
            if (!*answered) {
                *answered = true;
                --inFlight;
                ++cancelled;
            }
        });
        m_real.fetchPage(path, query, context, [this, answered, done](const PageReply &reply) {
            *answered = true;
            --inFlight;
            done(reply);
        });
    }
    void fetchObject(const QString &path, QObject *context, ObjectCallback done) override
    {
        objects << path;
        m_real.fetchObject(path, context, std::move(done));
    }

    QStringList cursors() const
    {
        QStringList out;
        for (const Request &r : pages)
            out << r.query.queryItemValue(QStringLiteral("cursor"));
        return out;
    }

private:
    DataSource &m_real;
};

using Tester = QAbstractItemModelTester;
constexpr auto QtTestReporting = QAbstractItemModelTester::FailureReportingMode::QtTest;

qint64 idOf(const QJsonObject &o)
{
    return qint64(o.value(QStringLiteral("id")).toDouble());
}

QList<qint64> ids(const PagedListModel &model)
{
    QList<qint64> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data(PagedListModel::IdRole).toLongLong();
    return out;
}

// Scrolls to the bottom as a view would: fetchMore whenever there is more, until the end.
bool loadAll(PagedListModel &model, int timeoutMs = 20000)
{
    return QTest::qWaitFor(
        [&] {
            if (model.canFetchMore())
                model.fetchMore();
            return model.isAtEnd() && !model.isLoading();
        },
        timeoutMs);
}

QUrlQuery query(const QString &key, const QString &value)
{
    QUrlQuery q;
    q.addQueryItem(key, value);
    return q;
}

QJsonArray jsonIds(const QList<qint64> &list)
{
    QJsonArray out;
    for (qint64 id : list)
        out.append(id);
    return out;
}

} // namespace

// Every item model of the client under QAbstractItemModelTester (which calls fetchMore on
// every change, like an eager view), created before it has data, fed by the real
// RestClient talking to the real server.
class TestItemModels : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClientFixture> f;
    client::Session *session = nullptr;

    // Live events reach the models only after the server's hello.
    bool streamReady()
    {
        return QTest::qWaitFor(
            [this] {
                return session->events()->state() == client::EventStream::State::Connected
                    && session->events()->lastSeq() >= 0;
            },
            10000);
    }

    QList<qint64> serverOrder(const QString &path)
    {
        QList<qint64> out;
        const HttpResult r = f->server().get(path, f->adminToken());
        for (const QJsonValue &v : r.json.value(QStringLiteral("items")).toArray())
            out << idOf(v.toObject());
        return out;
    }

private slots:
    void init()
    {
        f = std::make_unique<ClientFixture>();
        session = f->signInAdmin();
        QVERIFY(session);
    }
    void cleanup()
    {
        session = nullptr;
        f.reset();
    }

    // Nothing to show and nowhere to get it from: every model says so consistently, and
    // an empty answer from the server is an empty list at its end.
    void emptyAndDisconnected()
    {
        PeopleDirectory people;
        TaskListModel tasks(&people);
        CommentThreadModel thread(&people);
        ActivityModel activity(&people);
        ContactListModel contacts;
        const QList<PagedListModel *> models {&tasks, &thread, &activity, &contacts};
        std::vector<std::unique_ptr<Tester>> testers;
        for (PagedListModel *m : models)
            testers.push_back(std::make_unique<Tester>(m, QtTestReporting));

        for (PagedListModel *m : models) {
            QCOMPARE(m->rowCount(), 0);
            QVERIFY(!m->canFetchMore());
            QVERIFY(m->isAtEnd());
            QVERIFY(!m->isLoading());
            QVERIFY(m->error().isEmpty());
            QVERIFY(!m->index(0, 0).isValid());
        }
        QCOMPARE(tasks.columnCount(), int(TaskListModel::ColumnCount));
        QCOMPARE(tasks.headerData(TaskListModel::TitleColumn, Qt::Horizontal, Qt::DisplayRole)
                     .toString(),
            QStringLiteral("Task"));
        QCOMPARE(contacts.columnCount(), 1);
        QVERIFY(tasks.roleNames().values().contains("lastActivityAt"));
        QVERIFY(thread.roleNames().values().contains("external"));

        // A query with no data source: still nothing to fetch.
        tasks.setQuery(QStringLiteral("/api/v1/tasks"));
        QVERIFY(!tasks.canFetchMore());
        tasks.fetchMore();
        QVERIFY(!tasks.isLoading());

        // Connected, and the server has nothing yet.
        const qint64 contact = f->contact(QStringLiteral("Nobody Yet"));
        const qint64 task = f->task(QStringLiteral("No comments yet"));
        thread.setQuery(QStringLiteral("/api/v1/tasks/%1/comments").arg(task));
        activity.setQuery(QStringLiteral("/api/v1/contacts/%1/activity").arg(contact));
        contacts.search(QStringLiteral("zzz-no-such-name"));
        tasks.setQuery(QStringLiteral("/api/v1/tasks"),
            query(QStringLiteral("q"), QStringLiteral("nothing-like-this")));
        CountingSource source(*session->rest());
        people.setDataSource(&source);
        for (PagedListModel *m : models) {
            m->setDataSource(&source);
            // The tester, like a view, asks for the first page as soon as there is one.
            QVERIFY(m->isLoading());
            QVERIFY(!m->canFetchMore());
        }
        for (PagedListModel *m : models) {
            QVERIFY(loadAll(*m));
            QCOMPARE(m->rowCount(), 0);
            QVERIFY(m->error().isEmpty());
            QVERIFY(!m->canFetchMore());
        }
        QCOMPARE(source.pages.size(), 4); // one empty page each
    }

    // 120 tasks, pages of 50: three requests, each page once, every task once, in the
    // server's order; a second fetchMore while one is in flight asks for nothing.
    void pagesLoadOnceInServerOrder()
    {
        CountingSource source(*session->rest());
        TaskListModel model(session->people());
        Tester tester(&model, QtTestReporting);
        model.setDataSource(&source);
        model.setPageSize(50);

        for (int i = 0; i < 120; ++i)
            QVERIFY(f->task(QStringLiteral("Task %1").arg(i, 3, 10, QLatin1Char('0'))));
        const QList<qint64> expected = serverOrder(QStringLiteral("/api/v1/tasks?limit=200"));
        QCOMPARE(expected.size(), 120);

        QList<QPair<int, bool>> progress; // rows and atEnd after each page
        connect(&model, &PagedListModel::pageLoaded, this, [&] {
            progress.append({model.rowCount(), model.isAtEnd()});
        });
        model.setQuery(QStringLiteral("/api/v1/tasks"));
        // The tester asked for the first page on the reset, as a view does.
        QCOMPARE(source.pages.size(), 1);
        QVERIFY(model.isLoading());
        QVERIFY(!model.canFetchMore());
        model.fetchMore(); // while loading: nothing
        model.fetchMore();
        QCOMPARE(source.pages.size(), 1);

        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), 120);
        QCOMPARE(ids(model), expected);
        QCOMPARE(progress, (QList<QPair<int, bool>> {{50, false}, {100, false}, {120, true}}));
        QCOMPARE(source.pages.size(), 3);
        const QStringList cursors = source.cursors();
        QVERIFY(cursors.at(0).isEmpty());
        QVERIFY(!cursors.at(1).isEmpty());
        QVERIFY(!cursors.at(2).isEmpty());
        QVERIFY(cursors.at(1) != cursors.at(2));
        for (const auto &r : source.pages)
            QCOMPARE(r.query.queryItemValue(QStringLiteral("limit")), QStringLiteral("50"));
        QCOMPARE(source.maxInFlight, 1);
        QVERIFY(!model.canFetchMore());

        // The columns of the first row (the newest activity).
        const QJsonObject first = model.rowJson(0);
        QCOMPARE(model.index(0, TaskListModel::TitleColumn).data().toString(),
            first.value(QStringLiteral("title")).toString());
        QCOMPARE(
            model.index(0, TaskListModel::StatusColumn).data().toString(), QStringLiteral("Open"));
        QCOMPARE(
            model.index(0, 0).data(TaskListModel::StatusRole).toString(), QStringLiteral("open"));
        QVERIFY(model.index(0, 0).data(TaskListModel::LastActivityRole).toDateTime().isValid());
        QVERIFY(!model.index(0, TaskListModel::ActivityColumn).data().toString().isEmpty());
    }

    // The filter changes while a page is on its way: that page never shows up, and the rows
    // that arrive are the new query's.
    void staleReplyDroppedWhenTheQueryChanges()
    {
        for (int i = 0; i < 30; ++i) {
            QVERIFY(f->task(QStringLiteral("Alpha %1").arg(i)));
            QVERIFY(f->task(QStringLiteral("Bravo %1").arg(i)));
        }
        CountingSource source(*session->rest());
        TaskListModel model(session->people());
        Tester tester(&model, QtTestReporting);
        model.setDataSource(&source);
        model.setPageSize(20);
        QStringList inserted;
        connect(&model, &QAbstractItemModel::rowsInserted, this,
            [&](const QModelIndex &, int first, int last) {
                for (int row = first; row <= last; ++row)
                    inserted << model.index(row, 0).data(TaskListModel::TitleRole).toString();
            });

        model.setQuery(
            QStringLiteral("/api/v1/tasks"), query(QStringLiteral("q"), QStringLiteral("alpha")));
        model.fetchMore();
        QVERIFY(model.isLoading());
        QCOMPARE(source.pages.size(), 1);
        model.setQuery(
            QStringLiteral("/api/v1/tasks"), query(QStringLiteral("q"), QStringLiteral("bravo")));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(source.cancelled, 1);
        QCOMPARE(source.inFlight, model.isLoading() ? 1 : 0);

        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), 30);
        QCOMPARE(inserted.size(), 30);
        for (const QString &title : std::as_const(inserted))
            QVERIFY2(title.startsWith(QLatin1String("Bravo")), qPrintable(title));
        QCOMPARE(ids(model), serverOrder(QStringLiteral("/api/v1/tasks?q=bravo&limit=200")));
        QCOMPARE(source.pages.first().query.queryItemValue(QStringLiteral("q")),
            QStringLiteral("alpha"));
        for (int i = 1; i < source.pages.size(); ++i)
            QCOMPARE(source.pages.at(i).query.queryItemValue(QStringLiteral("q")),
                QStringLiteral("bravo"));
        QCOMPARE(source.maxInFlight, 1);

        // And again with a page of the old query already shown: a reset, then only new rows.
        model.setQuery(
            QStringLiteral("/api/v1/tasks"), query(QStringLiteral("q"), QStringLiteral("alpha")));
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), 30);
        QVERIFY(model.index(0, 0)
                    .data(TaskListModel::TitleRole)
                    .toString()
                    .startsWith(QLatin1String("Alpha")));
    }

    // Live events keep a loaded list current: newer activity moves a task to the top, a new
    // task comes in on top, one that leaves the filter goes; a row that came live is not
    // repeated by a page.
    void liveEventsUpsertAndRemove()
    {
        TaskListModel model(session->people());
        Tester tester(&model, QtTestReporting);
        model.setDataSource(session->rest());
        QList<qint64> t;
        for (int i = 0; i < 5; ++i)
            t << f->task(QStringLiteral("Live %1").arg(i));
        QVERIFY(!t.contains(0));

        // A task event before its page: shown once all the same.
        const HttpResult t2
            = f->server().get(QStringLiteral("/api/v1/tasks/%1").arg(t[2]), f->adminToken());
        model.setQuery(QStringLiteral("/api/v1/tasks"));
        model.upsert(t2.json);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(ids(model).count(t[2]), 1);

        model.reload();
        QVERIFY(loadAll(model));
        QCOMPARE(ids(model), (QList<qint64> {t[4], t[3], t[2], t[1], t[0]}));

        QVERIFY(streamReady());
        connect(session->events(), &client::EventStream::event, &model,
            [&](const QString &type, const QJsonObject &data) {
                if (type.startsWith(QLatin1String("task.")))
                    model.applyTask(data,
                        data.value(QStringLiteral("status")).toString() == QLatin1String("open"));
            });
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // Newer activity on an old task: it moves to the top.
        QCOMPARE(f->server()
                     .patch(QStringLiteral("/api/v1/tasks/%1").arg(t[1]),
                         {{QStringLiteral("description"), QStringLiteral("news")}}, f->adminToken())
                     .status,
            200);
        QTRY_COMPARE(ids(model), (QList<qint64> {t[1], t[4], t[3], t[2], t[0]}));
        QCOMPARE(moved.size(), 1);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(model.rowJson(0).value(QStringLiteral("description")).toString(),
            QStringLiteral("news"));

        // Already on top: changed in place.
        moved.clear();
        changed.clear();
        QCOMPARE(f->server()
                     .patch(QStringLiteral("/api/v1/tasks/%1").arg(t[1]),
                         {{QStringLiteral("title"), QStringLiteral("Renamed")}}, f->adminToken())
                     .status,
            200);
        QTRY_COMPARE(model.index(0, TaskListModel::TitleColumn).data().toString(),
            QStringLiteral("Renamed"));
        QCOMPARE(moved.size(), 0);
        QCOMPARE(changed.first().at(0).toModelIndex(), model.index(0, 0));
        QCOMPARE(
            changed.first().at(1).toModelIndex(), model.index(0, TaskListModel::ColumnCount - 1));

        // A new task on top.
        const qint64 fresh = f->task(QStringLiteral("Fresh"));
        QTRY_COMPARE(ids(model), (QList<qint64> {fresh, t[1], t[4], t[3], t[2], t[0]}));

        // Done: no longer in this (open tasks) list.
        QCOMPARE(f->server()
                     .patch(QStringLiteral("/api/v1/tasks/%1").arg(t[3]),
                         {{QStringLiteral("status"), QStringLiteral("done")}}, f->adminToken())
                     .status,
            200);
        QTRY_COMPARE(ids(model), (QList<qint64> {fresh, t[1], t[4], t[2], t[0]}));

        // A late event with older activity does not reorder; unknown ids are ignored.
        QJsonObject stale = model.rowJson(4);
        stale.insert(QStringLiteral("title"), QStringLiteral("Late"));
        model.upsert(stale);
        QCOMPARE(ids(model), (QList<qint64> {fresh, t[1], t[4], t[2], t[0]}));
        QCOMPARE(
            model.index(4, TaskListModel::TitleColumn).data().toString(), QStringLiteral("Late"));
        model.removeId(987654);
        QCOMPARE(model.rowCount(), 5);
        model.removeId(t[4]);
        QCOMPARE(ids(model), (QList<qint64> {fresh, t[1], t[2], t[0]}));
    }

    // The markers of SPEC section 3 from real comments: hidden with who sees it, internal,
    // external (written by or addressed to a contact), notified names; oldest first; live
    // comments at the end; and the preview as a contact through the same model.
    void commentThreadRoles()
    {
        const qint64 olga = f->employee(QStringLiteral("olga"));
        const qint64 ivan = f->contact(QStringLiteral("Ivan Petrov"));
        QVERIFY(olga && ivan);
        QVERIFY(f->giveAccess(ivan, QStringLiteral("ivan")));
        const QString ivanToken
            = f->server().login(QStringLiteral("ivan"), QStringLiteral("ivan-password"));
        const qint64 task = f->task(QStringLiteral("Delivery"), ivan, {olga});
        QVERIFY(task);

        const qint64 plain = f->comment(task, QStringLiteral("plain note"));
        const qint64 toClient = f->comment(task, QStringLiteral("for the client"),
            {{QStringLiteral("notifiedIds"), jsonIds({ivan})}});
        const qint64 internal
            = f->comment(task, QStringLiteral("between us"), {{QStringLiteral("internal"), true}});
        const qint64 hidden = f->comment(task, QStringLiteral("secret"),
            {{QStringLiteral("hidden"), true}, {QStringLiteral("visibleToIds"), jsonIds({olga})}});
        const qint64 fromClient
            = f->comment(task, QStringLiteral("from the client"), {}, ivanToken);
        QVERIFY(plain && toClient && internal && hidden && fromClient);

        const QJsonObject plainJson
            = f->server()
                  .get(QStringLiteral("/api/v1/comments/%1").arg(plain), f->adminToken())
                  .json;
        CommentThreadModel model(session->people());
        Tester tester(&model, QtTestReporting);
        model.setDataSource(session->rest());
        model.setQuery(QStringLiteral("/api/v1/tasks/%1/comments").arg(task));
        // A live comment before the thread is loaded to its end has no place yet (the page
        // brings it).
        QVERIFY(!model.isAtEnd());
        model.applyComment(plainJson);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(loadAll(model));
        QCOMPARE(ids(model), (QList<qint64> {plain, toClient, internal, hidden, fromClient}));

        auto role = [&](int row, int role) { return model.index(row, 0).data(role); };
        // The external marker does not depend on a name having been painted first: a
        // contact the directory does not know yet is looked up for it.
        QVERIFY(!session->people()->person(ivan));
        QTRY_VERIFY(role(4, CommentThreadModel::ExternalRole).toBool());
        QVERIFY(role(1, CommentThreadModel::ExternalRole).toBool());
        // Names of people the directory did not know are fetched and then repainted.
        QTRY_COMPARE(
            role(4, CommentThreadModel::AuthorNameRole).toString(), QStringLiteral("Ivan Petrov"));
        QTRY_COMPARE(role(3, CommentThreadModel::VisibleToNamesRole).toStringList(),
            QStringList {QStringLiteral("olga")});
        QTRY_COMPARE(role(1, CommentThreadModel::NotifiedNamesRole).toStringList(),
            QStringList {QStringLiteral("Ivan Petrov")});
        QCOMPARE(role(0, CommentThreadModel::AuthorNameRole).toString(), QStringLiteral("Admin"));

        QCOMPARE(role(0, Qt::DisplayRole).toString(), QStringLiteral("plain note"));
        QCOMPARE(role(0, CommentThreadModel::TextRole).toString(), QStringLiteral("plain note"));
        QCOMPARE(role(0, CommentThreadModel::TaskIdRole).toLongLong(), task);
        QVERIFY(role(0, CommentThreadModel::CreatedAtRole).toDateTime().isValid());
        QVERIFY(role(0, CommentThreadModel::NotifiedNamesRole).toStringList().isEmpty());

        const QList<bool> hiddenFlags {false, false, false, true, false};
        const QList<bool> internalFlags {false, false, true, false, false};
        const QList<bool> externalFlags {false, true, false, false, true};
        for (int row = 0; row < 5; ++row) {
            QCOMPARE(role(row, CommentThreadModel::HiddenRole).toBool(), hiddenFlags[row]);
            QCOMPARE(role(row, CommentThreadModel::InternalRole).toBool(), internalFlags[row]);
            QCOMPARE(role(row, CommentThreadModel::ExternalRole).toBool(), externalFlags[row]);
        }
        QCOMPARE(role(4, CommentThreadModel::AuthorIdRole).toLongLong(), ivan);

        // Live: a new comment goes to the end of a thread loaded to its end.
        QVERIFY(streamReady());
        connect(session->events(), &client::EventStream::event, &model,
            [&](const QString &type, const QJsonObject &data) {
                if (type == QLatin1String("comment.created")
                    && qint64(data.value(QStringLiteral("taskId")).toDouble()) == task)
                    model.applyComment(data);
            });
        const qint64 later = f->comment(task, QStringLiteral("later"));
        QTRY_COMPARE(model.rowCount(), 6);
        QCOMPARE(ids(model).last(), later);

        // The thread as Ivan would see it: notified to him or written by him, nothing else.
        CommentThreadModel preview(session->people());
        Tester previewTester(&preview, QtTestReporting);
        preview.setDataSource(session->rest());
        preview.setQuery(QStringLiteral("/api/v1/tasks/%1/comments").arg(task),
            query(QStringLiteral("as"), QString::number(ivan)));
        QVERIFY(loadAll(preview));
        QCOMPARE(ids(preview), (QList<qint64> {toClient, fromClient}));
        QVERIFY(preview.index(0, 0).data(CommentThreadModel::ExternalRole).toBool());
    }

    // The contact's activity feed: its card's comments and its tasks', newest first, each
    // tagged with its task; live ones on top.
    void activityFeed()
    {
        const qint64 ivan = f->contact(QStringLiteral("Ivan Petrov"));
        const qint64 task = f->task(QStringLiteral("Delivery"), ivan);
        const qint64 other = f->task(QStringLiteral("Someone else's"));
        QVERIFY(ivan && task && other);

        ActivityModel model(session->people());
        Tester tester(&model, QtTestReporting);
        model.setDataSource(session->rest());
        model.setPageSize(2);

        const qint64 first = f->comment(task, QStringLiteral("first"));
        f->comment(other, QStringLiteral("not his"));
        const HttpResult card
            = f->server().post(QStringLiteral("/api/v1/contacts/%1/comments").arg(ivan),
                {{QStringLiteral("text"), QStringLiteral("on the card")}}, f->adminToken());
        QCOMPARE(card.status, 201);
        const qint64 second = f->comment(task, QStringLiteral("second"));

        model.setQuery(QStringLiteral("/api/v1/contacts/%1/activity").arg(ivan));
        QVERIFY(loadAll(model));
        QCOMPARE(ids(model), (QList<qint64> {second, idOf(card.json), first}));
        QCOMPARE(model.index(0, 0).data(CommentThreadModel::TaskTitleRole).toString(),
            QStringLiteral("Delivery"));
        QCOMPARE(model.index(1, 0).data(CommentThreadModel::TaskTitleRole).toString(), QString());
        QCOMPARE(model.index(1, 0).data(CommentThreadModel::TaskIdRole).toLongLong(), 0);
        QCOMPARE(model.index(2, 0).data(Qt::DisplayRole).toString(), QStringLiteral("first"));

        const HttpResult live = f->server().get(
            QStringLiteral("/api/v1/comments/%1").arg(f->comment(task, QStringLiteral("third"))),
            f->adminToken());
        model.applyComment(live.json);
        QCOMPARE(ids(model).first(), idOf(live.json));
        QCOMPARE(model.rowCount(), 4);
    }

    // Contact search: fragments of names and phones, name order, pages, live updates of a
    // shown contact in place (and none for one not shown).
    void contactSearch()
    {
        ContactListModel model;
        Tester tester(&model, QtTestReporting);
        model.setDataSource(session->rest());
        model.setPageSize(2);

        const qint64 ivan = f->contact(QStringLiteral("Ivan Petrov"),
            {{QStringLiteral("phones"),
                 QJsonArray {
                     QJsonObject {{QStringLiteral("number"), QStringLiteral("+7 912 345-67-89")},
                         {QStringLiteral("type"), QStringLiteral("mobile")}}}},
                {QStringLiteral("emails"), QJsonArray {QStringLiteral("ivan@example.com")}}});
        const qint64 maria = f->contact(QStringLiteral("Maria Ivanova"));
        const qint64 company
            = f->contact(QStringLiteral("Romashka LLC"), {{QStringLiteral("isCompany"), true}});
        const qint64 petr = f->contact(QStringLiteral("Petr Sidorov"),
            {{QStringLiteral("phones"),
                QJsonArray {QJsonObject {
                    {QStringLiteral("number"), QStringLiteral("8 (495) 123-45-67")}}}}});
        QVERIFY(ivan && maria && company && petr);

        model.search(QStringLiteral("  ivan "));
        QVERIFY(loadAll(model));
        QCOMPARE(ids(model), (QList<qint64> {ivan, maria}));
        const QModelIndex first = model.index(0, 0);
        QCOMPARE(first.data(ContactListModel::NameRole).toString(), QStringLiteral("Ivan Petrov"));
        QCOMPARE(first.data(ContactListModel::PhonesRole).toStringList(),
            QStringList {QStringLiteral("+79123456789")}); // as stored: E.164
        QCOMPARE(first.data(ContactListModel::EmailsRole).toStringList(),
            QStringList {QStringLiteral("ivan@example.com")});
        QCOMPARE(first.data(ContactListModel::IsCompanyRole).toBool(), false);
        QCOMPARE(first.data(Qt::DisplayRole).toString(),
            QStringLiteral("Ivan Petrov · +7 912 345-67-89 · ivan@example.com"));

        model.search(QStringLiteral("45-67"));
        QVERIFY(loadAll(model));
        QCOMPARE(ids(model), (QList<qint64> {ivan, petr}));

        model.search({});
        QVERIFY(loadAll(model));
        QCOMPARE(ids(model), (QList<qint64> {ivan, maria, petr, company}));
        QVERIFY(model.index(3, 0).data(ContactListModel::IsCompanyRole).toBool());

        // contact.updated: a shown contact changes in place; the list does not grow.
        QVERIFY(streamReady());
        connect(session->events(), &client::EventStream::event, &model,
            [&](const QString &type, const QJsonObject &data) {
                if (type == QLatin1String("contact.updated"))
                    model.upsert(data);
            });
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QCOMPARE(
            f->server()
                .patch(QStringLiteral("/api/v1/contacts/%1").arg(maria),
                    {{QStringLiteral("emails"), QJsonArray {QStringLiteral("maria@example.com")}}},
                    f->adminToken())
                .status,
            200);
        QTRY_COMPARE(model.index(1, 0).data(ContactListModel::EmailsRole).toStringList(),
            QStringList {QStringLiteral("maria@example.com")});
        model.search(QStringLiteral("ivan"));
        QVERIFY(loadAll(model));
        inserted.clear();
        QVERIFY(f->contact(QStringLiteral("Ivan Newcomer")));
        QVERIFY(f->contact(QStringLiteral("Zed Unrelated")));
        const qint64 marker = f->task(QStringLiteral("marker")); // events are in order: after these
        QVERIFY(marker);
        QTRY_COMPARE(session->events()->lastSeq(),
            f->server()
                .server()
                .context()
                .db.scalar(QStringLiteral("SELECT MAX(seq) FROM events"))
                .toLongLong());
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(model.rowCount(), 2);
    }

    // Names by id: employees in one go, others on first use — the ids asked while a view
    // paints go out as one GET /api/v1/people?ids= — the placeholder until then,
    // personChanged when it arrives, and views repainted.
    void peopleDirectoryResolvesNames()
    {
        CountingSource source(*session->rest());
        PeopleDirectory people;
        people.setDataSource(&source);
        QSignalSpy changed(&people, &PeopleDirectory::personChanged);

        const qint64 ivan = f->contact(QStringLiteral("Ivan Petrov"));
        const qint64 maria = f->contact(QStringLiteral("Maria Ivanova"));
        QCOMPARE(people.name(ivan), QStringLiteral("#%1").arg(ivan));
        QCOMPARE(people.name(maria), QStringLiteral("#%1").arg(maria));
        QCOMPARE(people.name(ivan), QStringLiteral("#%1").arg(ivan));
        QVERIFY(!people.isContact(ivan));
        QTRY_COMPARE(people.name(ivan), QStringLiteral("Ivan Petrov"));
        QCOMPARE(people.name(maria), QStringLiteral("Maria Ivanova"));
        QVERIFY(people.isContact(ivan));
        QCOMPARE(changed.size(), 2);
        // Both names in one request, each id once.
        const auto nameRequests = [&source] {
            QStringList asked;
            for (const auto &r : source.pages)
                if (r.query.hasQueryItem(QStringLiteral("ids")))
                    asked << r.query.queryItemValue(QStringLiteral("ids"));
            return asked;
        };
        QCOMPARE(nameRequests(), QStringList {QStringLiteral("%1,%2").arg(ivan).arg(maria)});
        QVERIFY(source.objects.isEmpty());
        QCOMPARE(people.name(0), QString());

        // Employees: the whole list at once, sorted by name.
        QSignalSpy loaded(&people, &PeopleDirectory::employeesLoaded);
        people.loadEmployees();
        QVERIFY(loaded.wait());
        QCOMPARE(people.employees().size(), 1);
        QCOMPARE(people.employees().first().login, QStringLiteral("admin"));

        // A colleague added after the list was loaded is found too.
        const qint64 olga = f->employee(QStringLiteral("olga"));
        changed.clear();
        QCOMPARE(people.name(olga), QStringLiteral("#%1").arg(olga));
        QTRY_COMPARE(people.name(olga), QStringLiteral("olga"));
        QVERIFY(!people.isContact(olga));
        QVERIFY(!changed.isEmpty());

        // An id nobody has: the placeholder stays, and it is asked for only once.
        QCOMPARE(people.name(987654), QStringLiteral("#987654"));
        QTRY_COMPARE(nameRequests().count(QStringLiteral("987654")), 1);
        QCOMPARE(people.name(987654), QStringLiteral("#987654"));
        QTest::qWait(100);
        QCOMPARE(nameRequests().count(QStringLiteral("987654")), 1);

        // A view showing a name it did not know repaints once it is known.
        const qint64 zoe = f->contact(QStringLiteral("Zoe Client"));
        const qint64 task = f->task(QStringLiteral("For Zoe"), zoe, {olga});
        TaskListModel tasks(&people);
        Tester tester(&tasks, QtTestReporting);
        tasks.setDataSource(&source);
        tasks.setQuery(QStringLiteral("/api/v1/tasks"));
        QVERIFY(loadAll(tasks));
        QCOMPARE(ids(tasks), QList<qint64> {task});
        QSignalSpy repainted(&tasks, &QAbstractItemModel::dataChanged);
        QCOMPARE(tasks.index(0, TaskListModel::CounterpartyColumn).data().toString(),
            QStringLiteral("#%1").arg(zoe));
        QCOMPARE(tasks.index(0, TaskListModel::AssigneesColumn).data().toString(),
            QStringLiteral("olga"));
        QTRY_COMPARE(tasks.index(0, TaskListModel::CounterpartyColumn).data().toString(),
            QStringLiteral("Zoe Client"));
        QVERIFY(!repainted.isEmpty());
        QCOMPARE(repainted.first().at(0).toModelIndex().column(),
            int(TaskListModel::CounterpartyColumn));
        QCOMPARE(
            repainted.first().at(1).toModelIndex().column(), int(TaskListModel::AssigneesColumn));
        QCOMPARE(tasks.index(0, 0).data(TaskListModel::CounterpartyIdRole).toLongLong(), zoe);
    }

    // A server that does not answer: the model reports it, stays empty and consistent, and
    // a later fetchMore (the server back) loads normally.
    void failingSourceReportsError()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        QUrl closed;
        closed.setScheme(QStringLiteral("http"));
        closed.setHost(QStringLiteral("127.0.0.1"));
        closed.setPort(probe.serverPort());
        probe.close();

        const qint64 task = f->task(QStringLiteral("Reachable later"));
        QVERIFY(task);
        client::RestClient dead;
        dead.setBaseUrl(closed);
        dead.setToken(f->adminToken());
        CountingSource tasksSource(dead);
        PeopleDirectory people;
        people.setDataSource(&dead);
        TaskListModel tasks(&people);
        ContactListModel contacts;
        CommentThreadModel thread(&people);
        const QList<PagedListModel *> models {&tasks, &contacts, &thread};
        std::vector<std::unique_ptr<Tester>> testers;
        std::vector<std::unique_ptr<QSignalSpy>> inserted;
        for (PagedListModel *m : models) {
            testers.push_back(std::make_unique<Tester>(m, QtTestReporting));
            inserted.push_back(std::make_unique<QSignalSpy>(m, &QAbstractItemModel::rowsInserted));
        }
        tasks.setQuery(QStringLiteral("/api/v1/tasks"));
        contacts.search(QStringLiteral("ivan"));
        thread.setQuery(QStringLiteral("/api/v1/tasks/%1/comments").arg(task));
        for (PagedListModel *m : models) {
            m->setDataSource(m == &tasks ? static_cast<DataSource *>(&tasksSource) : &dead);
            m->fetchMore();
            QVERIFY(m->isLoading());
        }

        for (int i = 0; i < int(models.size()); ++i) {
            PagedListModel *m = models.at(i);
            QTRY_VERIFY_WITH_TIMEOUT(!m->error().isEmpty(), 10000);
            QVERIFY(!m->isLoading());
            QVERIFY(!m->isAtEnd());
            QCOMPARE(m->rowCount(), 0);
            QCOMPARE(inserted.at(i)->size(), 0);
            QVERIFY(m->canFetchMore()); // may be tried again
        }
        // Names cannot be had either: the placeholder stays.
        QCOMPARE(people.name(42), QStringLiteral("#42"));

        // The server is reachable again; the operator refreshes the list (a new query while
        // the old one stands idle short of its end) and scrolls at once: one request.
        dead.setBaseUrl(f->server().server().url());
        tasks.setQuery(QStringLiteral("/api/v1/tasks"));
        QVERIFY(tasks.error().isEmpty());
        tasks.fetchMore();
        tasks.fetchMore();
        QCOMPARE(tasksSource.inFlight, 1);
        QVERIFY(loadAll(tasks));
        QCOMPARE(ids(tasks), QList<qint64> {task});
        QVERIFY(tasks.error().isEmpty());
        QCOMPARE(tasksSource.maxInFlight, 1);

        // A plain retry of a list still showing its error works as well.
        QVERIFY(!contacts.error().isEmpty());
        QVERIFY(loadAll(contacts));
        QVERIFY(contacts.error().isEmpty());
        QVERIFY(contacts.isAtEnd());
    }
};

QTEST_MAIN(TestItemModels)
#include "tst_itemmodels.moc"
