#include "commentdelegate.h"

#include "markerstyle.h"

#include "ui/markdown/commentrenderer.h"

#include "models/commentthreadmodel.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QDateTime>
#include <QJsonObject>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

#include <cmath>

namespace linecard::ui {

namespace {

constexpr int OuterH = 8; // around the card
constexpr int OuterV = 4;
constexpr int PadH = 12; // inside the card
constexpr int PadV = 8;
constexpr int Gap = 4;
constexpr int Bar = 4; // the marker colour along the left edge
constexpr qreal Radius = 6;

// Lays out (and, with a painter, draws) word-wrapped text; returns its height.
qreal wrapped(QPainter *painter, QString text, const QFont &font, const QColor &color,
    const QPointF &at, qreal width)
{
    text.replace(u'\r', QString()).replace(u'\n', QChar::LineSeparator);
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere); // long URLs break too
    layout.setTextOption(option);
    qreal height = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, height));
        height += line.height();
    }
    layout.endLayout();
    if (painter) {
        painter->setPen(color);
        layout.draw(painter, at);
    }
    return qMax(height, qreal(QFontMetricsF(font).height()));
}

// The width of a card's text in a row of that width.
qreal textWidth(int rowWidth)
{
    return qMax(40.0, rowWidth - 2.0 * OuterH - 2 * PadH - Bar);
}

QString timeText(const QDateTime &created)
{
    const QDateTime local = created.toLocalTime();
    if (local.date() == QDate::currentDate())
        return QLocale().toString(local.time(), QLocale::ShortFormat);
    return QLocale().toString(local, QLocale::ShortFormat);
}

QString callText(const QJsonObject &call)
{
    const bool incoming = call.value(QStringLiteral("direction")).toString() == QLatin1String("in");
    const QString other
        = call.value(incoming ? QStringLiteral("from") : QStringLiteral("to")).toString();
    const QString state = call.value(QStringLiteral("state")).toString();
    if (state == QLatin1String("missed"))
        return CommentDelegate::tr("Missed call from %1").arg(other);
    const int seconds = call.value(QStringLiteral("duration")).toInt();
    const QString length
        = QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return incoming ? CommentDelegate::tr("Incoming call from %1, %2").arg(other, length)
                    : CommentDelegate::tr("Outgoing call to %1, %2").arg(other, length);
}

} // namespace

// What one card shows, read once from the model for both measuring and painting.
struct CommentDelegate::Metrics
{
    QString author;
    QString time;
    QString text;
    QString tag;
    bool external = false;
    bool hidden = false;
    bool internal = false;
    QList<MarkerLine> markers;
    QFont font;
    QFont bold;
    QFont small;
    QTextDocument *body = nullptr; // the rendered Markdown, laid out to the text width

    Metrics(const QStyleOptionViewItem &option, const QModelIndex &index, bool marksExternal)
        : author(index.data(CommentThreadModel::AuthorNameRole).toString())
        , time(timeText(index.data(CommentThreadModel::CreatedAtRole).toDateTime()))
        , text(index.data(CommentThreadModel::TextRole).toString())
        , tag(marksExternal ? externalTag(index) : QString())
        , external(marksExternal && index.data(CommentThreadModel::ExternalRole).toBool())
        , hidden(index.data(CommentThreadModel::HiddenRole).toBool())
        , internal(index.data(CommentThreadModel::InternalRole).toBool())
        , markers(markerLines(index))
        , font(option.font)
        , bold(option.font)
        , small(option.font)
    {
        bold.setBold(true);
        small.setPointSizeF(option.font.pointSizeF() > 0 ? option.font.pointSizeF() * 0.9 : 9);
    }

    QColor accent() const
    {
        if (external)
            return markers::externalAccent();
        if (hidden)
            return markers::hiddenAccent();
        if (internal)
            return markers::internalAccent();
        return {};
    }

    qreal headerHeight() const
    {
        return qMax(QFontMetricsF(bold).height(), QFontMetricsF(small).height() + 4);
    }
    // Where the rendered text starts in a row at rect.
    QPointF bodyOrigin(const QRect &rect) const
    {
        const QRectF card = QRectF(rect).adjusted(OuterH, OuterV, -OuterH, -OuterV);
        return {card.left() + PadH + Bar, card.top() + PadV + headerHeight() + Gap};
    }

    // Draws when painter is set; returns the card's full height either way.
    int run(QPainter *painter, const QStyleOptionViewItem &option, const QRect &rect) const
    {
        const QPalette &pal = option.palette;
        const QRectF card = QRectF(rect).adjusted(OuterH, OuterV, -OuterH, -OuterV);
        const qreal left = card.left() + PadH + Bar;
        const qreal width = qMax(40.0, card.width() - 2 * PadH - Bar);
        qreal y = card.top() + PadV;

        const QFontMetricsF boldMetrics(bold);
        const QFontMetricsF smallMetrics(small);
        const qreal headerHeight = this->headerHeight();
        if (painter) {
            const qreal tagWidth = tag.isEmpty() ? 0 : smallMetrics.horizontalAdvance(tag) + 12;
            const qreal timeWidth = smallMetrics.horizontalAdvance(time);
            const qreal authorWidth = qMax(20.0, width - tagWidth - timeWidth - 16);
            painter->setFont(bold);
            painter->setPen(pal.color(QPalette::Text));
            const QString name = boldMetrics.elidedText(author, Qt::ElideRight, authorWidth);
            painter->drawText(
                QRectF(left, y, authorWidth, headerHeight), Qt::AlignLeft | Qt::AlignVCenter, name);
            painter->setFont(small);
            painter->setPen(markers::dimText(pal));
            const qreal timeLeft = left + boldMetrics.horizontalAdvance(name) + 10;
            painter->drawText(QRectF(timeLeft, y, timeWidth + 2, headerHeight),
                Qt::AlignLeft | Qt::AlignVCenter, time);
            if (!tag.isEmpty()) {
                const QRectF chip(left + width - tagWidth,
                    y + (headerHeight - smallMetrics.height() - 4) / 2, tagWidth,
                    smallMetrics.height() + 4);
                painter->setRenderHint(QPainter::Antialiasing);
                painter->setPen(Qt::NoPen);
                painter->setBrush(
                    markers::mix(pal.color(QPalette::Base), markers::externalAccent(), 0.35));
                painter->drawRoundedRect(chip, chip.height() / 2, chip.height() / 2);
                painter->setPen(pal.color(QPalette::Text));
                painter->drawText(chip, Qt::AlignCenter, tag);
            }
        }
        y += headerHeight + Gap;
        if (body) {
            if (painter) {
                painter->save();
                painter->translate(left, y);
                QAbstractTextDocumentLayout::PaintContext context;
                context.palette = pal;
                context.palette.setColor(QPalette::Text, pal.color(QPalette::Text));
                body->documentLayout()->draw(painter, context);
                painter->restore();
            }
            y += qMax(body->size().height(), QFontMetricsF(font).height());
        } else {
            y += wrapped(painter, text, font, pal.color(QPalette::Text), QPointF(left, y), width);
        }

        const qreal icon = smallMetrics.height();
        for (const MarkerLine &marker : markers) {
            y += Gap;
            QColor color = markers::dimText(pal);
            if (marker.kind == Marker::Hidden)
                color = markers::accentText(pal, markers::hiddenAccent());
            else if (marker.kind == Marker::Internal)
                color = markers::accentText(pal, markers::internalAccent());
            if (painter) {
                const QRectF box(left, y + 1, icon, icon);
                switch (marker.kind) {
                case Marker::Hidden:
                    markers::drawLock(painter, box, color);
                    break;
                case Marker::Internal:
                    markers::drawEyeSlash(painter, box, color);
                    break;
                case Marker::Notified:
                    markers::drawBell(painter, box, color);
                    break;
                case Marker::Call:
                    markers::drawPhone(painter, box, color);
                    break;
                }
            }
            y += wrapped(
                painter, marker.text, small, color, QPointF(left + icon + 6, y), width - icon - 6);
        }
        y += PadV;
        return int(std::ceil(y - card.top())) + 2 * OuterV;
    }

    void paintCard(QPainter *painter, const QStyleOptionViewItem &option, const QRect &rect) const
    {
        const QPalette &pal = option.palette;
        const QRectF card
            = QRectF(rect).adjusted(OuterH + 0.5, OuterV + 0.5, -OuterH - 0.5, -OuterV - 0.5);
        QColor background
            = markers::mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.035);
        if (external)
            background = markers::externalBackground(pal);
        else if (hidden)
            background = markers::hiddenBackground(pal);
        const bool selected = option.state & QStyle::State_Selected;
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setBrush(background);
        painter->setPen(QPen(selected ? pal.color(QPalette::Highlight)
                                      : markers::mix(background, pal.color(QPalette::Text), 0.14),
            selected ? 2 : 1));
        painter->drawRoundedRect(card, Radius, Radius);
        const QColor bar = accent();
        if (bar.isValid()) {
            // The accent along the left edge, inside the rounded corners.
            painter->save();
            QPainterPath clip;
            clip.addRoundedRect(card, Radius, Radius);
            painter->setClipPath(clip);
            painter->fillRect(QRectF(card.left(), card.top(), Bar, card.height()), bar);
            painter->restore();
        }
    }
};

CommentDelegate::CommentDelegate(QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
    , m_renderer(new CommentRenderer(CodeHighlighter::instance(), this))
{
    // Code colours arrived: the text is the same, only its colours changed.
    connect(m_renderer, &CommentRenderer::updated, this, [this] { m_view->viewport()->update(); });
}

void CommentDelegate::clearCache()
{
    // The rendered documents stay: each is checked against the comment's text when used.
    m_heights.clear();
}

QTextDocument *CommentDelegate::document(
    const QStyleOptionViewItem &option, const QModelIndex &index, int rowWidth) const
{
    return m_renderer->document(index.data(CommentThreadModel::IdRole).toLongLong(),
        index.data(CommentThreadModel::TextRole).toString(), int(textWidth(rowWidth)), option.font,
        option.palette);
}

QString CommentDelegate::anchorAt(
    const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const
{
    Metrics metrics(option, index, m_marksExternal);
    QTextDocument *body = document(option, index, option.rect.width());
    return body->documentLayout()->anchorAt(QPointF(pos) - metrics.bodyOrigin(option.rect));
}

QList<CommentDelegate::MarkerLine> CommentDelegate::markerLines(const QModelIndex &index)
{
    QList<MarkerLine> lines;
    if (index.data(CommentThreadModel::HiddenRole).toBool()) {
        const QStringList who = index.data(CommentThreadModel::VisibleToNamesRole).toStringList();
        lines.append({Marker::Hidden,
            who.isEmpty() ? tr("Hidden: only the author and administrators see it")
                          : tr("Hidden: visible to %1 (and administrators)")
                                .arg(who.join(QStringLiteral(", ")))});
    }
    if (index.data(CommentThreadModel::InternalRole).toBool())
        lines.append({Marker::Internal, tr("Not visible to contacts")});
    const QStringList notified = index.data(CommentThreadModel::NotifiedNamesRole).toStringList();
    if (!notified.isEmpty())
        lines.append(
            {Marker::Notified, tr("Notified: %1").arg(notified.join(QStringLiteral(", ")))});
    const QJsonObject call = index.data(CommentThreadModel::CallRole).toJsonObject();
    if (index.data(CommentThreadModel::CallRecordRole).toBool())
        lines.append({Marker::Call, tr("Call record")}); // the text above says the rest
    else if (!call.isEmpty())
        lines.append({Marker::Call, callText(call)});
    return lines;
}

QString CommentDelegate::externalTag(const QModelIndex &index)
{
    if (!index.data(CommentThreadModel::ExternalRole).toBool())
        return {};
    return index.data(CommentThreadModel::AuthorIsContactRole).toBool() ? tr("from a contact")
                                                                        : tr("to a contact");
}

int CommentDelegate::layoutHeight(
    const QStyleOptionViewItem &option, const QModelIndex &index, int width) const
{
    const qint64 id = index.data(CommentThreadModel::IdRole).toLongLong();
    const auto it = m_heights.constFind(id);
    if (it != m_heights.constEnd() && it->first == width)
        return it->second;
    Metrics metrics(option, index, m_marksExternal);
    metrics.body = document(option, index, width);
    const int height = metrics.run(nullptr, option, QRect(0, 0, width, 0));
    m_heights.insert(id, {width, height});
    return height;
}

QSize CommentDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int width = qMax(200, m_view->viewport()->width());
    return {width, layoutHeight(opt, index, width)};
}

void CommentDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    Metrics metrics(opt, index, m_marksExternal);
    metrics.body = document(opt, index, opt.rect.width());
    painter->save();
    metrics.paintCard(painter, opt, opt.rect);
    painter->restore();
    painter->save();
    metrics.run(painter, opt, opt.rect);
    painter->restore();
}

} // namespace linecard::ui
