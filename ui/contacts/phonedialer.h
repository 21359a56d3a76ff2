#pragma once

#include <QObject>
#include <QString>

namespace linecard::client {
class CallCenter;
}

namespace linecard::ui {

class ContactDetails;

// Click-to-call on a card's phone numbers: a click asks the PBX to dial (choosing the line
// from a menu when there are several), the number shows "dialling…" at once and takes no
// second click until the server answered; the outcome comes back as a message for the card.
class PhoneDialer : public QObject
{
    Q_OBJECT
public:
    PhoneDialer(client::CallCenter *calls, ContactDetails *details, QObject *parent = nullptr);

    void dial(const QString &number, qint64 lineId = 0);

signals:
    void message(const QString &text, bool error);
    // An earlier message (text) no longer holds: the call it announced started or failed.
    void messageEnded(const QString &text);

private:
    void chooseLine(const QString &number);

    client::CallCenter *m_calls;
    ContactDetails *m_details;
    QString m_ringsFirst;
};

} // namespace linecard::ui
