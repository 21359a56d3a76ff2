#include "validation.h"

#include "../servercontext.h"
#include "apierror.h"

namespace linecard::server {

void requireLivePeople(ServerContext &ctx, const QList<qint64> &ids, const QString &field)
{
    for (qint64 id : ids) {
        const auto p = ctx.people.get(id);
        if (!p || p->mergedInto)
            throw ApiError::invalid(
                QStringLiteral("'%1': no person with id %2").arg(field).arg(id), field);
    }
}

void requireLiveContact(ServerContext &ctx, qint64 id, const QString &field)
{
    const auto p = ctx.people.get(id);
    if (!p || !p->isContact() || p->mergedInto)
        throw ApiError::invalid(
            QStringLiteral("'%1': no contact with id %2").arg(field).arg(id), field);
}

void requireText(const QString &text, const QString &field, int maxLength, bool allowEmpty)
{
    if (!allowEmpty && text.trimmed().isEmpty())
        throw ApiError::invalid(QStringLiteral("'%1' must not be empty").arg(field), field);
    if (text.size() > maxLength)
        throw ApiError::invalid(
            QStringLiteral("'%1' is longer than %2 characters").arg(field).arg(maxLength), field);
    for (QChar c : text)
        if (c.unicode() == 0)
            throw ApiError::invalid(
                QStringLiteral("'%1' contains a NUL character").arg(field), field);
}

QString pageCursor(qint64 id)
{
    return QString::number(id);
}

qint64 readIdCursor(const QString &cursor)
{
    if (cursor.isEmpty())
        return 0;
    bool ok = false;
    const qint64 id = cursor.toLongLong(&ok);
    if (!ok || id <= 0)
        throw ApiError::badRequest(QStringLiteral("'cursor' is not a cursor this server gave"));
    return id;
}

} // namespace linecard::server
