#pragma once

#include <QString>

#include <stdexcept>

namespace linecard::server {

// A typed API error; the router maps it to the status and the SPEC's error shape
// {"error": {"code", "message"}} in one place.
class ApiError : public std::runtime_error
{
public:
    ApiError(int status, const QString &code, const QString &message)
        : std::runtime_error(message.toStdString())
        , m_status(status)
        , m_code(code)
        , m_message(message)
    { }

    int status() const { return m_status; }
    QString code() const { return m_code; }
    QString message() const { return m_message; }
    // The request field a 422 is about (empty: the request as a whole); clients show the
    // message next to that field.
    QString field() const { return m_field; }
    ApiError about(const QString &field) const
    {
        ApiError e = *this;
        e.m_field = field;
        return e;
    }

    static ApiError badRequest(const QString &message)
    {
        return {400, QStringLiteral("bad_request"), message};
    }
    static ApiError invalid(const QString &message, const QString &field = {})
    {
        return ApiError {422, QStringLiteral("invalid"), message}.about(field);
    }
    static ApiError unauthorized(const QString &message = QStringLiteral("sign in first"))
    {
        return {401, QStringLiteral("unauthorized"), message};
    }
    static ApiError forbidden(const QString &message = QStringLiteral("not allowed for this user"))
    {
        return {403, QStringLiteral("forbidden"), message};
    }
    static ApiError notFound(const QString &what = QStringLiteral("resource"))
    {
        return {404, QStringLiteral("not_found"), QStringLiteral("no such %1").arg(what)};
    }
    static ApiError conflict(const QString &message)
    {
        return {409, QStringLiteral("conflict"), message};
    }
    static ApiError tooLarge(const QString &message)
    {
        return {413, QStringLiteral("too_large"), message};
    }
    static ApiError tooManyRequests(const QString &message, int retryAfterSeconds = 0)
    {
        ApiError e {429, QStringLiteral("rate_limited"), message};
        e.m_retryAfter = retryAfterSeconds;
        return e;
    }
    // Seconds for a Retry-After header (0: none).
    int retryAfter() const { return m_retryAfter; }

private:
    int m_retryAfter = 0;
    int m_status;
    QString m_code;
    QString m_message;
    QString m_field;
};

} // namespace linecard::server
