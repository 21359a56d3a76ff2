#pragma once

#include <QList>
#include <QString>

namespace linecard::server {

struct ServerContext;

// Checks shared by several route groups; each throws ApiError 422 naming the field.
void requireLivePeople(ServerContext &ctx, const QList<qint64> &ids, const QString &field);
void requireLiveContact(ServerContext &ctx, qint64 id, const QString &field);
void requireText(const QString &text, const QString &field, int maxLength, bool allowEmpty = false);
QString pageCursor(qint64 id); // "next page after this id", as the API's opaque string
qint64 readIdCursor(const QString &cursor);

} // namespace linecard::server
