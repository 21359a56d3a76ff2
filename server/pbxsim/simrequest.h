#pragma once

#include <QByteArray>
#include <QString>

namespace linecard::pbxsim {

// One HTTP request the simulated PBX sends.
struct SimRequest
{
    QString path; // "/tel/api", "/api/v1/cti/<token>"
    QByteArray body;
    QByteArray contentType;
    QString summary; // for the log: what this request says
};

} // namespace linecard::pbxsim
