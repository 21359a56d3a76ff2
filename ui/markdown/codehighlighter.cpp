#include "codehighlighter.h"

#include "app/logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QPalette>
#include <QPointer>

#ifdef LINECARD_HAVE_KF6_SYNTAX
#include "kf6codehighlighter.h"
#else
#include "processcodehighlighter.h"
#endif

namespace linecard::ui {

CodeHighlighter::CodeHighlighter(QObject *parent)
    : QObject(parent)
{ }

QString CodeHighlighter::definitionName(const QString &language)
{
    // Fence names people type, mapped to KDE's definition names (`kate-syntax-highlighter -l`).
    static const QHash<QString, QString> names {
        {QStringLiteral("js"), QStringLiteral("JavaScript")},
        {QStringLiteral("javascript"), QStringLiteral("JavaScript")},
        {QStringLiteral("ts"), QStringLiteral("TypeScript")},
        {QStringLiteral("typescript"), QStringLiteral("TypeScript")},
        {QStringLiteral("py"), QStringLiteral("Python")},
        {QStringLiteral("python"), QStringLiteral("Python")},
        {QStringLiteral("sh"), QStringLiteral("Bash")},
        {QStringLiteral("bash"), QStringLiteral("Bash")},
        {QStringLiteral("shell"), QStringLiteral("Bash")},
        {QStringLiteral("zsh"), QStringLiteral("Zsh")},
        {QStringLiteral("json"), QStringLiteral("JSON")},
        {QStringLiteral("xml"), QStringLiteral("XML")},
        {QStringLiteral("html"), QStringLiteral("HTML")},
        {QStringLiteral("css"), QStringLiteral("CSS")},
        {QStringLiteral("sql"), QStringLiteral("SQL")},
        {QStringLiteral("mysql"), QStringLiteral("SQL (MySQL)")},
        {QStringLiteral("postgresql"), QStringLiteral("SQL (PostgreSQL)")},
        {QStringLiteral("c"), QStringLiteral("C")},
        {QStringLiteral("cpp"), QStringLiteral("C++")},
        {QStringLiteral("c++"), QStringLiteral("C++")},
        {QStringLiteral("cxx"), QStringLiteral("C++")},
        {QStringLiteral("cs"), QStringLiteral("C#")},
        {QStringLiteral("csharp"), QStringLiteral("C#")},
        {QStringLiteral("go"), QStringLiteral("Go")},
        {QStringLiteral("rust"), QStringLiteral("Rust")},
        {QStringLiteral("rs"), QStringLiteral("Rust")},
        {QStringLiteral("java"), QStringLiteral("Java")},
        {QStringLiteral("kotlin"), QStringLiteral("Kotlin")},
        {QStringLiteral("yaml"), QStringLiteral("YAML")},
        {QStringLiteral("yml"), QStringLiteral("YAML")},
        {QStringLiteral("toml"), QStringLiteral("TOML")},
        {QStringLiteral("ini"), QStringLiteral("INI Files")},
        {QStringLiteral("form"), QStringLiteral("INI Files")}, // key=value lines
        {QStringLiteral("diff"), QStringLiteral("Diff")},
        {QStringLiteral("cmake"), QStringLiteral("CMake")},
        {QStringLiteral("dockerfile"), QStringLiteral("Dockerfile")},
        {QStringLiteral("makefile"), QStringLiteral("Makefile")},
        {QStringLiteral("lua"), QStringLiteral("Lua")},
        {QStringLiteral("perl"), QStringLiteral("Perl")},
        {QStringLiteral("ruby"), QStringLiteral("Ruby")},
        {QStringLiteral("rb"), QStringLiteral("Ruby")},
        {QStringLiteral("powershell"), QStringLiteral("PowerShell")},
        {QStringLiteral("qml"), QStringLiteral("QML")},
        {QStringLiteral("markdown"), QStringLiteral("Markdown")},
        {QStringLiteral("md"), QStringLiteral("Markdown")},
    };
    return names.value(language.trimmed().toLower());
}

CodeHighlighter::Theme CodeHighlighter::themeFor(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? Theme::Dark : Theme::Light;
}

QString CodeHighlighter::themeName(Theme theme)
{
    return theme == Theme::Dark ? QStringLiteral("Breeze Dark") : QStringLiteral("Breeze Light");
}

QString CodeHighlighter::cacheKey(const QString &definition, const QString &code, Theme theme)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(definition.toUtf8());
    hash.addData(QByteArrayView("\x1f"));
    hash.addData(themeName(theme).toUtf8());
    hash.addData(QByteArrayView("\x1f"));
    hash.addData(code.toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

std::optional<HighlightedCode> CodeHighlighter::highlight(
    const QString &language, const QString &code, Theme theme)
{
    const QString definition = definitionName(language);
    if (definition.isEmpty() || code.isEmpty())
        return HighlightedCode {};
    if (!isAvailable()) {
        warnUnavailableOnce();
        return HighlightedCode {};
    }
    const QString key = cacheKey(definition, code, theme);
    if (const HighlightedCode *cached = m_cache.object(key))
        return *cached;
    if (!m_pending.contains(key)) {
        m_pending.insert(key);
        ++m_jobs;
        start(key, definition, code, theme);
    }
    return std::nullopt;
}

void CodeHighlighter::finish(const QString &key, const HighlightedCode &spans)
{
    m_pending.remove(key);
    m_cache.insert(key, new HighlightedCode(spans));
    emit highlighted(key);
}

void CodeHighlighter::warnUnavailableOnce()
{
    if (m_warned)
        return;
    m_warned = true;
    qCWarning(lcClientHighlight).noquote() << "code blocks show plain:" << unavailableReason();
    emit unavailable(unavailableReason());
}

CodeHighlighter *CodeHighlighter::instance()
{
    static QPointer<CodeHighlighter> shared;
    if (!shared) {
#ifdef LINECARD_HAVE_KF6_SYNTAX
        shared = new Kf6CodeHighlighter(QCoreApplication::instance());
#else
        shared = new ProcessCodeHighlighter(
            ProcessCodeHighlighter::defaultProgram(), QCoreApplication::instance());
#endif
    }
    return shared;
}

} // namespace linecard::ui
