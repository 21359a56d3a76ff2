#pragma once

#include <QColor>
#include <QIcon>

class QPainter;
class QPalette;
class QRectF;

namespace linecard::ui::markers {

// The comment marker tints (PlanFix's colours), always blended with the palette so a
// dark theme gets a dark tint and text in the palette's own colour stays readable.

// a blended towards b by t (0 = a, 1 = b).
QColor mix(const QColor &a, const QColor &b, qreal t);

QColor externalAccent(); // PlanFix's light blue: written by or addressed to a contact
QColor hiddenAccent(); // the lock of a private comment
QColor internalAccent(); // "not visible to contacts"

// Card backgrounds and accent text derived from the palette.
QColor externalBackground(const QPalette &palette);
QColor hiddenBackground(const QPalette &palette);
QColor accentText(const QPalette &palette, const QColor &accent);
QColor dimText(const QPalette &palette);

// Small line icons drawn with the painter (no icon theme needed, crisp at any DPI).
void drawLock(QPainter *painter, const QRectF &rect, const QColor &color);
void drawEyeSlash(QPainter *painter, const QRectF &rect, const QColor &color);
void drawBell(QPainter *painter, const QRectF &rect, const QColor &color);
void drawPhone(QPainter *painter, const QRectF &rect, const QColor &color);

// One of the drawings above as an icon for a button (size in device-independent pixels).
using Drawing = void (*)(QPainter *, const QRectF &, const QColor &);
QIcon icon(Drawing drawing, const QColor &color, int size = 16);

} // namespace linecard::ui::markers
