#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace linecard::client {
class CallCenter;
class Session;
} // namespace linecard::client

namespace linecard::ui {

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

    QTreeWidget *currentList() const { return m_current; }
    QTreeWidget *missedList() const { return m_missed; }
    QTreeWidget *historyList() const { return m_history; }
    QTabWidget *tabs() const { return m_tabs; }
    QComboBox *lineBox() const { return m_line; }
    QPushButton *takeButton() const { return m_take; }
    QPushButton *endButton() const { return m_end; }
    QPushButton *callBackButton() const { return m_callBack; }
    QPushButton *handledButton() const { return m_handled; }
    // Under the history: the recording of the selected call (hidden when it has none).
    RecordingPlayer *recordingPlayer() const { return m_recording; }
    QString noticeText() const;

    // The list's row of a call (-1: not listed).
    static int rowOf(QTreeWidget *list, qint64 callId);
    void reload();
    // The main window's search box while this area is shown: rows whose caller name, line
    // or number match stay visible (digits match whatever the punctuation); empty shows all.
    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }

signals:
    void openCall(qint64 callId);
    void openContact(qint64 contactId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QTreeWidget *makeList(const QStringList &headers);
    void rebuild();
    // Calls and names change while the operator works elsewhere (a long task list resolves
    // thousands of names): the hidden area rebuilds once, when it is shown again; names
    // rebuild it at most once per short while.
    void rebuildWhenShown();
    void fill(QTreeWidget *list, const QList<qint64> &ids);
    void applyFilter();
    qint64 selected(QTreeWidget *list) const;
    void updateButtons();
    void offerRecording();
    void callBack(QTreeWidget *list);
    void fillLines();

    client::Session *m_session;
    client::CallCenter *m_calls;
    NoticeBar *m_notice;
    QComboBox *m_line;
    QTabWidget *m_tabs;
    QTreeWidget *m_current;
    QTreeWidget *m_missed;
    QTreeWidget *m_history;
    QPushButton *m_open;
    QPushButton *m_take;
    QPushButton *m_end;
    QPushButton *m_callBack;
    QPushButton *m_handled;
    QPushButton *m_historyCallBack;
    QPushButton *m_historyContact;
    RecordingPlayer *m_recording;
    QTimer *m_namesChanged;
    QString m_filterText;
    QString m_ringsFirstNotice; // shown until the PBX reports the call
    bool m_stale = false;
};

} // namespace linecard::ui
