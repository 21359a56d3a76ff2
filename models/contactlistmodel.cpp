#include "contactlistmodel.h"

#include "phonenumber.h"

#include <QJsonArray>

namespace linecard {

QHash<int, QByteArray> ContactListModel::roleNames() const
{
    QHash<int, QByteArray> names = PagedListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(PhonesRole, "phones");
    names.insert(EmailsRole, "emails");
    names.insert(IsCompanyRole, "isCompany");
    return names;
}

void ContactListModel::search(const QString &text)
{
    QUrlQuery query;
    if (!text.trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("q"), text.trimmed());
    setQuery(QStringLiteral("/api/v1/contacts"), query);
}

QVariant ContactListModel::roleData(const QJsonObject &row, int, int role) const
{
    QStringList phones;
    for (const QJsonValue &p : row.value(QStringLiteral("phones")).toArray())
        phones << p.toObject().value(QStringLiteral("number")).toString();
    QStringList emails;
    for (const QJsonValue &e : row.value(QStringLiteral("emails")).toArray())
        emails << e.toString();
    switch (role) {
    case Qt::DisplayRole: {
        QStringList parts {row.value(QStringLiteral("name")).toString()};
        if (!phones.isEmpty())
            parts << PhoneNumber::displayed(
                phones.first()); // stored E.164, shown as people write it
        if (!emails.isEmpty())
            parts << emails.first();
        return parts.join(QStringLiteral(" · "));
    }
    case NameRole:
        return row.value(QStringLiteral("name")).toString();
    case PhonesRole:
        return phones;
    case EmailsRole:
        return emails;
    case IsCompanyRole:
        return row.value(QStringLiteral("isCompany")).toBool();
    }
    return {};
}

} // namespace linecard
