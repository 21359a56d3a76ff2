#include "markerstyle.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

namespace linecard::ui::markers {

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    const qreal s = 1.0 - t;
    return QColor::fromRgbF(float(a.redF() * s + b.redF() * t),
        float(a.greenF() * s + b.greenF() * t), float(a.blueF() * s + b.blueF() * t));
}

QColor externalAccent()
{
    return QColor(0x3d, 0x9b, 0xe9);
}

QColor hiddenAccent()
{
    return QColor(0xe0, 0x8e, 0x1b);
}

QColor internalAccent()
{
    return QColor(0x8a, 0x6f, 0xc9);
}

QColor externalBackground(const QPalette &palette)
{
    // White base → PlanFix's #d8ebfb; a dark base → a muted navy that keeps light text legible.
    return mix(palette.color(QPalette::Base), externalAccent(), 0.2);
}

QColor hiddenBackground(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), hiddenAccent(), 0.13);
}

QColor accentText(const QPalette &palette, const QColor &accent)
{
    // Pulled towards the text colour so it contrasts with the base in both light and dark.
    return mix(accent, palette.color(QPalette::Text), 0.3);
}

QColor dimText(const QPalette &palette)
{
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.4);
}

static QPen linePen(const QRectF &rect, const QColor &color)
{
    QPen pen(color, qMax(1.0, rect.height() / 9.0));
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

void drawLock(QPainter *painter, const QRectF &r, const QColor &color)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(linePen(r, color));
    const QRectF body(r.left() + r.width() * 0.18, r.top() + r.height() * 0.45, r.width() * 0.64,
        r.height() * 0.48);
    QPainterPath shackle;
    shackle.moveTo(body.left() + body.width() * 0.2, body.top());
    shackle.lineTo(body.left() + body.width() * 0.2, r.top() + r.height() * 0.3);
    shackle.arcTo(QRectF(body.left() + body.width() * 0.2, r.top() + r.height() * 0.08,
                      body.width() * 0.6, r.height() * 0.44),
        180, -180);
    shackle.lineTo(body.right() - body.width() * 0.2, body.top());
    painter->drawPath(shackle);
    painter->setBrush(color);
    painter->drawRoundedRect(body, 1.5, 1.5);
    painter->restore();
}

void drawEyeSlash(QPainter *painter, const QRectF &r, const QColor &color)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(linePen(r, color));
    const QRectF eye
        = r.adjusted(r.width() * 0.05, r.height() * 0.25, -r.width() * 0.05, -r.height() * 0.25);
    QPainterPath outline;
    outline.moveTo(eye.left(), eye.center().y());
    outline.quadTo(eye.center().x(), eye.top() - eye.height() * 0.5, eye.right(), eye.center().y());
    outline.quadTo(
        eye.center().x(), eye.bottom() + eye.height() * 0.5, eye.left(), eye.center().y());
    painter->drawPath(outline);
    painter->drawEllipse(eye.center(), eye.height() * 0.22, eye.height() * 0.22);
    painter->drawLine(QPointF(r.left() + r.width() * 0.15, r.bottom() - r.height() * 0.1),
        QPointF(r.right() - r.width() * 0.15, r.top() + r.height() * 0.1));
    painter->restore();
}

void drawBell(QPainter *painter, const QRectF &r, const QColor &color)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(linePen(r, color));
    QPainterPath bell;
    const qreal cx = r.center().x();
    bell.moveTo(r.left() + r.width() * 0.12, r.top() + r.height() * 0.75);
    bell.quadTo(r.left() + r.width() * 0.25, r.top() + r.height() * 0.62,
        r.left() + r.width() * 0.25, r.top() + r.height() * 0.45);
    bell.cubicTo(r.left() + r.width() * 0.25, r.top() + r.height() * 0.1,
        r.right() - r.width() * 0.25, r.top() + r.height() * 0.1, r.right() - r.width() * 0.25,
        r.top() + r.height() * 0.45);
    bell.quadTo(r.right() - r.width() * 0.25, r.top() + r.height() * 0.62,
        r.right() - r.width() * 0.12, r.top() + r.height() * 0.75);
    bell.closeSubpath();
    painter->drawPath(bell);
    painter->drawLine(QPointF(cx - r.width() * 0.08, r.bottom() - r.height() * 0.1),
        QPointF(cx + r.width() * 0.08, r.bottom() - r.height() * 0.1));
    painter->restore();
}

void drawPhone(QPainter *painter, const QRectF &r, const QColor &color)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(linePen(r, color));
    QPainterPath handset;
    handset.moveTo(r.left() + r.width() * 0.2, r.top() + r.height() * 0.15);
    handset.quadTo(r.left() + r.width() * 0.05, r.top() + r.height() * 0.35,
        r.left() + r.width() * 0.3, r.top() + r.height() * 0.65);
    handset.quadTo(r.left() + r.width() * 0.6, r.bottom() - r.height() * 0.05,
        r.right() - r.width() * 0.15, r.bottom() - r.height() * 0.2);
    painter->drawPath(handset);
    painter->restore();
}

QIcon icon(Drawing drawing, const QColor &color, int size)
{
    const qreal ratio = qApp ? qApp->devicePixelRatio() : 1.0;
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    drawing(&painter, QRectF(1, 1, size - 2, size - 2), color);
    painter.end();
    return QIcon(pixmap);
}

} // namespace linecard::ui::markers
