#include "streammessage.h"

#include "jsonid.h"

#include <QJsonDocument>

namespace linecard::protocol {

static const QString typeKey = QStringLiteral("type");
static const QString seqKey = QStringLiteral("seq");
static const QString dataKey = QStringLiteral("data");
static const QString errorKey = QStringLiteral("error");

static QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject errorBody(const QString &code, const QString &message, const QString &field)
{
    QJsonObject error {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        error.insert(QStringLiteral("field"), field);
    return QJsonObject {{errorKey, error}};
}

QByteArray StreamMessage::hello(qint64 seq, qint64 userId)
{
    return compact({{typeKey, QStringLiteral("hello")}, {seqKey, seq},
        {dataKey, QJsonObject {{QStringLiteral("userId"), userId}}}});
}

QByteArray StreamMessage::resync(qint64 seq)
{
    return compact({{typeKey, QStringLiteral("resync")}, {seqKey, seq}});
}

QByteArray StreamMessage::event(qint64 seq, const QString &type, const QJsonObject &data)
{
    return compact({{seqKey, seq}, {typeKey, type}, {dataKey, data}});
}

QByteArray StreamMessage::error(const QString &code, const QString &message)
{
    return compact(errorBody(code, message));
}

std::optional<StreamMessage> StreamMessage::parse(const QByteArray &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    StreamMessage m;
    m.seq = idOf(object, seqKey);
    m.type = object.value(typeKey).toString();
    m.data = object.value(dataKey).toObject();
    if (object.contains(errorKey)) {
        m.kind = Kind::Error;
        m.errorCode = object.value(errorKey).toObject().value(QStringLiteral("code")).toString();
    } else if (m.type == QLatin1String("hello")) {
        m.kind = Kind::Hello;
    } else if (m.type == QLatin1String("resync")) {
        m.kind = Kind::Resync;
    }
    return m;
}

} // namespace linecard::protocol
