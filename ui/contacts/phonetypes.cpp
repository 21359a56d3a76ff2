#include "phonetypes.h"

#include <QCoreApplication>

namespace linecard::ui::phonetypes {

QList<QPair<QString, QString>> choices()
{
    return {
        {QStringLiteral("mobile"), QCoreApplication::translate("PhoneTypes", "mobile")},
        {QStringLiteral("work"), QCoreApplication::translate("PhoneTypes", "work")},
        {QStringLiteral("home"), QCoreApplication::translate("PhoneTypes", "home")},
        {QStringLiteral("fax"), QCoreApplication::translate("PhoneTypes", "fax")},
        {QStringLiteral("other"), QCoreApplication::translate("PhoneTypes", "other")},
    };
}

QString label(const QString &type)
{
    for (const auto &choice : choices())
        if (choice.first.compare(type, Qt::CaseInsensitive) == 0)
            return choice.second;
    return type;
}

} // namespace linecard::ui::phonetypes
