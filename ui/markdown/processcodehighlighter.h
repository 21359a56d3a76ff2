#pragma once

#include "codehighlighter.h"

#include <QQueue>

namespace linecard::ui {

// KDE Syntax-Highlighting through its command-line tool (`kate-syntax-highlighter -f html
// -s <definition> -t <theme> --stdin`, package libkf5syntaxhighlighting-tools), for systems
// whose KDE Frameworks are built for Qt 5. A few processes at a time; the UI never waits.
class ProcessCodeHighlighter : public CodeHighlighter
{
    Q_OBJECT
public:
    // program: a name on PATH or a path; LINECARD_SYNTAX_HIGHLIGHTER overrides the default.
    explicit ProcessCodeHighlighter(const QString &program, QObject *parent = nullptr);

    static QString defaultProgram();
    bool isAvailable() const override { return !m_executable.isEmpty() && !m_failed; }
    QString unavailableReason() const override;

    // The tool's HTML as coloured spans over the code it was given.
    static HighlightedCode parseHtml(const QString &html);

protected:
    void start(
        const QString &key, const QString &definition, const QString &code, Theme theme) override;

private:
    struct Job
    {
        QString key;
        QString definition;
        QString code;
        Theme theme;
    };
    void runNext();

    QString m_program;
    QString m_executable;
    QQueue<Job> m_queue;
    int m_running = 0;
    bool m_failed = false;
};

} // namespace linecard::ui
