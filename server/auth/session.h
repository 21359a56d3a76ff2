#pragma once

#include "models/person.h"
#include "models/visibility.h"

#include <QByteArray>

namespace linecard::server {

// The signed-in user of a request or an event-stream connection.
struct Session
{
    Person person;
    QByteArray tokenHash;

    bool isEmployee() const { return person.isEmployee(); }
    bool isAdmin() const { return person.isEmployee() && person.isAdmin; }
    visibility::Viewer viewer() const
    {
        return {person.id, person.isEmployee(), isAdmin(),
            person.isCompany ? person.id : person.companyId};
    }
};

} // namespace linecard::server
