#pragma once

#include "app/callcenter.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTreeView;

namespace linecard::client {
class Session;
} // namespace linecard::client

namespace linecard::ui {

class CallListFilter;
class CallListModel;
class NoticeBar;
class RecordingPlayer;

// The Calls area of the main window: current calls (open one's window, or take a call
// answered on a shared handset), missed calls — the team's to-do: call back or mark
// handled — and the history, with the names as they were when each call came in.
class CallsPanel : public QWidget
{
    Q_OBJECT
public:
    CallsPanel(client::Session *session, client::CallCenter *calls, QWidget *parent = nullptr);

    // The tabs, in order.
    enum Tab
    {
        CurrentTab,
        MissedTab,
        HistoryTab
    };
    void showTab(Tab tab);

    // The tabs' lists: views over a CallListModel each, through the search's filter.
    QTreeView *currentList() const { return m_current; }
    QTreeView *missedList() const { return m_missed; }
    QTreeView *historyList() const { return m_history; }
    QTabWidget *tabs() const { return m_tabs; }
    QComboBox *lineBox() const { return m_line; }
    QPushButton *takeButton() const { return m_take; }
    QPushButton *endButton() const { return m_end; }
    QPushButton *callBackButton() const { return m_callBack; }
    QPushButton *handledButton() const { return m_handled; }
    // Under the history: the recording of the selected call (hidden when it has none).
    RecordingPlayer *recordingPlayer() const { return m_recording; }
    QString noticeText() const;

    // The list's row of a call as shown (-1: not listed, or hidden by the search).
    static int rowOf(QTreeView *list, qint64 callId);
    // The call shown in a row of the list (0: none).
    static qint64 callAt(QTreeView *list, int row);
    void reload();
    // The main window's search box while this area is shown: rows whose caller name, line
    // or number match stay visible (digits match whatever the punctuation); empty shows all.
    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }

signals:
    void openCall(qint64 callId);
    void openContact(qint64 contactId);

private:
    QTreeView *makeList(client::CallCenter::List list, const QString &objectName);
    // After the lists changed: the tabs' counts, the queue column's width, the buttons.
    void listsChanged();
    static qint64 selected(QTreeView *list);
    void updateButtons();
    void offerRecording();
    void callBack(QTreeView *list);
    void fillLines();

    client::Session *m_session;
    client::CallCenter *m_calls;
    NoticeBar *m_notice;
    QComboBox *m_line;
    QTabWidget *m_tabs;
    QList<CallListFilter *> m_filters;
    QTreeView *m_current;
    QTreeView *m_missed;
    QTreeView *m_history;
    QPushButton *m_open;
    QPushButton *m_take;
    QPushButton *m_end;
    QPushButton *m_callBack;
    QPushButton *m_handled;
    QPushButton *m_historyCallBack;
    QPushButton *m_historyContact;
    RecordingPlayer *m_recording;
    QString m_filterText;
    QString m_ringsFirstNotice; // shown until the PBX reports the call
};

} // namespace linecard::ui
