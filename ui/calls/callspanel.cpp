#include "callspanel.h"

#include "calllistmodel.h"

#include "ui/common/noticebar.h"
#include "ui/common/recordingplayer.h"

#include "app/callcenter.h"
#include "app/session.h"
#include "models/phonenumber.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace linecard::ui {

using client::CallCenter;
using client::CallInfo;

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
    m_current = makeList(CallCenter::List::Active, QStringLiteral("currentCalls"));
    m_missed = makeList(CallCenter::List::Missed, QStringLiteral("missedCalls"));
    m_history = makeList(CallCenter::List::History, QStringLiteral("callHistory"));
    m_historyContact->setObjectName(QStringLiteral("openCallContact"));
    m_take->setToolTip(tr("Become the owner of a call answered on a shared handset"));
    m_end->setObjectName(QStringLiteral("markCallEnded"));
    m_end->setToolTip(tr("The call is over but the PBX never said so: end it for everyone"));
    m_handled->setToolTip(tr("Nobody needs to call back: take it off the team's list"));

    auto page
        = [this](QTreeView *list, const QList<QPushButton *> &buttons, QWidget *below = nullptr) {
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
    connect(m_current, &QTreeView::activated, this, [this](const QModelIndex &index) {
        emit openCall(index.data(CallListModel::CallIdRole).toLongLong());
    });
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
    for (QTreeView *list : {m_current, m_missed, m_history})
        connect(list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CallsPanel::updateButtons);
    connect(m_history->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &CallsPanel::offerRecording);

    // After the models (connected first) followed the change.
    connect(calls, &CallCenter::listsChanged, this, &CallsPanel::listsChanged);
    connect(calls, &CallCenter::callChanged, this, &CallsPanel::listsChanged);
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
    fillLines();
    listsChanged();
}

QTreeView *CallsPanel::makeList(CallCenter::List list, const QString &objectName)
{
    auto *filter = new CallListFilter(this);
    filter->setSourceModel(new CallListModel(m_session, m_calls, list, filter));
    m_filters.append(filter);
    auto *view = new QTreeView(this);
    view->setObjectName(objectName);
    view->setModel(filter);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->header()->setStretchLastSection(true);
    view->setColumnWidth(CallListModel::TimeColumn, 130);
    view->setColumnWidth(CallListModel::LineColumn, 180); // "Продажи (удалена)" whole
    view->setColumnWidth(CallListModel::NumberColumn, 150);
    view->setColumnWidth(CallListModel::NameColumn, 200);
    return view;
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

void CallsPanel::listsChanged()
{
    m_tabs->setTabText(CurrentTab, tr("Current (%1)").arg(m_current->model()->rowCount()));
    m_tabs->setTabText(MissedTab, tr("Missed (%1)").arg(m_missed->model()->rowCount()));
    for (QTreeView *list : {m_current, m_missed, m_history}) {
        const auto *filter = static_cast<CallListFilter *>(list->model());
        if (static_cast<CallListModel *>(filter->sourceModel())->hasQueuedCall())
            list->resizeColumnToContents(CallListModel::LineColumn); // no "Sales · Supp…"
    }
    updateButtons();
}

void CallsPanel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    // Rows the search hides leave the selection: the buttons never act on a call out of sight.
    for (CallListFilter *filter : std::as_const(m_filters))
        filter->setSearchText(text);
    updateButtons();
}

qint64 CallsPanel::selected(QTreeView *list)
{
    const QModelIndexList rows = list->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(CallListModel::CallIdRole).toLongLong();
}

int CallsPanel::rowOf(QTreeView *list, qint64 callId)
{
    for (int row = 0; row < list->model()->rowCount(); ++row)
        if (callAt(list, row) == callId)
            return row;
    return -1;
}

qint64 CallsPanel::callAt(QTreeView *list, int row)
{
    return list->model()->index(row, 0).data(CallListModel::CallIdRole).toLongLong();
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
    // No call selected (the search hid it): what plays keeps playing.
    const qint64 id = selected(m_history);
    if (!id)
        return;
    const QUrl url(m_calls->call(id).call.recordingUrl);
    m_recording->setRecording(url);
    m_recording->setVisible(!url.isEmpty());
}

void CallsPanel::callBack(QTreeView *list)
{
    const CallInfo info = m_calls->call(selected(list));
    if (!info.call.id)
        return;
    const qint64 chosen = m_line->currentData().toLongLong();
    m_calls->dial(info.remoteNumber(), chosen ? chosen : info.call.lineId);
}

} // namespace linecard::ui
