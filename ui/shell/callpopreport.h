#pragma once

#include <QObject>
#include <QSet>

namespace linecard::ui {

class CallWindowStack;
class ClientStartup;

// When LINECARD_REPORT_CALLS is set, prints one line to stderr as each call window paints
// for the first time, with the steady clock (CLOCK_MONOTONIC, shared by every process) and
// the name on its card:
//   linecard: call window painted at_ns=123456789 call=42 name=Anna Petrova
// linecard-bench-screenpop-client subtracts the moment its PBX request left.
class CallPopReport : public QObject
{
    Q_OBJECT
public:
    static void watchIfAsked(ClientStartup *startup);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit CallPopReport(ClientStartup *startup);
    void onReady();

    ClientStartup *m_startup;
    CallWindowStack *m_windows = nullptr;
    QSet<QObject *> m_painted;
};

} // namespace linecard::ui
