#pragma once

#include "callstore.h"
#include "commentstore.h"
#include "contactmerger.h"
#include "integrationlogstore.h"
#include "linestore.h"
#include "peoplestore.h"
#include "providerstore.h"
#include "readmarkstore.h"
#include "taskstore.h"

namespace linecard::server {

class Database;

// The stores of one database connection, built once with it: routes and services reach them
// through the ServerContext instead of constructing their own.
struct Stores
{
    explicit Stores(Database &db)
        : people(db)
        , tasks(db)
        , comments(db)
        , calls(db)
        , lines(db)
        , providers(db)
        , readMarks(db)
        , integrationLogs(db)
        , contactMerger(db)
    { }

    PeopleStore people;
    TaskStore tasks;
    CommentStore comments;
    CallStore calls;
    LineStore lines;
    ProviderStore providers;
    ReadMarkStore readMarks;
    IntegrationLogStore integrationLogs;
    ContactMerger contactMerger;
};

} // namespace linecard::server
