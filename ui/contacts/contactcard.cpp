#include "contactcard.h"

#include "accessdialog.h"
#include "activityfeedview.h"
#include "contactdetails.h"
#include "contactdialog.h"
#include "contacttasksview.h"
#include "mergedialog.h"
#include "ui/common/noticebar.h"

#include "phonedialer.h"

#include "app/eventrouter.h"
#include "app/restclient.h"
#include "app/session.h"
#include "models/commentthreadmodel.h"
#include "models/peopledirectory.h"
#include "protocol/jsonid.h"

#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace linecard::ui {

using protocol::idOf;

ContactCard::ContactCard(client::Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_pages(new QStackedWidget(this))
    , m_placeholder(new QLabel(tr("Choose a contact to see its card."), this))
    , m_notice(new NoticeBar(this))
    , m_name(new QLabel(this))
    , m_company(new QLabel(this))
    , m_details(new ContactDetails(session->people(), this))
    , m_detailsScroll(new QScrollArea(this))
    , m_tasks(new ContactTasksView(session, this))
    , m_activity(new ActivityFeedView(session, this))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_pages);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_pages->addWidget(m_placeholder);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(m_notice);

    // Header: who it is, and what can be done with it.
    auto *header = new QHBoxLayout;
    auto *who = new QVBoxLayout;
    who->setSpacing(2);
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setTextFormat(Qt::PlainText);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_name->setWordWrap(true);
    who->addWidget(m_name);
    m_company->setTextFormat(Qt::RichText);
    m_company->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_company, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(QLatin1String("contact:")))
            emit openContact(link.mid(8).toLongLong());
    });
    who->addWidget(m_company);
    header->addLayout(who, 1);

    m_edit = actionButton(tr("&Edit…"), QStringLiteral("document-edit"));
    m_edit->setToolTip(tr("Edit the name, phones, e-mails and fields"));
    connect(m_edit, &QToolButton::clicked, this, &ContactCard::editContact);
    m_newTask = actionButton(tr("New &task"), QStringLiteral("task-new"));
    m_newTask->setPopupMode(QToolButton::InstantPopup);
    auto *taskMenu = new QMenu(m_newTask);
    taskMenu->addAction(tr("With this contact as &counterparty"), this,
        [this] { emit newTaskRequested(contactId(), true); });
    taskMenu->addAction(tr("&Assigned to this contact"), this,
        [this] { emit newTaskRequested(contactId(), false); });
    m_newTask->setMenu(taskMenu);
    m_merge = actionButton(tr("&Merge…"), QStringLiteral("merge"));
    m_merge->setToolTip(tr("Merge with another record of the same person"));
    connect(m_merge, &QToolButton::clicked, this, &ContactCard::mergeContact);
    m_access = actionButton(tr("A&ccess…"), QStringLiteral("system-users"));
    m_access->setToolTip(tr("Let this contact sign in and follow their tasks"));
    connect(m_access, &QToolButton::clicked, this, &ContactCard::manageAccess);
    for (QToolButton *button : {m_edit, m_newTask, m_merge, m_access})
        header->addWidget(button, 0, Qt::AlignTop);
    layout->addLayout(header);

    // Body: the contact's data over its tasks on the left, the activity on the right.
    auto *detailsScroll = m_detailsScroll;
    detailsScroll->setWidget(m_details);
    detailsScroll->setWidgetResizable(true);
    // As wide as the card gives: long values elide or wrap rather than scroll sideways.
    detailsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    detailsScroll->setFrameShape(QFrame::NoFrame);
    detailsScroll->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    // The data takes the height it needs (scrolling when the card is short), the tasks the rest.
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(detailsScroll);
    leftLayout->addWidget(m_tasks, 1);
    m_tasks->setMinimumHeight(140);
    auto *body = new QSplitter(Qt::Horizontal, this);
    body->addWidget(left);
    body->addWidget(m_activity);
    body->setStretchFactor(0, 1);
    body->setStretchFactor(1, 1);
    body->setChildrenCollapsible(false);
    layout->addWidget(body, 1);
    m_pages->addWidget(content);

    connect(m_tasks, &ContactTasksView::openTask, this, &ContactCard::openTask);
    connect(m_activity, &ActivityFeedView::openTask, this, &ContactCard::openTask);
    // The company's name may arrive after the card.
    connect(session->people(), &PeopleDirectory::personChanged, this, [this](qint64 id) {
        if (m_person.id && id == m_person.companyId)
            updateHeader();
    });
    showContact(0);
    client::EventRouter *router = session->router();
    connect(router, &client::EventRouter::contactUpdated, this, &ContactCard::onContactUpdated);
    connect(router, &client::EventRouter::contactMerged, this, &ContactCard::onContactMerged);
    connect(router, &client::EventRouter::taskCreated, this, &ContactCard::onTaskChanged);
    connect(router, &client::EventRouter::taskUpdated, this, &ContactCard::onTaskChanged);
    connect(router, &client::EventRouter::commentCreated, this,
        [this](const QJsonObject &comment) { onCommentChanged(comment, true); });
    connect(router, &client::EventRouter::commentUpdated, this,
        [this](const QJsonObject &comment) { onCommentChanged(comment, false); });
    connect(router, &client::EventRouter::commentDeleted, this, &ContactCard::onCommentDeleted);
}

QToolButton *ContactCard::actionButton(const QString &text, const QString &icon)
{
    auto *button = new QToolButton(this);
    button->setText(text);
    button->setIcon(QIcon::fromTheme(icon));
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    return button;
}

void ContactCard::showContact(qint64 contactId)
{
    load(contactId, {});
}

void ContactCard::showPerson(const QJsonObject &contact)
{
    const qint64 id = idOf(contact.value(QStringLiteral("id")));
    if (!id || idOf(contact.value(QStringLiteral("mergedInto")))) {
        showContact(id); // a merged id needs the server to name the survivor
        return;
    }
    delete m_request;
    m_request = nullptr;
    m_notice->hide();
    m_pages->setCurrentIndex(1);
    m_requestedId = id;
    m_tasks->setContact(id);
    m_activity->setContact(id);
    apply(contact);
}

void ContactCard::setCallCenter(client::CallCenter *calls)
{
    auto *dialer = new PhoneDialer(calls, m_details, this);
    connect(dialer, &PhoneDialer::message, this, [this](const QString &text, bool error) {
        m_notice->showMessage(error ? NoticeBar::Kind::Error : NoticeBar::Kind::Info, text);
    });
    connect(dialer, &PhoneDialer::messageEnded, this, [this](const QString &text) {
        if (m_notice->text() == text)
            m_notice->hide();
    });
}

void ContactCard::reload()
{
    load(contactId(), {});
}

QString ContactCard::noticeText() const
{
    return m_notice->text();
}

void ContactCard::load(qint64 contactId, const QString &note)
{
    delete m_request; // a slower answer for the previous contact must not land here
    m_request = nullptr;
    m_requestedId = contactId;
    const bool same = m_person.id && m_person.id == contactId;
    if (!same)
        m_person = Person();
    m_notice->hide();
    if (!note.isEmpty())
        m_notice->showMessage(NoticeBar::Kind::Info, note);
    if (!contactId) {
        m_pages->setCurrentIndex(0);
        m_tasks->setContact(0);
        m_activity->setContact(0);
        emit titleChanged({});
        return;
    }
    m_pages->setCurrentIndex(1);
    if (!same) {
        m_name->setText(tr("Loading…"));
        m_company->clear();
        m_details->clear();
    }
    for (QToolButton *button : {m_edit, m_newTask, m_merge, m_access})
        button->setEnabled(same);
    // The lists start at once, not after the card: a call window shows them sooner.
    m_tasks->setContact(contactId);
    m_activity->setContact(contactId);
    m_request = new QObject(this);
    m_session->rest()->get(
        QStringLiteral("/api/v1/contacts/%1").arg(contactId), m_request,
        [this, contactId](const QJsonObject &json) {
            m_request->deleteLater();
            m_request = nullptr;
            const qint64 survivor = idOf(json.value(QStringLiteral("mergedInto")));
            if (survivor && survivor != contactId) {
                m_notice->showMessage(NoticeBar::Kind::Info,
                    tr("Contact #%1 was merged into this one.").arg(contactId));
                m_requestedId = survivor;
                // Live events name the survivor: follow it in the lists too.
                m_tasks->setContact(survivor);
                m_activity->setContact(survivor);
            }
            apply(json);
        },
        [this](const client::ApiFailure &failure) {
            m_request->deleteLater();
            m_request = nullptr;
            m_name->setText(tr("Contact not available"));
            m_notice->showMessage(NoticeBar::Kind::Error,
                failure.status == 404
                    ? tr("This contact does not exist, or you may not see it.")
                    : tr("Could not load the contact: %1").arg(failure.describe()));
        });
}

void ContactCard::apply(const QJsonObject &json)
{
    QString error;
    auto person = Person::fromJson(json, &error);
    if (!person || !person->isContact()) {
        m_notice->showMessage(
            NoticeBar::Kind::Error, tr("The server sent an unreadable contact: %1").arg(error));
        return;
    }
    person->mergedInto = 0; // the note says so; the survivor itself is not merged
    m_person = *person;
    m_requestedId = m_person.id;
    m_session->people()->insert(m_person);
    updateHeader();
    m_details->setPerson(m_person);
    // As tall as the rows need, up to a limit past which they scroll (the scroll area
    // caches its size hint, so the minimum is what makes it grow).
    m_detailsScroll->setMinimumHeight(qMin(m_details->sizeHint().height() + 4, 260));
    for (QToolButton *button : {m_edit, m_newTask, m_merge, m_access})
        button->setEnabled(true);
    emit titleChanged(m_person.name);
}

void ContactCard::updateHeader()
{
    m_name->setText(m_person.name);
    const QString dim = palette().color(QPalette::PlaceholderText).name();
    if (m_person.isCompany) {
        m_company->setText(
            QStringLiteral("<span style=\"color:%1\">%2</span>").arg(dim, tr("Company")));
    } else if (m_person.companyId) {
        m_company->setText(QStringLiteral("<a href=\"contact:%1\">%2</a>")
                               .arg(m_person.companyId)
                               .arg(m_session->people()->name(m_person.companyId).toHtmlEscaped()));
        m_company->setToolTip(tr("Open the company's card"));
    } else {
        m_company->setText(
            QStringLiteral("<span style=\"color:%1\">%2</span>").arg(dim, tr("No company")));
    }
}

void ContactCard::onContactUpdated(const QJsonObject &data)
{
    if (!m_person.id)
        return;
    const qint64 id = idOf(data.value(QStringLiteral("id")));
    if (id == m_person.id)
        apply(data);
    else if (id == m_person.companyId)
        m_session->people()->insertJson(data); // repaints the company link
}

void ContactCard::onContactMerged(const QJsonObject &data)
{
    if (!m_person.id)
        return;
    const qint64 survivor = idOf(data.value(QStringLiteral("survivorId")));
    const QJsonArray merged = data.value(QStringLiteral("mergedIds")).toArray();
    if (merged.contains(QJsonValue(double(m_person.id)))) {
        load(survivor, tr("“%1” was merged into this contact.").arg(m_person.name));
    } else if (survivor == m_person.id) {
        // Tasks and comments of the duplicate moved in.
        apply(data.value(QStringLiteral("contact")).toObject());
        m_tasks->reload();
        m_activity->reload();
    } else if (merged.contains(QJsonValue(double(m_person.companyId)))) {
        reload(); // the company this contact belongs to is another one now
    }
}

void ContactCard::onTaskChanged(const QJsonObject &task)
{
    if (m_person.id)
        m_tasks->applyTask(task);
}

void ContactCard::onCommentChanged(const QJsonObject &comment, bool created)
{
    if (!m_person.id)
        return;
    // updated: a call's record moved (attached to a task) or changed; it may leave the feed.
    if (!placeComment(comment) && !created)
        m_activity->model()->removeId(idOf(comment.value(QStringLiteral("id"))));
}

void ContactCard::onCommentDeleted(const QJsonObject &comment)
{
    if (m_person.id)
        m_activity->model()->removeId(idOf(comment.value(QStringLiteral("id"))));
}

bool ContactCard::placeComment(const QJsonObject &comment)
{
    if (idOf(comment.value(QStringLiteral("contactId"))) == m_person.id) {
        m_activity->applyComment(comment);
        return true;
    }
    const qint64 task = idOf(comment.value(QStringLiteral("taskId")));
    const QString title = task ? m_tasks->counterpartyTaskTitle(task) : QString();
    if (title.isEmpty())
        return false; // not a task of this contact's feed (or not loaded here)
    QJsonObject tagged = comment;
    tagged.insert(QStringLiteral("task"),
        QJsonObject {{QStringLiteral("id"), task}, {QStringLiteral("title"), title}});
    m_activity->applyComment(tagged);
    return true;
}

void ContactCard::editContact()
{
    if (!m_person.id)
        return;
    auto *dialog = new ContactDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->editContact(m_person);
    const qint64 id = m_person.id;
    connect(dialog, &ContactDialog::saved, this, [this, id](const QJsonObject &json) {
        if (id == m_person.id)
            apply(json);
    });
    dialog->open();
}

void ContactCard::mergeContact()
{
    if (!m_person.id)
        return;
    auto *dialog = new MergeDialog(m_session, m_person, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MergeDialog::merged, this,
        [this, dialog](qint64 survivor, qint64 duplicate, const QJsonObject &json) {
            const QString note
                = tr("“%1” (#%2) was merged into this contact.")
                      .arg(duplicate == m_person.id ? m_person.name : dialog->duplicateName())
                      .arg(duplicate);
            if (survivor == m_person.id) {
                apply(json);
                m_notice->showMessage(NoticeBar::Kind::Info, note);
                m_tasks->reload();
                m_activity->reload();
            } else {
                load(survivor, note);
            }
        });
    dialog->open();
}

void ContactCard::manageAccess()
{
    if (!m_person.id)
        return;
    auto *dialog = new AccessDialog(m_session, m_person, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccessDialog::accessChanged, this, &ContactCard::apply);
    dialog->open();
}

} // namespace linecard::ui
