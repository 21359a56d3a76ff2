#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace linecard {

// Account-wide settings (admins change them; they take effect at once).
struct AccountSettings
{
    enum class CallAttachTarget
    {
        Contact,
        LastActiveTask
    };

    bool contactsSeeOnlyNotified = true;
    bool shareWithinCompany = false;
    CallAttachTarget callAttachTarget = CallAttachTarget::Contact;
    bool callAttachHidden = false;
    bool createUnknownCallers = true;
    // Where numbers written without a country code are from (ISO 3166 code, "RU"): by
    // default the region of the server's locale (RU when it names none).
    QString phoneRegion = defaultPhoneRegion();

    static QString defaultPhoneRegion();

    QJsonObject toJson() const;
    static std::optional<AccountSettings> fromJson(
        const QJsonObject &json, QString *error = nullptr);
    // Applies the fields present in a PATCH body; fails without changing anything.
    bool applyPatch(const QJsonObject &patch, QString *error);

    bool operator==(const AccountSettings &o) const;
};

} // namespace linecard
