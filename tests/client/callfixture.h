#pragma once

// Telephony for client tests: the ClientFixture's real server with a PlanFix provider, the
// coloured line "Sales" and operators op1..op3 on extensions 101..103, and the PBX's side
// (PlanFix form requests over real HTTP to /tel/api).

#include "../integration/telephonyfixture.h"
#include "clientfixture.h"

#include "app/callcenter.h"
#include "app/eventstream.h"
#include "ui/shell/mainwindow.h"

#include <QSortFilterProxyModel>
#include <QTest>
#include <QTreeView>

#include <memory>

namespace linecard::testing {

class CallFixture : public ClientFixture
{
public:
    static constexpr const char *token = "pf-token-0001";
    static constexpr const char *caller = "+79161234567";

    qint64 op1 = 0, op2 = 0, op3 = 0, lineId = 0, providerId = 0;

    // Creates "Anna Petrova", the contact whose number is `caller`; her id (0 on failure).
    qint64 callerContact()
    {
        return contact(QStringLiteral("Anna Petrova"),
            {{QStringLiteral("phones"),
                QJsonArray {QJsonObject {
                    {QStringLiteral("number"), QStringLiteral("+7 916 123-45-67")}}}}});
    }

    // pbxUrl: where click-to-call goes (empty: nowhere).
    explicit CallFixture(const QString &pbxUrl = {})
    {
        op1 = server().createEmployee(
            adminToken(), QStringLiteral("op1"), false, {QStringLiteral("101")});
        op2 = server().createEmployee(
            adminToken(), QStringLiteral("op2"), false, {QStringLiteral("102")});
        op3 = server().createEmployee(
            adminToken(), QStringLiteral("op3"), false, {QStringLiteral("103")});
        QJsonObject provider {{QStringLiteral("name"), QStringLiteral("Office PBX")},
            {QStringLiteral("format"), QStringLiteral("planfix")},
            {QStringLiteral("token"), QLatin1String(token)}};
        if (!pbxUrl.isEmpty())
            provider.insert(QStringLiteral("pbxUrl"), pbxUrl);
        providerId = idOf(
            server().post(QStringLiteral("/api/v1/telephony/providers"), provider, adminToken()));
        lineId = idOf(server().post(QStringLiteral("/api/v1/lines"),
            {{QStringLiteral("number"), QStringLiteral("+7 495 120-00-01")},
                {QStringLiteral("name"), QStringLiteral("Sales")},
                {QStringLiteral("color"), QStringLiteral("#2e7d32")}},
            adminToken()));
    }

    bool ready() const { return op1 && op2 && op3 && lineId && providerId; }

    // The main window of `login` (password login + "-password") at 1280×800, its stream
    // connected and its calls loaded, showing the Calls area; nullptr if any of it failed.
    std::unique_ptr<ui::MainWindow> callsWindowFor(const QString &login)
    {
        client::Session *session = signIn(login, login + QStringLiteral("-password"));
        if (!session || !QTest::qWaitFor([&] { return session->events()->lastSeq() >= 0; }, 15000))
            return nullptr;
        auto window = std::make_unique<ui::MainWindow>(session);
        if (!window->callCenter()
            || !QTest::qWaitFor([&] { return window->callCenter()->isLoaded(); }, 15000))
            return nullptr;
        window->resize(1280, 800);
        window->show();
        window->showArea(ui::Place::Area::Calls);
        return window;
    }

    static qint64 idOf(const HttpResult &r)
    {
        return r.status == 201 ? qint64(r.json.value(QStringLiteral("id")).toDouble()) : 0;
    }

    // A PlanFix cmd=event (INCOMING, ACCEPTED, COMPLETED…) on the line "Sales"; the HTTP status.
    int event(const QString &callId, const QString &event, const QString &ext,
        const Fields &extra = {}, const QString &phone = QLatin1String(caller))
    {
        Fields f {{QStringLiteral("cmd"), QStringLiteral("event")},
            {QStringLiteral("type"), QStringLiteral("in")}, {QStringLiteral("event"), event},
            {QStringLiteral("phone"), phone},
            {QStringLiteral("diversion"), QStringLiteral("74951200001")},
            {QStringLiteral("callid"), callId},
            {QStringLiteral("planfix_token"), QLatin1String(token)}};
        if (!ext.isEmpty())
            f.append({QStringLiteral("ext"), ext});
        return server()
            .request("POST", QStringLiteral("/tel/api"), {}, formBody(f + extra),
                "application/x-www-form-urlencoded")
            .status;
    }
    int completed(
        const QString &callId, const QString &ext, const QString &status, int duration = 0)
    {
        return event(callId, QStringLiteral("COMPLETED"), ext,
            {{QStringLiteral("status"), status},
                {QStringLiteral("duration"), QString::number(duration)}});
    }

    // The comments of a task or card, read as the administrator over REST.
    QJsonArray comments(const QString &path)
    {
        return server().get(path, adminToken()).json.value(QStringLiteral("items")).toArray();
    }
    QJsonObject callJson(qint64 id)
    {
        return server().get(QStringLiteral("/api/v1/calls/%1").arg(id), adminToken()).json;
    }
};

// The Calls area's lists (CallsPanel): views over a CallListModel through the search's filter.
// The calls a list holds, shown or hidden by the search.
inline int listedCalls(QTreeView *list)
{
    return static_cast<QSortFilterProxyModel *>(list->model())->sourceModel()->rowCount();
}
// The text of a row as shown.
inline QString cellText(QTreeView *list, int row, int column)
{
    return list->model()->index(row, column).data().toString();
}
// Makes a row as shown current (and selected), as a click would.
inline void selectRow(QTreeView *list, int row)
{
    list->setCurrentIndex(list->model()->index(row, 0));
}

} // namespace linecard::testing
