#include "composer.h"

#include "markerstyle.h"
#include "peoplepicker.h"

#include "app/commentdraft.h"
#include "app/draftstore.h"
#include "app/restclient.h"
#include "app/session.h"
#include "models/commentthreadmodel.h"
#include "models/peopledirectory.h"
#include "protocol/jsonid.h"
#include "ui/common/flowlayout.h"
#include "ui/markdown/markdownpreview.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace linecard::ui {

Composer::Composer(client::Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_rules(session->people(), session->me().id)
    , m_edit(new QPlainTextEdit(this))
    , m_preview(new MarkdownPreview(this))
    , m_editOrPreview(new QStackedWidget(this))
    , m_previewToggle(new QToolButton(this))
    , m_notify(new PeoplePicker(tr("Notify…"), this))
    , m_hidden(new QToolButton(this))
    , m_visibleTo(new PeoplePicker(tr("Visible to…"), this))
    , m_internal(new QToolButton(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_audience(new QLabel(this))
    , m_error(new QLabel(this))
{
    buildControls();
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        saveDraft();
        updateControls();
        if (m_previewToggle->isChecked())
            m_preview->setMarkdownText(m_edit->toPlainText());
        fitToContent();
    });
    connect(m_previewToggle, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            m_preview->setMarkdownText(m_edit->toPlainText());
        m_editOrPreview->setCurrentWidget(on ? static_cast<QWidget *>(m_preview) : m_edit);
        fitToContent();
    });
    connect(m_notify, &PeoplePicker::edited, this, [this] { m_notifyTouched = true; });
    connect(m_notify, &PeoplePicker::selectionChanged, this, [this] {
        saveDraft();
        updateAudienceLine();
    });
    connect(m_visibleTo, &PeoplePicker::selectionChanged, this, [this] {
        saveDraft();
        updateAudienceLine();
    });
    connect(m_hidden, &QToolButton::toggled, this, [this](bool on) {
        if (on) {
            m_internal->setChecked(false); // the server takes one or the other
            if (m_visibleTo->selectedIds().isEmpty() && !m_restoring)
                m_visibleTo->setSelectedIds(m_notify->selectedIds());
        }
        m_visibleTo->setVisible(on);
        saveDraft();
        updateAudienceLine();
    });
    connect(m_internal, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            m_hidden->setChecked(false);
        saveDraft();
        updateAudienceLine();
    });
    connect(m_send, &QPushButton::clicked, this, &Composer::send);
    connect(session->people(), &PeopleDirectory::employeesLoaded, this, [this] {
        fillPeople();
        applyDefaultRecipients();
    });
    connect(session->people(), &PeopleDirectory::personChanged, this, [this](qint64 id) {
        if (m_rules.taskContacts(m_task).contains(id) || m_notify->selectedIds().contains(id)) {
            fillPeople();
            updateAudienceLine();
        }
    });
    setTaskId(0);
}

void Composer::fitToContent()
{
    const int line = m_edit->fontMetrics().lineSpacing();
    const int minimum = m_edit->minimumHeight();
    const int cap = qMax(minimum, line * 14 + 12);
    int content = 0;
    if (m_previewToggle->isChecked()) {
        QTextDocument *doc = m_preview->document();
        doc->setTextWidth(m_preview->viewport()->width());
        content = int(std::ceil(doc->size().height())) + 2 * m_preview->frameWidth();
    } else {
        // Lines as laid out (wrapped); a block not laid out yet counts as one.
        int lines = 0;
        for (QTextBlock block = m_edit->document()->begin(); block.isValid(); block = block.next())
            lines += qMax(1, block.layout() ? block.layout()->lineCount() : 1);
        content = lines * line + 12;
    }
    m_editOrPreview->setMinimumHeight(qBound(minimum, content, cap));
    // The buttons take as many rows as this width wraps them into (the splitter the
    // composer sits in goes by minimum heights).
    // Not before the composer has a real width: at a hidden widget's default 100 px the rows
    // would be many, and the splitter would keep a wide composer that tall.
    if (m_controls && layout() && width() >= m_controls->minimumSizeHint().width()) {
        const QMargins margins = layout()->contentsMargins();
        m_controls->setMinimumHeight(
            m_controls->layout()->heightForWidth(width() - margins.left() - margins.right()));
    }
}

void Composer::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitToContent(); // another width wraps the text into other lines
}

void Composer::buildControls()
{
    const bool contact = m_session->me().isContact();
    m_edit->setObjectName(QStringLiteral("composerText"));
    m_edit->setAccessibleName(contact ? tr("Reply") : tr("Comment"));
    m_edit->setPlaceholderText(contact ? tr("Write a reply… (Ctrl+Enter sends)")
                                       : tr("Write a comment… (Ctrl+Enter sends)"));
    m_edit->setTabChangesFocus(true);
    m_edit->installEventFilter(this);
    const int lines = contact ? 4 : 3;
    m_edit->setMinimumHeight(m_edit->fontMetrics().lineSpacing() * lines + 12);
    m_notify->setObjectName(QStringLiteral("notifyPicker"));
    m_visibleTo->setObjectName(QStringLiteral("visibleToPicker"));
    m_hidden->setObjectName(QStringLiteral("hiddenToggle"));
    m_internal->setObjectName(QStringLiteral("internalToggle"));
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_audience->setObjectName(QStringLiteral("audienceLine"));
    m_error->setObjectName(QStringLiteral("sendError"));

    m_hidden->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_internal->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    updateIcons();
    m_hidden->setText(tr("Hidden"));
    m_hidden->setCheckable(true);
    m_hidden->setToolTip(
        tr("A hidden comment: only the people you pick, you and the administrators see it"));
    m_internal->setText(tr("Not for contacts"));
    m_internal->setCheckable(true);
    m_internal->setToolTip(tr("Internal: every employee sees it, no contact ever does"));
    m_notify->setEmptyText(tr("nobody"));
    m_visibleTo->setEmptyText(tr("only you and administrators"));
    m_visibleTo->setVisible(false);
    m_send->setDefault(false);
    m_send->setAutoDefault(false);
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    m_audience->setTextFormat(Qt::RichText);
    m_audience->setWordWrap(true);
    m_audience->setContentsMargins(6, 3, 6, 3);
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    QFont strong = m_error->font();
    strong.setBold(true);
    m_error->setFont(strong);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->setSpacing(4);
    m_previewToggle->setObjectName(QStringLiteral("previewToggle"));
    m_previewToggle->setText(tr("Preview"));
    m_previewToggle->setCheckable(true);
    m_previewToggle->setToolTip(tr("Show the comment as it will read (Markdown)"));
    m_preview->setMinimumHeight(m_edit->minimumHeight());
    m_editOrPreview->addWidget(m_edit);
    m_editOrPreview->addWidget(m_preview);
    layout->addWidget(m_editOrPreview, 1);
    // One row while it fits; on a narrow panel (a task beside a call's card) it wraps.
    m_controls = new QWidget(this);
    auto *row = new FlowLayout(m_controls);
    row->addWidget(m_previewToggle);
    row->addWidget(m_notify, 3);
    row->addWidget(m_hidden);
    row->addWidget(m_visibleTo, 2);
    row->addWidget(m_internal);
    row->addWidget(m_send);
    layout->addWidget(m_controls);
    layout->addWidget(m_audience);
    layout->addWidget(m_error);
    if (contact) {
        // The simplified reply box: it goes to the task's assignees.
        m_notify->setVisible(false);
        m_hidden->setVisible(false);
        m_internal->setVisible(false);
        row->insertStretch(0, 1);
    }
}

void Composer::setTaskId(qint64 taskId)
{
    if (taskId == m_taskId && taskId != 0)
        return;
    m_taskId = taskId;
    m_task = {};
    m_error->setVisible(false);
    restoreDraft();
    fillPeople();
    updateControls();
    updateAudienceLine();
}

void Composer::setTask(const QJsonObject &task)
{
    setTaskId(protocol::idOf(task, QStringLiteral("id")));
    m_task = task;
    fillPeople();
    applyDefaultRecipients();
    updateAudienceLine();
}

void Composer::setThread(CommentThreadModel *thread)
{
    if (m_thread)
        m_thread->disconnect(this);
    m_thread = thread;
    if (!thread)
        return;
    connect(thread, &CommentThreadModel::atEndChanged, this, &Composer::applyDefaultRecipients);
    connect(thread, &CommentThreadModel::rowsInserted, this, &Composer::applyDefaultRecipients);
    connect(thread, &CommentThreadModel::modelReset, this, &Composer::applyDefaultRecipients);
    applyDefaultRecipients();
}

void Composer::setAccountSettings(const AccountSettings &settings)
{
    m_settings = settings;
    updateAudienceLine();
}

client::CommentDraft Composer::draft() const
{
    client::CommentDraft draft;
    draft.text = m_edit->toPlainText();
    draft.notifiedIds = m_notify->selectedIds();
    draft.notifyTouched = m_notifyTouched;
    draft.hidden = m_hidden->isChecked();
    draft.visibleToIds = m_visibleTo->selectedIds();
    draft.internal = m_internal->isChecked();
    return draft;
}

void Composer::restoreDraft()
{
    m_restoring = true;
    const client::CommentDraft draft
        = client::CommentDraft::fromJson(m_taskId && m_session->drafts()
                ? m_session->drafts()->draft(client::CommentDraft::key(m_taskId))
                : QJsonObject());
    m_edit->setPlainText(draft.text);
    m_edit->moveCursor(QTextCursor::End);
    m_notifyTouched = draft.notifyTouched;
    m_notify->setSelectedIds(draft.notifiedIds);
    m_visibleTo->setSelectedIds(draft.visibleToIds);
    m_hidden->setChecked(draft.hidden);
    m_internal->setChecked(draft.internal);
    m_restoring = false;
}

void Composer::saveDraft()
{
    if (m_restoring || !m_taskId || !m_session->drafts())
        return;
    // Written at every change (atomically): a crash loses nothing that was typed.
    m_session->drafts()->setDraft(client::CommentDraft::key(m_taskId), draft().toJson());
}

void Composer::fillPeople()
{
    if (m_session->me().isContact())
        return;
    QList<PeoplePicker::Entry> employees;
    for (const Person &p : m_session->people()->employees())
        if (p.id != m_session->me().id)
            employees.append({p.id, p.name, {}});
    const qint64 counterparty = protocol::idOf(m_task, QStringLiteral("counterpartyId"));
    const QList<qint64> assignees = protocol::idsOf(m_task.value(QStringLiteral("assigneeIds")));
    QList<PeoplePicker::Entry> contacts;
    for (qint64 id : m_rules.taskContacts(m_task)) {
        const QString role = id == counterparty ? tr("counterparty")
            : assignees.contains(id)            ? tr("assignee")
                                                : tr("participant");
        contacts.append({id, m_session->people()->name(id), role});
    }
    m_notify->setPeople(employees, contacts);
    m_visibleTo->setPeople(employees, contacts);
}

void Composer::applyDefaultRecipients()
{
    if (m_notifyTouched || !m_taskId)
        return;
    QList<qint64> defaults;
    if (m_session->me().isContact()) {
        // A contact's reply goes to the people working on its task.
        defaults = protocol::idsOf(m_task.value(QStringLiteral("assigneeIds")));
        defaults.removeAll(m_session->me().id);
    } else {
        defaults = m_rules.defaultRecipients(m_thread);
    }
    m_notify->setSelectedIds(defaults);
}

void Composer::updateAudienceLine()
{
    const QPalette pal = palette();
    QString text;
    bool contactsRead = false;
    if (m_session->me().isContact()) {
        QStringList names;
        for (qint64 id : m_notify->selectedIds())
            names << m_session->people()->name(id).toHtmlEscaped();
        text = names.isEmpty() ? tr("Your reply goes to the people working on this task.")
                               : tr("Your reply goes to: %1").arg(names.join(QStringLiteral(", ")));
    } else if (m_taskId) {
        // Until the account settings are known, assume the widest visibility.
        AccountSettings settings;
        if (m_settings) {
            settings = *m_settings;
        } else {
            settings.contactsSeeOnlyNotified = false;
            settings.shareWithinCompany = true;
        }
        const bool hidden = m_hidden->isChecked();
        const QStringList readers = m_rules.readers(m_task,
            m_rules.draft(m_notify->selectedIds(), hidden, m_visibleTo->selectedIds(),
                m_internal->isChecked()),
            settings);
        QStringList escaped;
        for (const QString &name : readers)
            escaped << name.toHtmlEscaped();
        contactsRead = !readers.isEmpty();
        if (contactsRead)
            text = tr("<b>Visible to contacts:</b> %1").arg(escaped.join(QStringLiteral(", ")));
        else if (hidden)
            text = tr("Hidden: only you, the people picked and administrators will see it.");
        else if (m_internal->isChecked())
            text = tr("Internal: employees only, no contact will see it.");
        else
            text = tr("Only employees will see it.");
    }
    m_audience->setText(text);
    m_audience->setVisible(!text.isEmpty());
    // The external tint, as on the card the comment will become.
    m_audience->setAutoFillBackground(contactsRead);
    QPalette linePalette = pal;
    linePalette.setColor(QPalette::Window, markers::externalBackground(pal));
    linePalette.setColor(
        QPalette::WindowText, contactsRead ? pal.color(QPalette::Text) : markers::dimText(pal));
    m_audience->setPalette(linePalette);
}

void Composer::updateControls()
{
    const bool hasTask = m_taskId != 0;
    m_edit->setEnabled(hasTask);
    m_send->setEnabled(hasTask && !m_sending && !m_edit->toPlainText().trimmed().isEmpty());
    m_send->setText(m_sending ? tr("Sending…") : tr("Send"));
}

void Composer::resetControls()
{
    m_restoring = true;
    m_edit->clear();
    m_hidden->setChecked(false);
    m_internal->setChecked(false);
    m_visibleTo->setSelectedIds({});
    m_notifyTouched = false;
    m_restoring = false;
    if (m_session->drafts())
        m_session->drafts()->clear(client::CommentDraft::key(m_taskId));
    applyDefaultRecipients();
    updateControls();
    updateAudienceLine();
}

void Composer::clearSent(const QString &sent)
{
    // The answer comes once the comment is on the disk, after its event: what was typed after
    // it meanwhile is the start of the next comment, and stays.
    const QString now = m_edit->toPlainText();
    if (now == sent) {
        resetControls();
        m_previewToggle->setChecked(false); // back to writing
    } else if (now.startsWith(sent)) {
        // A new comment, so it starts as every new one does (audience and notified as set by
        // default), with what was typed.
        QString next = now.mid(sent.size());
        while (next.startsWith(u'\n'))
            next.remove(0, 1);
        resetControls();
        m_previewToggle->setChecked(false);
        m_edit->setPlainText(next);
        m_edit->moveCursor(QTextCursor::End);
    }
}

void Composer::send()
{
    const client::CommentDraft sending = draft();
    if (m_sending || !m_taskId || sending.text.trimmed().isEmpty())
        return;
    m_sending = true;
    m_error->setVisible(false);
    updateControls();
    const qint64 taskId = m_taskId;
    client::sendComment(
        m_session, taskId, sending, this,
        [this, taskId, text = sending.text](const QJsonObject &comment) {
            m_sending = false;
            if (taskId == m_taskId)
                clearSent(text);
            updateControls();
            emit sent(comment);
        },
        [this, taskId](const client::ApiFailure &failure) {
            m_sending = false;
            updateControls();
            if (taskId != m_taskId)
                return; // the draft of that task is still on disk
            m_error->setText(tr("Not sent: %1").arg(failure.describe()));
            m_error->setVisible(true);
        });
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && (key->modifiers() & Qt::ControlModifier)) {
            send();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void Composer::updateIcons()
{
    const QPalette pal = palette();
    m_hidden->setIcon(
        markers::icon(markers::drawLock, markers::accentText(pal, markers::hiddenAccent())));
    m_internal->setIcon(
        markers::icon(markers::drawEyeSlash, markers::accentText(pal, markers::internalAccent())));
}

void Composer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        updateAudienceLine();
        updateIcons();
    }
    QWidget::changeEvent(event);
}

} // namespace linecard::ui
