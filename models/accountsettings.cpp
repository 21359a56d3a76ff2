#include "accountsettings.h"

#include "jsonread.h"

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
        {QStringLiteral("createUnknownCallers"), createUnknownCallers}};
}

bool AccountSettings::applyPatch(const QJsonObject &patch, QString *error)
{
    static const QSet<QString> known {QStringLiteral("contactsSeeOnlyNotified"),
        QStringLiteral("shareWithinCompany"), QStringLiteral("callAttachTarget"),
        QStringLiteral("callAttachHidden"), QStringLiteral("createUnknownCallers")};
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
        && callAttachHidden == o.callAttachHidden && createUnknownCallers == o.createUnknownCallers;
}

} // namespace linecard
