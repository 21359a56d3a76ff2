#include "callspanel.h"

#include "callheader.h"

#include "ui/common/noticebar.h"
#include "ui/common/recordingplayer.h"

#include "app/callcenter.h"
#include "app/session.h"
#include "models/peopledirectory.h"
#include "models/phonenumber.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>

namespace linecard::ui {

using client::CallCenter;
using client::CallInfo;

static constexpr int CallIdRole = Qt::UserRole + 1;

CallsPanel::CallsPanel(client::Session *session, CallCenter *calls, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_calls(calls)
    , m_notice(new NoticeBar(this))
    , m_line(new QComboBox(this))
    , m_tabs(new QTabWidget(this))
    , m_open(new QPushButton(tr("&Open the call"), this))
    , m_take(new QPushButton(tr("&Take the call"), this))
    , m_end(new QPushButton(tr("Mark as &ended"), this))
    , m_callBack(new QPushButton(tr("Call &back"), this))
    , m_handled(new QPushButton(tr("Mark &handled"), this))
    , m_historyCallBack(new QPushButton(tr("Call &back"), this))
    , m_historyContact(new QPushButton(tr("Open the &contact"), this))
    , m_recording(new RecordingPlayer(this))
{
    setObjectName(QStringLiteral("callsPanel"));
    const QStringList headers {
        tr("Time"), tr("Line"), tr("Number"), tr("Name at the time"), tr("State")};
    m_current = makeList(headers);
    m_missed = makeList(headers);
    m_history = makeList(headers);
    m_current->setObjectName(QStringLiteral("currentCalls"));
    m_missed->setObjectName(QStringLiteral("missedCalls"));
    m_history->setObjectName(QStringLiteral("callHistory"));
    m_historyContact->setObjectName(QStringLiteral("openCallContact"));
    m_take->setToolTip(tr("Become the owner of a call answered on a shared handset"));
    m_end->setObjectName(QStringLiteral("markCallEnded"));
    m_end->setToolTip(tr("The call is over but the PBX never said so: end it for everyone"));
    m_handled->setToolTip(tr("Nobody needs to call back: take it off the team's list"));

    auto page
        = [this](QTreeWidget *list, const QList<QPushButton *> &buttons, QWidget *below = nullptr) {
              auto *w = new QWidget(this);
              auto *layout = new QVBoxLayout(w);
              layout->addWidget(list, 1);
              if (below)
                  layout->addWidget(below);
              auto *row = new QHBoxLayout;
              for (QPushButton *b : buttons)
                  row->addWidget(b);
              row->addStretch(1);
              layout->addLayout(row);
              return w;
          };
    m_tabs->addTab(page(m_current, {m_open, m_take, m_end}), tr("Current"));
    m_tabs->addTab(page(m_missed, {m_callBack, m_handled}), tr("Missed"));
    // The selected call's recording, streamed once Play is pressed.
    m_recording->hide();
    m_tabs->addTab(
        page(m_history, {m_historyCallBack, m_historyContact}, m_recording), tr("History"));

    m_line->setObjectName(QStringLiteral("callLine"));
    m_line->setToolTip(tr("The line an outgoing call goes out on"));
    auto *top = new QHBoxLayout;
    auto *lineLabel = new QLabel(tr("Call out &on:"), this);
    lineLabel->setBuddy(m_line);
    top->addStretch(1);
    top->addWidget(lineLabel);
    top->addWidget(m_line);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addWidget(m_notice);
    layout->addWidget(m_tabs, 1);
    m_notice->hide();

    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selected(m_current))
            emit openCall(id);
    });
    connect(m_current, &QTreeWidget::itemActivated, this,
        [this](QTreeWidgetItem *item) { emit openCall(item->data(0, CallIdRole).toLongLong()); });
    connect(m_take, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selected(m_current))
            m_calls->take(id);
    });
    connect(m_end, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selected(m_current))
            m_calls->markEnded(id);
    });
    connect(m_callBack, &QPushButton::clicked, this, [this] { callBack(m_missed); });
    connect(m_historyCallBack, &QPushButton::clicked, this, [this] { callBack(m_history); });
    connect(m_handled, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selected(m_missed))
            m_calls->markHandled(id);
    });
    connect(m_historyContact, &QPushButton::clicked, this, [this] {
        if (const qint64 contact = m_calls->call(selected(m_history)).call.contactId)
            emit openContact(contact);
    });
    for (QTreeWidget *list : {m_current, m_missed, m_history})
        connect(list, &QTreeWidget::itemSelectionChanged, this, &CallsPanel::updateButtons);
    connect(m_history, &QTreeWidget::itemSelectionChanged, this, &CallsPanel::offerRecording);

    connect(calls, &CallCenter::listsChanged, this, &CallsPanel::rebuildWhenShown);
    connect(calls, &CallCenter::callChanged, this, &CallsPanel::rebuildWhenShown);
    connect(calls, &CallCenter::loaded, this, &CallsPanel::fillLines);
    connect(calls, &CallCenter::diallingChanged, this, [this](const QString &phone, bool on) {
        if (on)
            m_notice->showMessage(NoticeBar::Kind::Info, tr("Dialling %1…").arg(phone));
        updateButtons();
    });
    connect(calls, &CallCenter::dialStarted, this, [this](const QString &phone) {
        m_notice->showMessage(
            NoticeBar::Kind::Info, tr("Your phone rings first: pick it up to call %1.").arg(phone));
        m_ringsFirstNotice = m_notice->text();
    });
    connect(calls, &CallCenter::dialSettled, this, [this] {
        if (!m_ringsFirstNotice.isEmpty() && m_notice->text() == m_ringsFirstNotice)
            m_notice->hide(); // the call is in the lists now, or the failure says why
        m_ringsFirstNotice.clear();
    });
    connect(calls, &CallCenter::dialFailed, this, [this](const QString &, const QString &reason) {
        m_notice->showMessage(NoticeBar::Kind::Error, reason);
    });
    connect(calls, &CallCenter::actionFailed, this,
        [this](qint64, CallCenter::Action, const QString &message) {
            m_notice->showMessage(NoticeBar::Kind::Error, message);
        });
    m_namesChanged = new QTimer(this);
    m_namesChanged->setSingleShot(true);
    m_namesChanged->setInterval(150);
    connect(m_namesChanged, &QTimer::timeout, this, &CallsPanel::rebuildWhenShown);
    connect(session->people(), &PeopleDirectory::personChanged, this, [this] {
        if (!m_namesChanged->isActive())
            m_namesChanged->start(); // throttled, not postponed while names keep coming
    });
    fillLines();
    rebuild();
}

QTreeWidget *CallsPanel::makeList(const QStringList &headers)
{
    auto *list = new QTreeWidget(this);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAlternatingRowColors(true);
    list->header()->setStretchLastSection(true);
    list->setColumnWidth(0, 130);
    list->setColumnWidth(1, 120);
    list->setColumnWidth(2, 150);
    list->setColumnWidth(3, 200);
    return list;
}

void CallsPanel::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

QString CallsPanel::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void CallsPanel::reload()
{
    m_calls->reload();
}

void CallsPanel::fillLines()
{
    const qint64 chosen = m_line->currentData().toLongLong();
    m_line->clear();
    m_line->addItem(tr("the call's own line"), 0);
    for (const Line &line : m_calls->lines()) {
        QPixmap swatch(12, 12);
        swatch.fill(QColor(line.color).isValid() ? QColor(line.color) : QColor(Qt::gray));
        m_line->addItem(QIcon(swatch),
            line.name.isEmpty()
                ? PhoneNumber::displayed(line.number, line.region)
                : tr("%1 (%2)").arg(line.name, PhoneNumber::displayed(line.number, line.region)),
            line.id);
    }
    m_line->setCurrentIndex(qMax(0, m_line->findData(chosen)));
}

static QString timeText(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toLocalTime();
    return local.date() == QDate::currentDate() ? local.toString(QStringLiteral("HH:mm"))
                                                : local.toString(QStringLiteral("dd.MM HH:mm"));
}

void CallsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_stale, false))
        rebuild();
}

void CallsPanel::rebuildWhenShown()
{
    if (isVisible())
        rebuild();
    else
        m_stale = true;
}

void CallsPanel::rebuild()
{
    fill(m_current, m_calls->activeCalls());
    fill(m_missed, m_calls->missedCalls());
    fill(m_history, m_calls->history());
    applyFilter(); // the rows are new: the search in force hides them again
    m_tabs->setTabText(0, tr("Current (%1)").arg(m_current->topLevelItemCount()));
    m_tabs->setTabText(1, tr("Missed (%1)").arg(m_missed->topLevelItemCount()));
    updateButtons();
}

void CallsPanel::fill(QTreeWidget *list, const QList<qint64> &ids)
{
    const qint64 keep = selected(list);
    list->clear();
    const qint64 me = m_session->me().id;
    bool queued = false;
    for (qint64 id : ids) {
        const CallInfo info = m_calls->call(id);
        const Call &c = info.call;
        const std::optional<Line> line = m_calls->lineOf(info);
        const bool in = c.direction == Call::Direction::In;
        QString state;
        switch (c.state) {
        case Call::State::Ringing:
            state = in ? tr("Ringing") : tr("Dialling");
            break;
        case Call::State::Answered:
            state = c.answeredById == me ? tr("On the line")
                : c.answeredById
                ? tr("Answered by %1").arg(m_session->people()->name(c.answeredById))
                : tr("Answered on a shared handset");
            break;
        case Call::State::Ended:
            state = tr("Ended, %1").arg(CallHeader::formatDuration(c.duration));
            if (c.answeredById && c.answeredById != me)
                state += tr(" (%1)").arg(m_session->people()->name(c.answeredById));
            if (c.endedById)
                state += tr(", marked as ended by %1").arg(m_session->people()->name(c.endedById));
            break;
        case Call::State::Missed:
            state = info.handled ? tr("Missed, handled") : tr("Missed", "a call's state");
            break;
        }
        auto *item = new QTreeWidgetItem(list);
        item->setData(0, CallIdRole, id);
        item->setText(
            0, (in ? QStringLiteral("↙ ") : QStringLiteral("↗ ")) + timeText(c.startedAt));
        item->setToolTip(0, in ? tr("Incoming") : tr("Outgoing"));
        if (line) {
            QPixmap swatch(10, 10);
            swatch.fill(QColor(line->color).isValid() ? QColor(line->color) : QColor(Qt::gray));
            item->setIcon(1, QIcon(swatch));
        }
        const QString lineText = line && !line->name.isEmpty() ? line->name : info.ourNumber();
        item->setText(1, c.queue.isEmpty() ? lineText : tr("%1 · %2").arg(lineText, c.queue));
        if (!c.queue.isEmpty()) {
            item->setToolTip(1, tr("Queue: %1").arg(c.queue));
            queued = true;
        }
        item->setText(2,
            info.remoteNumber().isEmpty()
                ? tr("withheld")
                : PhoneNumber::displayed(info.remoteNumber(), line ? line->region : QString()));
        item->setText(3, info.contactName);
        item->setText(4, state);
        if (c.state == Call::State::Missed && !info.handled)
            item->setForeground(4, QColor(0xc6, 0x28, 0x28));
        if (id == keep)
            item->setSelected(true);
    }
    if (queued) // "Sales · Support" must not end in an ellipsis
        list->resizeColumnToContents(1);
}

void CallsPanel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    // Only hides rows, so it is cheap even while hidden; a rebuild applies it again.
    applyFilter();
    updateButtons();
}

// Only the digits a number query means: "+7 916-123" and "7916123" are the same.
static QString numberQuery(const QString &text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit())
            digits += c;
        else if (!c.isSpace() && c != u'-' && c != u'+' && c != u'(' && c != u')' && c != u'.')
            return {}; // a letter: a name, not a number
    }
    return digits;
}

static QString digitsOf(const QString &text)
{
    QString digits;
    for (const QChar c : text)
        if (c.isDigit())
            digits += c;
    return digits;
}

void CallsPanel::applyFilter()
{
    const QString text = m_filterText.trimmed();
    const QString digits = numberQuery(text);
    for (QTreeWidget *list : {m_current, m_missed, m_history}) {
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = list->topLevelItem(i);
            const bool match = text.isEmpty() || item->text(3).contains(text, Qt::CaseInsensitive)
                || item->text(1).contains(text, Qt::CaseInsensitive)
                || (!digits.isEmpty() && digitsOf(item->text(2)).contains(digits));
            item->setHidden(!match);
            if (!match)
                item->setSelected(false); // the buttons must not act on a call out of sight
        }
    }
}

qint64 CallsPanel::selected(QTreeWidget *list) const
{
    const QList<QTreeWidgetItem *> items = list->selectedItems();
    return items.isEmpty() ? 0 : items.first()->data(0, CallIdRole).toLongLong();
}

int CallsPanel::rowOf(QTreeWidget *list, qint64 callId)
{
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->data(0, CallIdRole).toLongLong() == callId)
            return i;
    return -1;
}

void CallsPanel::updateButtons()
{
    const CallInfo current = m_calls->call(selected(m_current));
    m_open->setEnabled(current.call.id);
    m_take->setEnabled(current.call.state == Call::State::Answered
        && current.call.answeredById != m_session->me().id);
    m_end->setEnabled(current.call.id && current.isLive());
    const CallInfo missed = m_calls->call(selected(m_missed));
    m_callBack->setEnabled(missed.call.id && !m_calls->isDialling(missed.remoteNumber()));
    m_handled->setEnabled(missed.call.id);
    const CallInfo past = m_calls->call(selected(m_history));
    m_historyCallBack->setEnabled(past.call.id && !past.remoteNumber().isEmpty()
        && !m_calls->isDialling(past.remoteNumber()));
    m_historyContact->setEnabled(past.call.contactId);
}

void CallsPanel::offerRecording()
{
    // A rebuild empties the list for a moment: what plays keeps playing through it.
    const qint64 id = selected(m_history);
    if (!id)
        return;
    const QUrl url(m_calls->call(id).call.recordingUrl);
    m_recording->setRecording(url);
    m_recording->setVisible(!url.isEmpty());
}

void CallsPanel::callBack(QTreeWidget *list)
{
    const CallInfo info = m_calls->call(selected(list));
    if (!info.call.id)
        return;
    const qint64 chosen = m_line->currentData().toLongLong();
    m_calls->dial(info.remoteNumber(), chosen ? chosen : info.call.lineId);
}

} // namespace linecard::ui
