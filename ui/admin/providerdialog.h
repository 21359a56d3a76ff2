#pragma once

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

class FieldErrors;

// Adds a PBX connection (POST /api/v1/telephony/providers; the server makes up its token)
// or edits one (PATCH): name, format, and for click-to-call the PBX's URL and key.
class ProviderDialog : public QDialog
{
    Q_OBJECT
public:
    // provider without "id": a new one.
    ProviderDialog(
        client::Session *session, const QJsonObject &provider, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *formatBox() const { return m_format; }
    QLineEdit *pbxUrlEdit() const { return m_pbxUrl; }
    QLineEdit *pbxTokenEdit() const { return m_pbxToken; }
    QPushButton *saveButton() const { return m_save; }
    FieldErrors *errors() const { return m_errors; }

signals:
    // The provider as the server answered (with "token" when it made one up).
    void saved(const QJsonObject &provider);

private:
    bool check();
    void save();

    client::Session *m_session;
    qint64 m_id;
    QLineEdit *m_name;
    QComboBox *m_format;
    QLineEdit *m_pbxUrl;
    QLineEdit *m_pbxToken;
    QPushButton *m_save;
    FieldErrors *m_errors;
};

} // namespace linecard::ui
