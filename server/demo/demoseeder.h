#pragma once

#include <QList>
#include <QString>

namespace linecard::server {

class LinecardServer;

// Fills an empty instance with a believable company: employees, client companies with
// Russian and English names and phones in mixed formats, tasks, threads that mix ordinary,
// internal, hidden and client-notified comments, three coloured lines, two contacts who
// may sign in, and a PBX connection for linecard-pbx-sim.
class DemoSeeder
{
public:
    struct Account
    {
        QString login;
        QString password;
        QString name;
        QString role; // "administrator", "operator", "contact"
    };

    // The demo's PBX: its PlanFix token, and where click-to-call sends makeCall.
    static constexpr const char *demoPbxToken = "demo-pbx-token";
    static constexpr const char *demoPbxUrl = "http://127.0.0.1:9090/";
    // A second PBX speaking Zammad's Generic CTI (POST /api/v1/cti/demo-zammad-token).
    static constexpr const char *demoZammadToken = "demo-zammad-token";

    explicit DemoSeeder(LinecardServer &server)
        : m_server(server)
    { }
    QList<Account> seed(quint32 randomSeed = 2026);

private:
    LinecardServer &m_server;
};

} // namespace linecard::server
