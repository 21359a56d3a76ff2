#pragma once

#include "commentaudience.h"

#include "app/commentdraft.h"
#include "models/accountsettings.h"

#include <QJsonObject>
#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace linecard {
class CommentThreadModel;
}

namespace linecard::client {
class Session;
}

namespace linecard::ui {

class MarkdownPreview;
class PeoplePicker;

// The reply box under a task's thread: the text, whom to notify (employees and contacts in
// separate groups), a hidden toggle with who may see it, an internal toggle, and a line
// saying which contacts will read the comment before it is sent. What is typed is a draft
// on disk ("task:<id>") at every change; a failed send keeps it and says why.
class Composer : public QWidget
{
    Q_OBJECT
public:
    explicit Composer(client::Session *session, QWidget *parent = nullptr);

    // A new id resets the box to that task's draft.
    void setTaskId(qint64 taskId);
    // The task's current JSON: its contacts feed the pickers and the "visible to" line.
    void setTask(const QJsonObject &task);
    // The thread shown above, for the pre-selection of recipients.
    void setThread(CommentThreadModel *thread);
    void setAccountSettings(const AccountSettings &settings);

    qint64 taskId() const { return m_taskId; }
    QPlainTextEdit *editor() const { return m_edit; }
    PeoplePicker *notifyPicker() const { return m_notify; }
    PeoplePicker *visibleToPicker() const { return m_visibleTo; }
    QToolButton *hiddenToggle() const { return m_hidden; }
    QToolButton *internalToggle() const { return m_internal; }
    QPushButton *sendButton() const { return m_send; }
    QLabel *audienceLine() const { return m_audience; }
    QLabel *errorLine() const { return m_error; }
    // "Preview": the text rendered as it will read in the thread, instead of the editor.
    QToolButton *previewToggle() const { return m_previewToggle; }
    MarkdownPreview *preview() const { return m_preview; }

public slots:
    void send();

signals:
    void sent(const QJsonObject &comment);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void buildControls();
    // The writing area — the editor, or the preview in its place — is as tall as what is
    // written, from a few lines up to a cap (past it, it scrolls; the splitter can give more).
    void fitToContent();
    // What the controls hold now.
    client::CommentDraft draft() const;
    void restoreDraft();
    void saveDraft();
    void fillPeople();
    void applyDefaultRecipients();
    void updateAudienceLine();
    void updateControls();
    void clearSent(const QString &sent); // the comment with this text was sent
    void resetControls();
    void updateIcons();

    client::Session *m_session;
    CommentAudience m_rules;
    CommentThreadModel *m_thread = nullptr;
    QJsonObject m_task;
    qint64 m_taskId = 0;
    std::optional<AccountSettings> m_settings;
    bool m_notifyTouched = false; // the operator chose recipients: no more defaults
    bool m_restoring = false;
    bool m_sending = false;

    QPlainTextEdit *m_edit;
    MarkdownPreview *m_preview;
    QStackedWidget *m_editOrPreview;
    QToolButton *m_previewToggle;
    PeoplePicker *m_notify;
    QToolButton *m_hidden;
    PeoplePicker *m_visibleTo;
    QToolButton *m_internal;
    QPushButton *m_send;
    QLabel *m_audience;
    QLabel *m_error;
    QWidget *m_controls = nullptr; // the row of buttons under the editor
};

} // namespace linecard::ui
