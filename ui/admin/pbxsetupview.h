#pragma once

#include <QJsonObject>
#include <QUrl>
#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace linecard::ui {

// What to paste into the PBX for one provider, by its format: the PlanFix "API address" and
// token, or the Zammad CTI endpoint with the token in it; each with a Copy button. The token
// is known only right after the server made it up; otherwise its hint shows and the values
// that need it cannot be copied.
class PbxSetupView : public QWidget
{
    Q_OBJECT
public:
    explicit PbxSetupView(QWidget *parent = nullptr);

    // provider: the server's JSON; token: the full token when just made, else empty.
    void show(const QUrl &server, const QJsonObject &provider, const QString &token);
    void clear();

    // The values shown, by field ("address", "token", "endpoint").
    QString value(const QString &field) const;
    QPushButton *copyButton(const QString &field) const;

    // The addresses themselves, for the README and the tests.
    static QString planFixAddress(const QUrl &server);
    static QString zammadEndpoint(const QUrl &server, const QString &token);

private:
    void addRow(const QString &field, const QString &label, const QString &value, bool copyable);

    QLabel *m_intro;
    QWidget *m_rows;
    QFormLayout *m_form;
};

} // namespace linecard::ui
