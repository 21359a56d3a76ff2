#pragma once

#include <QDialog>
#include <QJsonArray>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

// A comment written during a call, on the caller's card or one of their tasks. Once it is
// posted the window attaches the call to it, so the call's record lands right there.
// Hidden from contacts unless the operator says otherwise: a call note is the team's.
class CallCommentDialog : public QDialog
{
    Q_OBJECT
public:
    // tasks: the caller's active tasks (Task JSON), offered as places besides the card.
    CallCommentDialog(client::Session *session, qint64 contactId, const QString &contactName,
        const QJsonArray &tasks, QWidget *parent = nullptr);

    QPlainTextEdit *editor() const { return m_text; }
    QComboBox *target() const { return m_target; }
    QCheckBox *internalBox() const { return m_internal; }
    QString error() const;

public slots:
    void accept() override;

signals:
    // The comment as the server stored it.
    void posted(const QJsonObject &comment);

private:
    client::Session *m_session;
    qint64 m_contactId;
    QComboBox *m_target;
    QPlainTextEdit *m_text;
    QCheckBox *m_internal;
    QLabel *m_error;
    QPushButton *m_post;
    bool m_sending = false;
};

} // namespace linecard::ui
