#include "callwindow.h"

#include "callcommentdialog.h"
#include "callheader.h"
#include "calltaskpanel.h"
#include "taskpickerdialog.h"

#include "ui/common/noticebar.h"
#include "ui/contacts/contactcard.h"
#include "ui/tasks/newtaskdialog.h"
#include "ui/tasks/taskview.h"

#include "app/eventstream.h"
#include "app/session.h"
#include "models/peopledirectory.h"
#include "models/phonenumber.h"
#include "protocol/jsonid.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QVBoxLayout>

namespace linecard::ui {

// The width an opened task takes beside the card: a comment line stays readable.
static constexpr int taskPanelWidth = 520;

using client::CallCenter;

CallWindow::CallWindow(client::Session *session, CallCenter *calls, qint64 callId, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_session(session)
    , m_calls(calls)
    , m_callId(callId)
    , m_header(new CallHeader(this))
    , m_notice(new NoticeBar(this))
    , m_candidatesBar(new QWidget(this))
    , m_candidatesLabel(new QLabel(this))
    , m_candidates(new QComboBox(this))
    , m_attach(new QPushButton(tr("&Attach to a task…"), this))
    , m_comment(new QPushButton(tr("New &comment…"), this))
    , m_record(new QLabel(this))
    , m_body(new QSplitter(Qt::Horizontal, this))
    , m_card(new ContactCard(session, this))
{
    setObjectName(QStringLiteral("callWindow"));
    setAttribute(Qt::WA_DeleteOnClose);

    // Several contacts share the number: the operator says which one is calling.
    auto *candidatesLayout = new QHBoxLayout(m_candidatesBar);
    candidatesLayout->setContentsMargins(10, 6, 10, 0);
    m_candidates->setObjectName(QStringLiteral("callCandidates"));
    auto *choose = new QPushButton(tr("This is the caller"), m_candidatesBar);
    choose->setObjectName(QStringLiteral("chooseCaller"));
    candidatesLayout->addWidget(m_candidatesLabel);
    candidatesLayout->addWidget(m_candidates, 1);
    candidatesLayout->addWidget(choose);
    connect(choose, &QPushButton::clicked, this, [this] {
        const qint64 id = m_candidates->currentData().toLongLong();
        if (id && id != m_info.call.contactId)
            m_calls->chooseContact(m_callId, id);
    });

    auto *actions = new QHBoxLayout;
    actions->setContentsMargins(10, 8, 10, 4);
    actions->setSpacing(8);
    m_attach->setObjectName(QStringLiteral("attachCall"));
    m_attach->setIcon(QIcon::fromTheme(QStringLiteral("mail-attachment")));
    m_attach->setToolTip(tr("The call's record goes to the task you choose"));
    m_comment->setObjectName(QStringLiteral("callComment"));
    m_comment->setIcon(QIcon::fromTheme(QStringLiteral("document-new")));
    m_comment->setToolTip(tr("Write a comment; the call's record joins it"));
    m_record->setObjectName(QStringLiteral("callRecordTarget"));
    m_record->setForegroundRole(QPalette::PlaceholderText);
    m_record->setTextFormat(Qt::PlainText);
    // Wraps rather than making the window wider than the room beside the main window.
    m_record->setWordWrap(true);
    actions->addWidget(m_attach);
    actions->addWidget(m_comment);
    actions->addSpacing(12);
    actions->addWidget(m_record, 1);
    connect(m_attach, &QPushButton::clicked, this, &CallWindow::pickTask);
    connect(m_comment, &QPushButton::clicked, this, &CallWindow::writeComment);

    m_body->addWidget(m_card);
    m_body->setChildrenCollapsible(false);
    m_card->setCallCenter(calls);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_notice);
    layout->addWidget(m_candidatesBar);
    layout->addLayout(actions);
    layout->addWidget(m_body, 1);
    m_notice->hide();

    connect(m_card, &ContactCard::openTask, this, &CallWindow::openTask);
    connect(m_card, &ContactCard::openContact, this, &CallWindow::openContactRequested);
    connect(m_card, &ContactCard::newTaskRequested, this, &CallWindow::newTask);
    connect(m_calls, &CallCenter::actionSucceeded, this, &CallWindow::onActionDone);
    connect(m_calls, &CallCenter::actionFailed, this, &CallWindow::onActionFailed);
    connect(session->people(), &PeopleDirectory::personChanged, this, [this](qint64 id) {
        if (id == m_info.call.answeredById || id == m_info.call.contactId)
            updateHeader();
    });

    resize(1040, 660);
    refresh();
}

void CallWindow::refresh()
{
    m_info = m_calls->call(m_callId);
    for (const QJsonValue &v : std::as_const(m_info.tasks)) {
        const QJsonObject task = v.toObject();
        m_taskTitles.insert(protocol::idOf(task, QStringLiteral("id")),
            task.value(QStringLiteral("title")).toString());
    }
    updateHeader();
    updateContact();
    updateCandidates();
    updateRecord();
}

QString CallWindow::stateText() const
{
    const Call &c = m_info.call;
    const bool in = c.direction == Call::Direction::In;
    switch (c.state) {
    case Call::State::Ringing:
        return in ? tr("Incoming call — ringing") : tr("Outgoing call — ringing");
    case Call::State::Answered:
        if (c.answeredById == m_session->me().id)
            return tr("On the line");
        if (c.answeredById)
            return tr("Answered by %1").arg(m_session->people()->name(c.answeredById));
        return tr("Answered");
    case Call::State::Ended:
        if (c.endedById)
            return tr("Marked as ended by %1").arg(m_session->people()->name(c.endedById));
        return c.endReason.isEmpty() || c.answeredAt.isValid() ? tr("Ended")
                                                               : tr("Ended: %1").arg(c.endReason);
    case Call::State::Missed:
        return tr("Missed");
    }
    return {};
}

void CallWindow::updateHeader()
{
    const Call &c = m_info.call;
    const std::optional<Line> line = m_calls->lineOf(m_info);
    m_header->setColor(line && !line->color.isEmpty() ? QColor(line->color) : QColor());
    const QString ours = m_info.ourNumber();
    const QString lineTitle = line && !line->name.isEmpty() ? line->name
        : !ours.isEmpty()                                   ? ours
                                                            : tr("Unknown line");
    // A queue call says which queue: the line alone does not tell sales from support.
    m_header->setTitle(c.queue.isEmpty() ? lineTitle : tr("%1 · queue %2").arg(lineTitle, c.queue));
    // A caller id is read in its line's region (a UK trunk sends "020 …").
    const QString remote = m_info.remoteNumber().isEmpty()
        ? tr("number withheld")
        : PhoneNumber::displayed(m_info.remoteNumber(), line ? line->region : QString());
    // The caller as named now (renamed while the window is open), else as when it rang.
    const std::optional<Person> caller
        = m_info.call.contactId ? m_session->people()->person(m_info.call.contactId) : std::nullopt;
    const QString name = caller && !caller->name.isEmpty() ? caller->name : m_info.contactName;
    const bool nameIsNumber = name == remote || PhoneNumber::displayed(name) == remote;
    const QString who = name.isEmpty() || nameIsNumber ? remote : tr("%1 · %2").arg(remote, name);
    m_header->setCaller(
        c.direction == Call::Direction::In ? tr("From %1").arg(who) : tr("To %1").arg(who));
    m_header->setState(stateText());
    switch (c.state) {
    case Call::State::Ringing:
        m_header->setTimer(c.startedAt, true);
        break;
    case Call::State::Answered:
        m_header->setTimer(c.answeredAt.isValid() ? c.answeredAt : c.startedAt, true);
        break;
    case Call::State::Ended:
        m_header->setTimer({}, false, c.duration);
        break;
    case Call::State::Missed:
        m_header->setTimer({}, false);
        break;
    }
    setWindowTitle(tr("%1 — %2").arg(
        m_info.contactName.isEmpty() ? remote : m_info.contactName, m_header->state()));
}

void CallWindow::updateContact()
{
    const qint64 shown = m_card->contactId();
    if (!m_info.contact.isEmpty()) {
        const qint64 id = protocol::idOf(m_info.contact, QStringLiteral("id"));
        if (id != shown)
            m_card->showPerson(m_info.contact); // from the ringing payload: no round trip
    } else if (m_info.call.contactId && m_info.call.contactId != shown) {
        m_card->showContact(m_info.call.contactId);
    } else if (!m_info.call.contactId && shown == 0) {
        m_notice->showMessage(NoticeBar::Kind::Info,
            tr("The caller's number is withheld or internal: there is no card to show."));
    }
}

void CallWindow::updateCandidates()
{
    const QList<Person> &people = m_info.candidates;
    m_candidatesBar->setVisible(people.size() > 1);
    if (people.size() <= 1)
        return;
    m_candidatesLabel->setText(tr("%n contacts have this number:", "", int(people.size())));
    m_candidates->clear();
    for (const Person &p : people) {
        const QString company = p.companyId ? m_session->people()->name(p.companyId) : QString();
        m_candidates->addItem(
            company.isEmpty() ? p.name : tr("%1 (%2)").arg(p.name, company), p.id);
        if (p.id == m_info.call.contactId)
            m_candidates->setCurrentIndex(m_candidates->count() - 1);
    }
}

CallTaskPanel *CallWindow::taskPanel()
{
    if (m_taskPanel)
        return m_taskPanel;
    // Built on first use: most calls never open a task beside the card, and a window that
    // pops up faster is the point of the screen-pop.
    m_taskPanel = new CallTaskPanel(m_session, this);
    m_body->addWidget(m_taskPanel);
    m_body->setStretchFactor(0, 3);
    m_body->setStretchFactor(1, 2);
    m_taskPanel->hide();
    m_taskPanel->setAttachedTaskId(m_info.attachTaskId);
    connect(m_taskPanel, &CallTaskPanel::attachHere, this, &CallWindow::attachToTask);
    connect(m_taskPanel, &CallTaskPanel::openContact, this, &CallWindow::openContactRequested);
    connect(m_taskPanel, &CallTaskPanel::closeRequested, this, [this] {
        m_taskPanel->hide();
        m_card->setStacked(false);
        m_card->show(); // it gave its place to the task on a small screen
    });
    // What the operator writes in a task during the call is where the call's record goes.
    connect(m_taskPanel, &CallTaskPanel::commentSent, this, [this](const QJsonObject &comment) {
        if (const qint64 id = protocol::idOf(comment, QStringLiteral("id")))
            m_calls->attachToComment(m_callId, id);
    });
    return m_taskPanel;
}

void CallWindow::updateRecord()
{
    if (m_taskPanel)
        m_taskPanel->setAttachedTaskId(m_info.attachTaskId);
    m_record->setText(recordText());
    // Dim while nothing is chosen; plain text once the operator put the call somewhere.
    const bool attached = m_info.attachTaskId || m_info.attachCommentId;
    m_record->setForegroundRole(attached ? QPalette::WindowText : QPalette::PlaceholderText);
}

QString CallWindow::recordText() const
{
    if (m_info.attachCommentId)
        return tr("The call's record goes with your comment.");
    if (m_info.attachTaskId) {
        const QString title = m_taskTitles.value(m_info.attachTaskId);
        return title.isEmpty() ? tr("The call's record goes to task #%1.").arg(m_info.attachTaskId)
                               : tr("The call's record goes to task “%1”.").arg(title);
    }
    return tr("Not attached: the record goes where the account settings say.");
}

QString CallWindow::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void CallWindow::pickTask()
{
    auto *picker = new TaskPickerDialog(m_session, m_info.tasks, m_info.call.contactId, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &TaskPickerDialog::taskChosen, this, &CallWindow::attachToTask);
    picker->open();
}

void CallWindow::attachToTask(qint64 taskId, const QString &title)
{
    if (!title.isEmpty())
        m_taskTitles.insert(taskId, title);
    m_calls->attachToTask(m_callId, taskId);
}

void CallWindow::writeComment()
{
    const qint64 contactId = m_card->contactId();
    auto *dialog
        = new CallCommentDialog(m_session, contactId, m_card->person().name, m_info.tasks, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CallCommentDialog::posted, this, [this](const QJsonObject &comment) {
        if (const qint64 id = protocol::idOf(comment, QStringLiteral("id")))
            m_calls->attachToComment(m_callId, id);
    });
    dialog->open();
}

void CallWindow::openTask(qint64 taskId)
{
    taskPanel()->openTask(taskId);
    if (m_taskPanel->isVisible())
        return;
    // The task comes beside the card (its actions stay at hand): the window grows to the
    // left while there is room — never past the screen, nor over the main window's centre
    // unless the card and the task cannot be narrower than that (a small screen).
    const QRect room = this->room();
    // Beside the task the card is one column (the activity under its data), so that both
    // fit the room right of the main window's centre on a 1280×800 screen.
    m_card->setStacked(true);
    m_taskPanel->show();
    const int wanted = width() + taskPanelWidth;
    const int wider = room.isValid() ? qMin(wanted, room.width()) : wanted;
    if (wider > width()) {
        const int right
            = room.isValid() ? qMin(geometry().right(), room.right()) : geometry().right();
        const int left
            = room.isValid() ? qMax(room.left(), right - wider + 1) : x() - (wider - width());
        setGeometry(left, y(), right - left + 1, height());
    }
    const int task = qMin(taskPanelWidth, width() / 2);
    m_body->setSizes({width() - task, task});
    // Whatever the content insists on, the window stays on the screen.
    layout()->activate();
    if (room.isValid() && geometry().right() > room.right()) {
        const int screenLeft = screen() ? screen()->availableGeometry().left() : room.left();
        move(qMax(screenLeft, x() - (geometry().right() - room.right())), y());
    }
}

QRect CallWindow::room() const
{
    if (m_room)
        return m_room();
    return screen() ? screen()->availableGeometry() : QRect();
}

void CallWindow::newTask(qint64 contactId, bool asCounterparty)
{
    // The dialog is this window's child: it cannot outlive it.
    NewTaskDialog::openFor(
        m_session, contactId, asCounterparty, this, [this](qint64 taskId) { openTask(taskId); });
}

void CallWindow::onActionDone(qint64 callId, CallCenter::Action action)
{
    if (callId != m_callId)
        return;
    refresh();
    switch (action) {
    case CallCenter::Action::AttachTask:
    case CallCenter::Action::AttachComment:
        m_notice->hide(); // the record line under the header says where it goes now
        break;
    case CallCenter::Action::ChooseContact:
        m_notice->showMessage(
            NoticeBar::Kind::Info, tr("The call is now %1's.").arg(m_info.contactName));
        break;
    case CallCenter::Action::Take:
    case CallCenter::Action::Handled:
    case CallCenter::Action::End:
        break;
    }
}

void CallWindow::onActionFailed(qint64 callId, CallCenter::Action, const QString &message)
{
    if (callId == m_callId)
        m_notice->showMessage(NoticeBar::Kind::Error, message);
}

} // namespace linecard::ui
