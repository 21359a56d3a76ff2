#include "processcodehighlighter.h"

#include <QColor>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

namespace linecard::ui {

namespace {

constexpr int MaxRunning = 2; // the machine has other work to do

QString unescape(QString text)
{
    text.replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&quot;"), QStringLiteral("\""))
        .replace(QStringLiteral("&#39;"), QStringLiteral("'"))
        .replace(QStringLiteral("&apos;"), QStringLiteral("'"))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return text;
}

QTextCharFormat formatOf(const QString &style)
{
    QTextCharFormat format;
    for (const QString &part : style.split(u';', Qt::SkipEmptyParts)) {
        const QString name = part.section(u':', 0, 0).trimmed();
        const QString value = part.section(u':', 1).trimmed();
        if (name == QLatin1String("color"))
            format.setForeground(QColor(value));
        else if (name == QLatin1String("background-color"))
            format.setBackground(QColor(value));
        else if (name == QLatin1String("font-weight") && value == QLatin1String("bold"))
            format.setFontWeight(QFont::Bold);
        else if (name == QLatin1String("font-style") && value == QLatin1String("italic"))
            format.setFontItalic(true);
        else if (name == QLatin1String("text-decoration"))
            format.setFontUnderline(value.contains(QLatin1String("underline")));
    }
    return format;
}

} // namespace

ProcessCodeHighlighter::ProcessCodeHighlighter(const QString &program, QObject *parent)
    : CodeHighlighter(parent)
    , m_program(program)
    , m_executable(QFileInfo(program).isAbsolute()
              ? (QFileInfo(program).isExecutable() ? program : QString())
              : QStandardPaths::findExecutable(program))
{ }

QString ProcessCodeHighlighter::defaultProgram()
{
    const QString overridden = qEnvironmentVariable("LINECARD_SYNTAX_HIGHLIGHTER");
    return overridden.isEmpty() ? QStringLiteral("kate-syntax-highlighter") : overridden;
}

QString ProcessCodeHighlighter::unavailableReason() const
{
    return tr("%1 was not found or did not start (install the package "
              "libkf5syntaxhighlighting-tools)")
        .arg(m_program);
}

HighlightedCode ProcessCodeHighlighter::parseHtml(const QString &html)
{
    HighlightedCode spans;
    const qsizetype open = html.indexOf(QLatin1String("<pre>"));
    const qsizetype close = html.lastIndexOf(QLatin1String("</pre>"));
    if (open < 0 || close < open)
        return spans;
    QString body = html.mid(open + 5, close - open - 5);
    if (body.startsWith(u'\n'))
        body.remove(0, 1); // the tool starts the <pre> on a new line
    static const QRegularExpression span(QStringLiteral("<span style=\"([^\"]*)\">(.*?)</span>"),
        QRegularExpression::DotMatchesEverythingOption);
    int offset = 0; // in the unescaped code
    qsizetype at = 0;
    for (auto it = span.globalMatch(body); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        offset += int(unescape(body.mid(at, m.capturedStart() - at)).size());
        const QString text = unescape(m.captured(2));
        spans.append({offset, int(text.size()), formatOf(m.captured(1))});
        offset += int(text.size());
        at = m.capturedEnd();
    }
    return spans;
}

void ProcessCodeHighlighter::start(
    const QString &key, const QString &definition, const QString &code, Theme theme)
{
    m_queue.enqueue({key, definition, code, theme});
    runNext();
}

void ProcessCodeHighlighter::runNext()
{
    while (m_running < MaxRunning && !m_queue.isEmpty()) {
        const Job job = m_queue.dequeue();
        if (m_failed) {
            finish(job.key, {});
            continue;
        }
        auto *process = new QProcess(this);
        ++m_running;
        auto done = [this, process, key = job.key](const HighlightedCode &spans) {
            process->deleteLater();
            --m_running;
            finish(key, spans);
            runNext();
        };
        connect(process, &QProcess::finished, this,
            [process, done](int code, QProcess::ExitStatus status) {
                const bool ok = status == QProcess::NormalExit && code == 0;
                done(ok ? parseHtml(QString::fromUtf8(process->readAllStandardOutput()))
                        : HighlightedCode {});
            });
        connect(
            process, &QProcess::errorOccurred, this, [this, done](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart)
                    return; // finished() follows
                m_failed = true;
                warnUnavailableOnce();
                done({});
            });
        process->start(m_executable,
            {QStringLiteral("-f"), QStringLiteral("html"), QStringLiteral("-s"), job.definition,
                QStringLiteral("-t"), themeName(job.theme), QStringLiteral("--stdin")});
        process->write(job.code.toUtf8());
        process->closeWriteChannel();
        // A tool that hangs must not hold a slot for ever: the code then stays plain.
        QTimer::singleShot(15000, process, [process] { process->kill(); });
    }
}

} // namespace linecard::ui
