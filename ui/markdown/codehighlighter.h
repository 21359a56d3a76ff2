#pragma once

#include <QCache>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTextCharFormat>

#include <optional>

class QPalette;

namespace linecard::ui {

// One coloured run of a highlighted code block (offsets into the code as given).
struct CodeSpan
{
    int start = 0;
    int length = 0;
    QTextCharFormat format;
};
using HighlightedCode = QList<CodeSpan>;

// KDE Syntax-Highlighting behind one interface: in-process KF6 where the build found it,
// else the `kate-syntax-highlighter` tool (Debian 12). Asynchronous and cached: highlight()
// answers from the cache or starts one job per key and emits highlighted() when it is done.
class CodeHighlighter : public QObject
{
    Q_OBJECT
public:
    enum class Theme
    {
        Light,
        Dark
    };

    explicit CodeHighlighter(QObject *parent = nullptr);

    // The KDE definition for a fence's language ("js" → "JavaScript"); empty when unknown.
    static QString definitionName(const QString &language);
    static Theme themeFor(const QPalette &palette);
    static QString themeName(Theme theme);
    static QString cacheKey(const QString &definition, const QString &code, Theme theme);

    // The spans when known (empty = plain: unknown language or no engine); nullopt while
    // a job runs, and highlighted(key) follows.
    std::optional<HighlightedCode> highlight(
        const QString &language, const QString &code, Theme theme);

    virtual bool isAvailable() const = 0;
    // Why code shows plain, for the one-time notice.
    virtual QString unavailableReason() const = 0;
    // How many highlighting jobs ran (a cache hit starts none).
    int jobsStarted() const { return m_jobs; }

    // The application's highlighter: KF6 when built with it, else the tool.
    static CodeHighlighter *instance();

signals:
    void highlighted(const QString &key);
    // Once per highlighter, the first time a code block has to show plain for want of an
    // engine: the window tells the operator why.
    void unavailable(const QString &reason);

protected:
    virtual void start(
        const QString &key, const QString &definition, const QString &code, Theme theme)
        = 0;
    void finish(const QString &key, const HighlightedCode &spans);
    void warnUnavailableOnce();

private:
    QCache<QString, HighlightedCode> m_cache {400};
    QSet<QString> m_pending;
    int m_jobs = 0;
    bool m_warned = false;
};

} // namespace linecard::ui
