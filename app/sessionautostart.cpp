#include "sessionautostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace linecard::client {

SessionAutostart::SessionAutostart(const QString &program)
    : m_program(program.isEmpty() ? QCoreApplication::applicationFilePath() : program)
{ }

QString SessionAutostart::entryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/autostart/linecard.desktop");
}

bool SessionAutostart::isEnabled() const
{
    // Desktops switch an entry off with Hidden=true instead of deleting it.
    QFile file(entryPath());
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = file.readAll();
    return !text.contains("\nHidden=true");
}

// Exec= quoting (Desktop Entry Specification): arguments with blanks or specials in quotes.
static QString quotedForExec(const QString &program)
{
    static const QString specials = QStringLiteral(" \t\"'\\><~|&;$*?#()`");
    bool plain = true;
    for (QChar c : program)
        plain = plain && !specials.contains(c);
    if (plain)
        return program;
    QString escaped = program;
    escaped.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'"', QStringLiteral("\\\""))
        .replace(u'`', QStringLiteral("\\`"))
        .replace(u'$', QStringLiteral("\\$"));
    return u'"' + escaped + u'"';
}

bool SessionAutostart::setEnabled(bool enabled)
{
    m_error.clear();
    const QString path = entryPath();
    if (!enabled) {
        if (QFile::exists(path) && !QFile::remove(path)) {
            m_error
                = QCoreApplication::translate("SessionAutostart", "Cannot remove %1.").arg(path);
            return false;
        }
        return true;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        m_error = QCoreApplication::translate("SessionAutostart", "Cannot create the folder of %1.")
                      .arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = file.errorString();
        return false;
    }
    const QString entry = QStringLiteral("[Desktop Entry]\n"
                                         "Type=Application\n"
                                         "Name=Linecard\n"
                                         "Comment=Tasks, clients and calls\n"
                                         "Exec=%1 --minimized\n"
                                         "Icon=linecard\n"
                                         "Terminal=false\n"
                                         "X-GNOME-Autostart-enabled=true\n")
                              .arg(quotedForExec(m_program));
    file.write(entry.toUtf8());
    if (!file.commit()) {
        m_error = file.errorString();
        return false;
    }
    return true;
}

} // namespace linecard::client
