#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <functional>

class QObject;

namespace linecard {

// One page of a list endpoint, or why it could not be had.
struct PageReply
{
    QList<QJsonObject> items;
    QString nextCursor; // empty at the end
    bool ok = false;
    QString error;
};

// Where the client's item models get their pages from. The app implements it over REST;
// the models know nothing of HTTP.
class DataSource
{
public:
    virtual ~DataSource() = default;
    using PageCallback = std::function<void(const PageReply &)>;
    // Fetches one page of `path` with `query`; `done` runs later on the caller's thread,
    // and never once `context` is destroyed (that cancels the request).
    virtual void fetchPage(
        const QString &path, const QUrlQuery &query, QObject *context, PageCallback done)
        = 0;
    using ObjectCallback = std::function<void(bool ok, const QJsonObject &object)>;
    // Fetches one object (GET path).
    virtual void fetchObject(const QString &path, QObject *context, ObjectCallback done) = 0;
};

} // namespace linecard
