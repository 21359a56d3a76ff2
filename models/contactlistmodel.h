#pragma once

#include "pagedlistmodel.h"

namespace linecard {

// Contact search results (name order), for the contacts panel and the pickers.
class ContactListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Roles
    {
        NameRole = FirstCustomRole,
        PhonesRole,
        EmailsRole,
        IsCompanyRole
    };
    using PagedListModel::PagedListModel;
    QHash<int, QByteArray> roleNames() const override;

    // Searches for text (empty: everyone), the API's token rule.
    void search(const QString &text);

protected:
    QVariant roleData(const QJsonObject &row, int column, int role) const override;
    int rowForNew(const QJsonObject &) const override { return -1; }
};

} // namespace linecard
