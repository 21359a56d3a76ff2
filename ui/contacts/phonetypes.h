#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace linecard::ui::phonetypes {

// The usual phone types as (stored value, translated label). The API stores free text, so
// the stored values stay English and only the labels are translated.
QList<QPair<QString, QString>> choices();

// The label for a stored type; unknown types are shown as they were typed.
QString label(const QString &type);

} // namespace linecard::ui::phonetypes
