#include "accountsettings.h"

#include "jsonread.h"
#include "phonenumber.h"

#include <QLocale>
#include <QSet>

namespace linecard {

static QString targetName(AccountSettings::CallAttachTarget t)
{
    return t == AccountSettings::CallAttachTarget::Contact ? QStringLiteral("contact")
                                                           : QStringLiteral("lastActiveTask");
}

QJsonObject AccountSettings::toJson() const
{
    return QJsonObject {{QStringLiteral("contactsSeeOnlyNotified"), contactsSeeOnlyNotified},
        {QStringLiteral("shareWithinCompany"), shareWithinCompany},
        {QStringLiteral("callAttachTarget"), targetName(callAttachTarget)},
        {QStringLiteral("callAttachHidden"), callAttachHidden},
        {QStringLiteral("createUnknownCallers"), createUnknownCallers},
        {QStringLiteral("phoneRegion"), phoneRegion}};
}

QString AccountSettings::defaultPhoneRegion()
{
    return PhoneNumber::regionOfLocale(QLocale::system());
}

bool AccountSettings::applyPatch(const QJsonObject &patch, QString *error)
{
    static const QSet<QString> known {QStringLiteral("contactsSeeOnlyNotified"),
        QStringLiteral("shareWithinCompany"), QStringLiteral("callAttachTarget"),
        QStringLiteral("callAttachHidden"), QStringLiteral("createUnknownCallers"),
        QStringLiteral("phoneRegion")};
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (!known.contains(it.key())) {
            if (error)
                *error = QStringLiteral("unknown setting '%1'").arg(it.key());
            return false;
        }
    }
    JsonRead r(patch);
    AccountSettings next = *this;
    next.contactsSeeOnlyNotified
        = r.boolean(QStringLiteral("contactsSeeOnlyNotified"), contactsSeeOnlyNotified);
    next.shareWithinCompany = r.boolean(QStringLiteral("shareWithinCompany"), shareWithinCompany);
    next.callAttachHidden = r.boolean(QStringLiteral("callAttachHidden"), callAttachHidden);
    next.createUnknownCallers
        = r.boolean(QStringLiteral("createUnknownCallers"), createUnknownCallers);
    const QString target
        = r.string(QStringLiteral("callAttachTarget"), targetName(callAttachTarget));
    if (target == targetName(CallAttachTarget::Contact))
        next.callAttachTarget = CallAttachTarget::Contact;
    else if (target == targetName(CallAttachTarget::LastActiveTask))
        next.callAttachTarget = CallAttachTarget::LastActiveTask;
    else
        r.fail(QStringLiteral("callAttachTarget"),
            QStringLiteral("'callAttachTarget' must be contact or lastActiveTask"));
    next.phoneRegion = r.string(QStringLiteral("phoneRegion"), phoneRegion);
    if (!PhoneNumber::isKnownRegion(next.phoneRegion))
        r.fail(QStringLiteral("phoneRegion"),
            QStringLiteral("'phoneRegion' must be a region code such as RU or GB"));
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return false;
    }
    *this = next;
    return true;
}

std::optional<AccountSettings> AccountSettings::fromJson(const QJsonObject &json, QString *error)
{
    AccountSettings s;
    if (!s.applyPatch(json, error))
        return std::nullopt;
    return s;
}

bool AccountSettings::operator==(const AccountSettings &o) const
{
    return contactsSeeOnlyNotified == o.contactsSeeOnlyNotified
        && shareWithinCompany == o.shareWithinCompany && callAttachTarget == o.callAttachTarget
        && callAttachHidden == o.callAttachHidden && createUnknownCallers == o.createUnknownCallers
        && phoneRegion == o.phoneRegion;
}

} // namespace linecard
