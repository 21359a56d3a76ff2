#include "regioncombobox.h"

#include "models/phonenumber.h"

#include <QLocale>

namespace linecard::ui {

static QString regionName(const QString &code)
{
    const QLocale::Territory territory = QLocale::codeToTerritory(code);
    if (territory == QLocale::AnyTerritory)
        return code;
    // The country's name as it calls itself: no translation table of 250 names to keep.
    const QString native = QLocale(QLocale::AnyLanguage, territory).nativeTerritoryName();
    return QStringLiteral("%1 — %2").arg(
        code, native.isEmpty() ? QLocale::territoryToString(territory) : native);
}

RegionComboBox::RegionComboBox(const QString &emptyChoice, QWidget *parent)
    : QComboBox(parent)
{
    if (!emptyChoice.isEmpty())
        addItem(emptyChoice, QString());
    for (const QString &code : PhoneNumber::knownRegions())
        addItem(regionName(code), code);
    setEditable(false);
    setMaxVisibleItems(20);
}

QString RegionComboBox::region() const
{
    return currentData().toString();
}

void RegionComboBox::setRegion(const QString &region)
{
    const int index = findData(region.toUpper());
    setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace linecard::ui
