#pragma once

#include <QStyledItemDelegate>

namespace linecard {
class PeopleDirectory;
}

namespace linecard::ui {

// Two lines per contact of a ContactListModel: the name (and its company) over the phones
// and e-mails, so that an operator sees at once why a search found it.
class ContactItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // people resolves company names; the view repaints when one arrives.
    ContactItemDelegate(PeopleDirectory *people, QAbstractItemView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    PeopleDirectory *m_people;
};

} // namespace linecard::ui
