#include "contactitemdelegate.h"

#include "models/contactlistmodel.h"
#include "models/peopledirectory.h"
#include "models/phonenumber.h"
#include "protocol/jsonid.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>

namespace linecard::ui {

static constexpr int kPadding = 5;

ContactItemDelegate::ContactItemDelegate(PeopleDirectory *people, QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_people(people)
{
    connect(
        people, &PeopleDirectory::personChanged, view->viewport(), qOverload<>(&QWidget::update));
}

void ContactItemDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // the background and selection only; the text is ours
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QJsonObject row = index.data(PagedListModel::JsonRole).toJsonObject();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group
        = option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor text
        = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.65);

    const QRect area = option.rect.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics metrics(option.font);
    const int lineHeight = qMax(boldMetrics.height(), metrics.height());

    QString name = index.data(ContactListModel::NameRole).toString();
    QString company;
    if (index.data(ContactListModel::IsCompanyRole).toBool())
        company = tr("company");
    else if (const qint64 companyId = protocol::idOf(row, QStringLiteral("companyId")))
        company = m_people->name(companyId);

    painter->save();
    painter->setFont(bold);
    painter->setPen(text);
    const QString shownName = boldMetrics.elidedText(name, Qt::ElideRight, area.width());
    const QRect nameRect(area.left(), area.top(), area.width(), lineHeight);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter, shownName);
    const int nameWidth = boldMetrics.horizontalAdvance(shownName);
    if (!company.isEmpty() && nameWidth + 40 < area.width()) {
        painter->setFont(option.font);
        painter->setPen(dim);
        const QRect companyRect = nameRect.adjusted(nameWidth + 8, 0, 0, 0);
        painter->drawText(companyRect, Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(
                QStringLiteral("— ") + company, Qt::ElideRight, companyRect.width()));
    }

    QStringList details;
    for (const QString &phone : index.data(ContactListModel::PhonesRole).toStringList())
        details << PhoneNumber::displayed(phone);
    details << index.data(ContactListModel::EmailsRole).toStringList();
    painter->setFont(option.font);
    painter->setPen(dim);
    const QRect detailRect(area.left(), area.top() + lineHeight, area.width(), metrics.height());
    painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText(
            details.isEmpty() ? tr("no phone or e-mail") : details.join(QStringLiteral("  ·  ")),
            Qt::ElideRight, detailRect.width()));
    painter->restore();
}

QSize ContactItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    QFont bold = option.font;
    bold.setBold(true);
    const int height
        = QFontMetrics(bold).height() + QFontMetrics(option.font).height() + 2 * kPadding;
    return {200, height};
}

} // namespace linecard::ui
