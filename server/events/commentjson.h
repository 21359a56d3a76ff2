#pragma once

#include "models/comment.h"
#include "models/visibility.h"

#include <QJsonObject>

namespace linecard::server {

// A comment as one viewer is shown it: without its call record where the rule keeps calls
// from the viewer. Every read path and the event stream answer through these.
QJsonObject commentJson(const Comment &comment, const visibility::Viewer &viewer);
// The same for a comment already written as JSON (an event's data).
QJsonObject commentJson(QJsonObject comment, const visibility::Viewer &viewer);

} // namespace linecard::server
