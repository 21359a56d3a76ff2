#pragma once

#include "auth/authservice.h"
#include "events/eventhub.h"
#include "store/database.h"
#include "store/settingsstore.h"
#include "store/stores.h"
#include "store/visibilitysql.h"
#include "telephony/integrationlogwriter.h"

namespace linecard::server {

// The services one server instance is made of, handed to every route group and service:
// the one set of stores of its database connection and the services built on them.
struct ServerContext
{
    ServerContext(Database &db, Stores &stores, SettingsStore &settings, AuthService &auth,
        EventHub &events, IntegrationLogWriter &integrationLog)
        : db(db)
        , people(stores.people)
        , tasks(stores.tasks)
        , comments(stores.comments)
        , calls(stores.calls)
        , lines(stores.lines)
        , providers(stores.providers)
        , readMarks(stores.readMarks)
        , integrationLogs(stores.integrationLogs)
        , contactMerger(stores.contactMerger)
        , settings(settings)
        , auth(auth)
        , events(events)
        , integrationLog(integrationLog)
    { }

    Database &db; // for transactions (EventBatch::change); the SQL is the stores'
    PeopleStore &people;
    TaskStore &tasks;
    CommentStore &comments;
    CallStore &calls;
    LineStore &lines;
    ProviderStore &providers;
    ReadMarkStore &readMarks;
    IntegrationLogStore &integrationLogs;
    ContactMerger &contactMerger;
    SettingsStore &settings;
    AuthService &auth;
    EventHub &events;
    IntegrationLogWriter &integrationLog;

    VisibilitySql rule(const Session &session) const
    {
        return {session.viewer(), settings.get(), &db.dialect()};
    }
    VisibilitySql rule(const visibility::Viewer &viewer) const
    {
        return {viewer, settings.get(), &db.dialect()};
    }
};

} // namespace linecard::server
