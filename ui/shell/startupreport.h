#pragma once

#include <QElapsedTimer>
#include <QObject>

namespace linecard::ui {

class ClientStartup;

// When LINECARD_REPORT_STARTUP is set, prints one line to stderr once the main window is
// shown and its task list holds its first page — the moment the operator can work:
//   linecard: usable after 312 ms (window 240 ms, 50 rows)
// linecard-bench-client reads it; the figures count from this object's creation (right
// after QApplication), the benchmark adds the process start around them.
class StartupReport : public QObject
{
    Q_OBJECT
public:
    static void watchIfAsked(ClientStartup *startup);

private:
    explicit StartupReport(ClientStartup *startup);
    void onReady();
    void report(qint64 windowMs, int rows);

    ClientStartup *m_startup;
    QElapsedTimer m_clock;
};

} // namespace linecard::ui
