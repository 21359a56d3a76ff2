#include "phonedialer.h"

#include "contactdetails.h"

#include "app/callcenter.h"
#include "models/phonenumber.h"

#include <QCursor>
#include <QMenu>
#include <QPixmap>

#include <utility>

namespace linecard::ui {

PhoneDialer::PhoneDialer(client::CallCenter *calls, ContactDetails *details, QObject *parent)
    : QObject(parent)
    , m_calls(calls)
    , m_details(details)
{
    details->setDialEnabled(true);
    connect(details, &ContactDetails::dialRequested, this, &PhoneDialer::chooseLine);
    connect(calls, &client::CallCenter::diallingChanged, details, &ContactDetails::setDialling);
    connect(calls, &client::CallCenter::dialStarted, this, [this](const QString &number) {
        if (!m_details->isVisible())
            return;
        m_ringsFirst = tr("Your phone rings first: pick it up to call %1.").arg(number);
        emit message(m_ringsFirst, false);
    });
    connect(calls, &client::CallCenter::dialSettled, this, [this] {
        if (!m_ringsFirst.isEmpty())
            emit messageEnded(std::exchange(m_ringsFirst, QString()));
    });
    connect(calls, &client::CallCenter::dialFailed, this,
        [this](const QString &, const QString &reason) {
            if (m_details->isVisible())
                emit message(reason, true);
        });
}

void PhoneDialer::chooseLine(const QString &number)
{
    const QList<Line> lines = m_calls->lines();
    if (lines.size() <= 1) {
        dial(number, lines.isEmpty() ? 0 : lines.first().id);
        return;
    }
    // Several lines: the operator picks the one the callee will see.
    auto *menu = new QMenu(m_details);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setObjectName(QStringLiteral("dialLineMenu"));
    menu->addSection(tr("Call %1 from").arg(number));
    for (const Line &line : lines) {
        QPixmap swatch(12, 12);
        swatch.fill(QColor(line.color).isValid() ? QColor(line.color) : QColor(Qt::gray));
        menu->addAction(QIcon(swatch),
            line.name.isEmpty()
                ? PhoneNumber::displayed(line.number, line.region)
                : tr("%1 (%2)").arg(line.name, PhoneNumber::displayed(line.number, line.region)),
            this, [this, number, id = line.id] { dial(number, id); });
    }
    menu->popup(QCursor::pos());
}

void PhoneDialer::dial(const QString &number, qint64 lineId)
{
    if (m_calls->isDialling(number))
        return; // already on its way
    m_calls->dial(number, lineId);
}

} // namespace linecard::ui
