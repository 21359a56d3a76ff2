#include "activitydelegate.h"

#include "models/commentthreadmodel.h"
#include "ui/markdown/commentrenderer.h"

#include <QDateTime>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

namespace linecard::ui {

static constexpr int kPadding = 8;
static constexpr int kMaxLines = 5;
static constexpr int kTagPadding = 6;

static QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t,
        a.greenF() * (1 - t) + b.greenF() * t, a.blueF() * (1 - t) + b.blueF() * t);
}

// Wraps text to width in at most maxLines lines; the last shown line ends in "…" when
// there is more.
static QStringList wrap(const QString &text, const QFont &font, int width, int maxLines)
{
    QStringList out;
    const QFontMetrics metrics(font);
    QString rest = text.trimmed();
    rest.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    const QStringList paragraphs = rest.split(u'\n');
    for (int p = 0; p < paragraphs.size() && out.size() < maxLines; ++p) {
        const QString paragraph = paragraphs.at(p);
        QTextLayout layout(paragraph, font);
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(option);
        layout.beginLayout();
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(width);
            if (out.size() == maxLines - 1) {
                // The last line we may show: everything left, elided.
                QString tail = paragraph.mid(line.textStart());
                for (int q = p + 1; q < paragraphs.size(); ++q)
                    tail += u' ' + paragraphs.at(q);
                out << metrics.elidedText(tail.simplified(), Qt::ElideRight, width);
                break;
            }
            out << paragraph.mid(line.textStart(), line.textLength()).trimmed();
        }
        layout.endLayout();
    }
    return out;
}

// A padlock for private comments, drawn: an emoji needs a font the desktop may not have.
static void drawLock(QPainter *painter, const QRect &r, const QColor &color)
{
    painter->save();
    painter->setPen(QPen(color, qMax(1.0, r.width() / 8.0)));
    const QRectF body(r.left() + r.width() * 0.1, r.top() + r.height() * 0.45, r.width() * 0.8,
        r.height() * 0.55);
    const QRectF shackle(r.left() + r.width() * 0.25, r.top(), r.width() * 0.5, r.height() * 0.8);
    painter->drawArc(shackle, 0, 180 * 16);
    painter->drawLine(
        QPointF(shackle.left(), shackle.center().y()), QPointF(shackle.left(), body.top()));
    painter->drawLine(
        QPointF(shackle.right(), shackle.center().y()), QPointF(shackle.right(), body.top()));
    painter->setBrush(color);
    painter->drawRoundedRect(body, 1, 1);
    painter->restore();
}

ActivityDelegate::ActivityDelegate(QListView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{ }

QString ActivityDelegate::tagText(const QModelIndex &index) const
{
    const qint64 taskId = index.data(CommentThreadModel::TaskIdRole).toLongLong();
    if (!taskId)
        return {};
    const QString title = index.data(CommentThreadModel::TaskTitleRole).toString();
    return title.isEmpty() ? tr("Task #%1").arg(taskId) : title;
}

QString ActivityDelegate::marks(const QModelIndex &index)
{
    QStringList marks;
    if (index.data(CommentThreadModel::HiddenRole).toBool())
        marks << tr("Hidden — visible to: %1")
                     .arg(index.data(CommentThreadModel::VisibleToNamesRole)
                              .toStringList()
                              .join(QStringLiteral(", ")));
    if (index.data(CommentThreadModel::InternalRole).toBool())
        marks << tr("Not visible to contacts");
    const QStringList notified = index.data(CommentThreadModel::NotifiedNamesRole).toStringList();
    if (!notified.isEmpty())
        marks << tr("Notified: %1").arg(notified.join(QStringLiteral(", ")));
    if (!index.data(CommentThreadModel::CallRole).toJsonObject().isEmpty())
        marks << tr("Call record");
    return marks.join(QStringLiteral("  ·  "));
}

ActivityDelegate::Layout ActivityDelegate::layout(
    const QRect &itemRect, const QModelIndex &index) const
{
    Layout l;
    const QFont font = m_view->font();
    const QFontMetrics metrics(font);
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.9);
    const QFontMetrics smallMetrics(small);
    const QRect area = itemRect.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    int y = area.top();
    const int headerHeight = metrics.height() + 4;
    l.header = QRect(area.left(), y, area.width(), headerHeight);
    const QString tag = tagText(index);
    if (!tag.isEmpty()) {
        const int width
            = qMin(metrics.horizontalAdvance(tag) + 2 * kTagPadding + 4, area.width() / 2);
        l.tag = QRect(area.right() - width + 1, y, width, headerHeight);
        l.header.setRight(l.tag.left() - kPadding);
    }
    y += headerHeight + 2;
    // A summary: the text without its Markdown marks.
    l.lines = wrap(CommentRenderer::plainText(index.data(CommentThreadModel::TextRole).toString()),
        font, area.width(), kMaxLines);
    l.text = QRect(area.left(), y, area.width(), int(l.lines.size()) * metrics.lineSpacing());
    y += l.text.height();
    l.marks = marks(index);
    if (!l.marks.isEmpty()) {
        y += 2;
        l.marksRect = QRect(area.left(), y, area.width(), smallMetrics.height());
        y += l.marksRect.height();
    }
    l.height = y + kPadding - itemRect.top();
    return l;
}

QRect ActivityDelegate::tagRect(const QRect &itemRect, const QModelIndex &index) const
{
    return layout(itemRect, index).tag;
}

QSize ActivityDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &index) const
{
    // The view's width, not option.rect: a list view asks before it knows the item's rect.
    const int width = qMax(200, m_view->viewport()->width());
    return {width, layout(QRect(0, 0, width, 0), index).height};
}

void ActivityDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Layout l = layout(option.rect, index);
    const QPalette &palette = option.palette;
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    QColor dim = palette.color(QPalette::PlaceholderText);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (index.data(CommentThreadModel::ExternalRole).toBool()) // PlanFix's light blue
        painter->fillRect(option.rect, mix(base, QColor(0x3d, 0xae, 0xe9), 0.16));
    painter->setPen(mix(base, text, 0.12));
    painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());

    // Author (with a lock for a private comment) and time.
    QFont bold = option.font;
    bold.setBold(true);
    const QString author = index.data(CommentThreadModel::AuthorNameRole).toString();
    QRect header = l.header;
    if (index.data(CommentThreadModel::HiddenRole).toBool()) {
        const int size = option.fontMetrics.ascent();
        drawLock(painter, QRect(header.left(), header.center().y() - size / 2, size, size), text);
        header.setLeft(header.left() + size + 4);
    }
    const QString when = QLocale().toString(
        index.data(CommentThreadModel::CreatedAtRole).toDateTime().toLocalTime(),
        QLocale::ShortFormat);
    painter->setFont(bold);
    painter->setPen(text);
    const QFontMetrics boldMetrics(bold);
    const QString shownAuthor
        = boldMetrics.elidedText(author, Qt::ElideRight, header.width() * 2 / 3);
    painter->drawText(header, Qt::AlignLeft | Qt::AlignVCenter, shownAuthor);
    painter->setFont(option.font);
    painter->setPen(dim);
    const QRect whenRect = header.adjusted(boldMetrics.horizontalAdvance(shownAuthor) + 8, 0, 0, 0);
    painter->drawText(whenRect, Qt::AlignLeft | Qt::AlignVCenter,
        option.fontMetrics.elidedText(when, Qt::ElideRight, whenRect.width()));

    // The task tag: a rounded chip in the link colour.
    if (!l.tag.isNull()) {
        const QColor link = palette.color(QPalette::Link);
        QPainterPath chip;
        chip.addRoundedRect(QRectF(l.tag).adjusted(0.5, 1.5, -0.5, -1.5), 4, 4);
        painter->fillPath(chip, mix(base, link, 0.14));
        painter->setPen(mix(base, link, 0.5));
        painter->drawPath(chip);
        painter->setPen(link);
        painter->drawText(l.tag.adjusted(kTagPadding, 0, -kTagPadding, 0), Qt::AlignCenter,
            option.fontMetrics.elidedText(
                tagText(index), Qt::ElideRight, l.tag.width() - 2 * kTagPadding));
    }

    painter->setPen(text);
    int y = l.text.top();
    for (const QString &line : l.lines) {
        painter->drawText(QRect(l.text.left(), y, l.text.width(), option.fontMetrics.lineSpacing()),
            Qt::AlignLeft | Qt::AlignVCenter, line);
        y += option.fontMetrics.lineSpacing();
    }

    if (!l.marks.isEmpty()) {
        QFont small = option.font;
        small.setPointSizeF(option.font.pointSizeF() * 0.9);
        painter->setFont(small);
        painter->setPen(dim);
        painter->drawText(l.marksRect, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(small).elidedText(l.marks, Qt::ElideRight, l.marksRect.width()));
    }
    painter->restore();
}

} // namespace linecard::ui
