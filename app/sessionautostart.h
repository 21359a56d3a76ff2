#pragma once

#include <QString>

namespace linecard::client {

// "Start with the session": an XDG autostart entry (~/.config/autostart/linecard.desktop,
// $XDG_CONFIG_HOME respected) that starts the client minimised to the tray.
class SessionAutostart
{
public:
    // program: what the entry runs (default: this executable).
    explicit SessionAutostart(const QString &program = {});

    static QString entryPath();
    bool isEnabled() const;
    // Writes or removes the entry; false (with errorString()) when the folder is not writable.
    bool setEnabled(bool enabled);
    QString errorString() const { return m_error; }

private:
    QString m_program;
    QString m_error;
};

} // namespace linecard::client
