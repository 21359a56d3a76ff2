#include "mergedialog.h"

#include "contactpicker.h"
#include "mergecounts.h"
#include "ui/common/noticebar.h"

#include "app/restclient.h"
#include "app/session.h"
#include "models/phonenumber.h"
#include "ui/common/windowtitle.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTextDocument>
#include <QVBoxLayout>

namespace linecard::ui {

static QString quoted(const QString &name)
{
    return MergeDialog::tr("“%1”").arg(name);
}

MergeDialog::MergeDialog(client::Session *session, const Person &contact, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_shown(contact)
    , m_shownCounts(new MergeCounts(session->rest(), this))
    , m_otherCounts(new MergeCounts(session->rest(), this))
    , m_pages(new QStackedWidget(this))
    , m_picker(new ContactPicker(session, this))
    , m_keepOther(new QRadioButton(this))
    , m_keepShown(new QRadioButton(this))
    , m_summary(new QLabel(this))
    , m_error(new NoticeBar(this))
{
    setWindowTitle(tr("Merge %1 with another contact").arg(quoted(contact.name)));
    setMinimumSize(560, 460);
    fitWindowTitle(this);

    // Page 1: find the other record.
    auto *searchPage = new QWidget(this);
    auto *searchLayout = new QVBoxLayout(searchPage);
    searchLayout->setContentsMargins(0, 0, 0, 0);
    auto *intro = new QLabel(tr("Find the other record of %1. You will see what moves before "
                                "anything is merged.")
                                 .arg(quoted(contact.name)),
        searchPage);
    intro->setWordWrap(true);
    searchLayout->addWidget(intro);
    searchLayout->addWidget(m_picker, 1);
    m_picker->setExcludedId(contact.id);
    m_pages->addWidget(searchPage);

    // Page 2: which one stays, and what moves.
    auto *confirmPage = new QWidget(this);
    auto *confirmLayout = new QVBoxLayout(confirmPage);
    confirmLayout->setContentsMargins(0, 0, 0, 0);
    auto *which = new QLabel(tr("Which record stays?"), confirmPage);
    QFont bold = which->font();
    bold.setBold(true);
    which->setFont(bold);
    confirmLayout->addWidget(which);
    auto *group = new QButtonGroup(this);
    group->addButton(m_keepOther);
    group->addButton(m_keepShown);
    confirmLayout->addWidget(m_keepOther);
    confirmLayout->addWidget(m_keepShown);
    m_keepOther->setChecked(true);
    connect(group, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool checked) {
        if (checked)
            updateSummary();
    });
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_summary->setFrameShape(QFrame::StyledPanel);
    m_summary->setMargin(8);
    m_summary->setBackgroundRole(QPalette::Base);
    m_summary->setAutoFillBackground(true);
    confirmLayout->addWidget(m_summary);
    auto *undo = new QLabel(tr("A merge cannot be undone."), confirmPage);
    undo->setForegroundRole(QPalette::PlaceholderText);
    confirmLayout->addWidget(undo);
    confirmLayout->addStretch(1);
    m_pages->addWidget(confirmPage);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    // ResetRole only for its place: on the left, away from Merge, in every platform layout.
    m_back = buttons->addButton(tr("< &Back"), QDialogButtonBox::ResetRole);
    m_next = buttons->addButton(tr("&Next >"), QDialogButtonBox::ActionRole);
    m_merge = buttons->addButton(tr("&Merge"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_back, &QPushButton::clicked, this, &MergeDialog::goToSearch);
    connect(m_next, &QPushButton::clicked, this, &MergeDialog::goToConfirm);
    connect(m_merge, &QPushButton::clicked, this, &MergeDialog::merge);

    connect(m_picker, &ContactPicker::currentChanged, this,
        [this](qint64 id) { m_next->setEnabled(id != 0); });
    connect(m_picker, &ContactPicker::chosen, this, &MergeDialog::goToConfirm);
    connect(m_shownCounts, &MergeCounts::ready, this, &MergeDialog::updateSummary);
    connect(m_otherCounts, &MergeCounts::ready, this, &MergeDialog::updateSummary);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_error);
    layout->addWidget(m_pages, 1);
    layout->addWidget(buttons);
    goToSearch();
    // Duplicates usually share the name: start there, all selected to type over.
    m_picker->setSearchText(contact.name);
    m_picker->searchEdit()->selectAll();
}

void MergeDialog::goToSearch()
{
    m_pages->setCurrentIndex(0);
    m_back->hide();
    m_merge->hide();
    m_next->show();
    m_next->setEnabled(m_picker->currentId() != 0);
    m_next->setDefault(true);
    m_picker->searchEdit()->setFocus();
}

void MergeDialog::goToConfirm()
{
    const auto other = Person::fromJson(m_picker->current());
    if (!other)
        return;
    m_other = *other;
    m_keepOther->setText(
        tr("Keep %1 and merge %2 into it").arg(quoted(m_other.name), quoted(m_shown.name)));
    m_keepShown->setText(
        tr("Keep %1 and merge %2 into it").arg(quoted(m_shown.name), quoted(m_other.name)));
    // If two records have one name, the ids tell them apart.
    if (m_other.name == m_shown.name) {
        m_keepOther->setText(m_keepOther->text() + tr(" (keeps #%1)").arg(m_other.id));
        m_keepShown->setText(m_keepShown->text() + tr(" (keeps #%1)").arg(m_shown.id));
    }
    m_shownCounts->count(m_shown.id);
    m_otherCounts->count(m_other.id);
    m_pages->setCurrentIndex(1);
    m_back->show();
    m_next->hide();
    m_merge->show();
    m_merge->setDefault(true);
    updateSummary();
}

void MergeDialog::setKeepShown(bool keepShown)
{
    (keepShown ? m_keepShown : m_keepOther)->setChecked(true);
}

const Person &MergeDialog::survivor() const
{
    return m_keepShown->isChecked() ? m_shown : m_other;
}

const Person &MergeDialog::duplicate() const
{
    return m_keepShown->isChecked() ? m_other : m_shown;
}

qint64 MergeDialog::survivorId() const
{
    return m_other.id ? survivor().id : 0;
}

qint64 MergeDialog::duplicateId() const
{
    return m_other.id ? duplicate().id : 0;
}

bool MergeDialog::isCounting() const
{
    const MergeCounts *counts = m_keepShown->isChecked() ? m_otherCounts : m_shownCounts;
    return !counts->isReady();
}

QString MergeDialog::summaryText() const
{
    QTextDocument doc;
    doc.setHtml(m_summary->text());
    return doc.toPlainText();
}

QString MergeDialog::errorText() const
{
    return m_error->text();
}

void MergeDialog::updateSummary()
{
    if (!m_other.id)
        return;
    const Person &from = duplicate();
    const Person &to = survivor();
    const MergeCounts *counts = m_keepShown->isChecked() ? m_otherCounts : m_shownCounts;
    m_merge->setText(tr("&Merge into %1").arg(quoted(to.name)));
    m_merge->setEnabled(counts->isReady() && !m_request);

    QStringList moves;
    if (!counts->isReady()) {
        moves << tr("counting tasks and comments…");
    } else {
        // "1 task" apart from "%n tasks": right in English without a translation file, and a
        // Russian translator still gets the numerus forms.
        const int tasks = counts->tasks();
        moves << (counts->tasksCapped() ? tr("%1+ tasks").arg(tasks)
                : tasks == 1            ? tr("1 task")
                                        : tr("%n tasks", nullptr, tasks));
        const int comments = counts->comments();
        moves << (counts->commentsCapped() ? tr("%1+ comments from its activity feed").arg(comments)
                : comments == 1            ? tr("1 comment from its activity feed")
                                : tr("%n comments from its activity feed", nullptr, comments));
        if (!counts->error().isEmpty())
            moves << tr("(could not count everything: %1)").arg(counts->error());
    }
    // Phones the survivor already has are dropped, not doubled.
    QSet<QString> known;
    for (const PhoneEntry &p : to.phones)
        known.insert(PhoneNumber::parse(p.number).e164());
    QStringList phones;
    int alreadyThere = 0;
    for (const PhoneEntry &p : from.phones) {
        const PhoneNumber number = PhoneNumber::parse(p.number);
        if (number.isValid() && known.contains(number.e164()))
            ++alreadyThere;
        else
            phones << number.international();
    }
    moves << (phones.isEmpty()
            ? tr("no new phones")
            : (phones.size() == 1 ? tr("1 phone: %1")
                                  : tr("%n phones: %1", nullptr, int(phones.size())))
                  .arg(phones.join(QStringLiteral(", "))));
    if (alreadyThere)
        moves.last() += tr(" (%n already on %1)", nullptr, alreadyThere).arg(quoted(to.name));
    QStringList emails;
    for (const QString &e : from.emails)
        if (!to.emails.contains(e, Qt::CaseInsensitive))
            emails << e;
    moves << (emails.isEmpty()
            ? tr("no new e-mails")
            : (emails.size() == 1 ? tr("1 e-mail: %1")
                                  : tr("%n e-mails: %1", nullptr, int(emails.size())))
                  .arg(emails.join(QStringLiteral(", "))));
    moves << tr("its calls and its card comments");

    QStringList lost;
    if (from.name != to.name)
        lost << tr("the name %1").arg(quoted(from.name));
    if (!from.fields.isEmpty())
        lost << (from.fields.size() == 1
                ? tr("its custom field %1")
                : tr("its %n custom fields: %1", nullptr, int(from.fields.size())))
                    .arg(from.fields.keys().join(QStringLiteral(", ")));
    if (from.hasAccess)
        lost << tr("its login (%1)").arg(from.login);

    QString html = QStringLiteral("<p>")
        + tr("From <b>%1</b> (#%2) to <b>%3</b> (#%4) move:")
              .arg(from.name.toHtmlEscaped())
              .arg(from.id)
              .arg(to.name.toHtmlEscaped())
              .arg(to.id)
        + QStringLiteral("</p><ul>");
    for (const QString &m : moves)
        html += QStringLiteral("<li>%1</li>").arg(m.toHtmlEscaped());
    html += QStringLiteral("</ul>");
    if (!lost.isEmpty())
        html += QStringLiteral("<p>")
            + tr("Not kept: %1.").arg(lost.join(QStringLiteral("; ")).toHtmlEscaped())
            + QStringLiteral("</p>");
    m_summary->setText(html);
}

void MergeDialog::merge()
{
    if (m_request || !m_other.id || isCounting())
        return;
    const qint64 survivorId = survivor().id;
    const qint64 duplicateId = duplicate().id;
    m_request = new QObject(this);
    m_merge->setEnabled(false);
    m_back->setEnabled(false);
    m_merge->setText(tr("Merging…"));
    m_session->rest()->post(
        QStringLiteral("/api/v1/contacts/%1/merge").arg(survivorId),
        {{QStringLiteral("mergeIds"), QJsonArray {duplicateId}}}, m_request,
        [this, survivorId, duplicateId](const QJsonObject &json) {
            m_request->deleteLater();
            m_request = nullptr;
            emit merged(survivorId, duplicateId, json);
            accept();
        },
        [this](const client::ApiFailure &failure) {
            m_request->deleteLater();
            m_request = nullptr;
            m_back->setEnabled(true);
            m_error->showMessage(NoticeBar::Kind::Error,
                tr("The contacts were not merged: %1").arg(failure.describe()));
            updateSummary();
        });
}

} // namespace linecard::ui
