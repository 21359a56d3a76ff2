#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace linecard::client {
class PhoneLink;
class Session;
} // namespace linecard::client

namespace linecard::ui {

// "Call this number?" for a phone link opened elsewhere on the desktop: one click asks the
// PBX to dial it (POST /calls/dial); repeated clicks are ignored while that is on its way.
class DialOfferDialog : public QDialog
{
    Q_OBJECT
public:
    DialOfferDialog(
        client::Session *session, const client::PhoneLink &link, QWidget *parent = nullptr);

    QString number() const;
    // The outgoing line chosen (0: the PBX's default).
    qint64 lineId() const;
    QComboBox *lineBox() const { return m_line; }
    QString message() const;
    bool isDialling() const { return m_dialling; }

signals:
    // The server accepted the call; the operator's phone rings first.
    void dialStarted(const QString &number);
    void dialFailed(const QString &reason);
    // The company's lines arrived (tests wait for this).
    void linesLoaded();

private:
    void loadLines();
    void dial();
    void showMessage(const QString &text, bool error);

    client::Session *m_session;
    QLineEdit *m_number;
    QComboBox *m_line;
    QLabel *m_message;
    QPushButton *m_call;
    bool m_dialling = false;
};

} // namespace linecard::ui
