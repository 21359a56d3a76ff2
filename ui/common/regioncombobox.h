#pragma once

#include <QComboBox>

namespace linecard::ui {

// A choice of the regions phone numbers are read in: "RU — Россия", each country under its
// own name, in code order; optionally an entry for "the account's region" (empty code).
class RegionComboBox : public QComboBox
{
    Q_OBJECT
public:
    explicit RegionComboBox(const QString &emptyChoice = QString(), QWidget *parent = nullptr);

    // "RU", or empty for the account's region.
    QString region() const;
    void setRegion(const QString &region);
};

} // namespace linecard::ui
