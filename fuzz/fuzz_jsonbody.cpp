// The REST API's request bodies: parsed as ApiRequest::json() does, every field read through
// every JsonRead accessor and the text checks of server/http/validation, and the whole
// object through the models' codecs (which the client also runs on the server's answers).
#include "fuzzinput.h"

#include "models/accountsettings.h"
#include "models/call.h"
#include "models/comment.h"
#include "models/jsonread.h"
#include "models/line.h"
#include "models/person.h"
#include "models/task.h"
#include "server/http/apierror.h"
#include "server/http/apirequest.h"
#include "server/http/validation.h"

using namespace linecard;
using namespace linecard::server;
using linecard::fuzz::violated;

namespace {

void expectStatus(const ApiError &error, int status)
{
    if (error.status() != status)
        violated("an unexpected error status");
}

// Each accessor on a fresh reader, so that an earlier failure hides none of them.
template<typename Read> void readField(const QJsonObject &object, const QString &key, Read read)
{
    JsonRead reader(object);
    read(reader, key);
    if (!reader.ok() && (reader.error().isEmpty() || reader.errorField() != key))
        violated("a failed read without its message or field");
}

void readEveryWay(const QJsonObject &object, const QString &key)
{
    readField(object, key, [](JsonRead &r, const QString &k) { (void)r.string(k); });
    readField(object, key, [](JsonRead &r, const QString &k) { (void)r.requiredString(k); });
    readField(object, key, [](JsonRead &r, const QString &k) { (void)r.boolean(k); });
    readField(object, key, [](JsonRead &r, const QString &k) { (void)r.id(k); });
    readField(object, key, [](JsonRead &r, const QString &k) { (void)r.requiredId(k); });
    readField(object, key, [](JsonRead &r, const QString &k) { (void)r.integer(k); });
    readField(object, key, [](JsonRead &r, const QString &k) {
        for (qint64 id : r.ids(k))
            if (id <= 0)
                violated("ids() gave an id that is not positive");
    });
    readField(object, key, [](JsonRead &r, const QString &k) { (void)r.strings(k); });
    readField(object, key, [](JsonRead &r, const QString &k) { (void)r.time(k); });
    readField(object, key, [](JsonRead &r, const QString &k) { (void)r.object(k); });
    readField(object, key, [](JsonRead &r, const QString &k) { (void)r.array(k); });

    const QJsonValue value = object.value(key);
    if (!value.isString())
        return;
    try {
        requireText(value.toString(), key, 500);
    } catch (const ApiError &error) {
        expectStatus(error, 422);
    }
    try {
        if (readIdCursor(value.toString()) <= 0 && !value.toString().isEmpty())
            violated("a cursor read as no cursor");
    } catch (const ApiError &error) {
        expectStatus(error, 400);
    }
}

// A value a codec accepted comes back the same through its own toJson().
template<typename Model> void roundTrip(const QJsonObject &object)
{
    const std::optional<Model> model = Model::fromJson(object);
    if (model && !Model::fromJson(model->toJson()))
        violated("a codec refused its own toJson()");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QJsonObject object;
    try {
        object = ApiRequest::jsonObject(
            QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    } catch (const ApiError &error) {
        expectStatus(error, 400);
        return 0;
    }
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        readEveryWay(object, it.key());

    roundTrip<Task>(object);
    roundTrip<Comment>(object);
    roundTrip<Person>(object);
    roundTrip<Call>(object);
    roundTrip<Line>(object);
    roundTrip<AccountSettings>(object);
    AccountSettings settings;
    QString error;
    const AccountSettings before = settings;
    if (!settings.applyPatch(object, &error) && !(settings == before))
        violated("a refused settings patch changed the settings");
    return 0;
}
