#pragma once

#include "auth/authservice.h"
#include "events/eventhub.h"
#include "store/commentstore.h"
#include "store/database.h"
#include "store/eventlog.h"
#include "store/peoplestore.h"
#include "store/settingsstore.h"
#include "store/taskstore.h"
#include "store/visibilitysql.h"
#include "telephony/integrationlogwriter.h"

namespace linecard::server {

// The services one server instance is made of, handed to every route group.
struct ServerContext
{
    Database &db;
    PeopleStore &people;
    TaskStore &tasks;
    CommentStore &comments;
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
