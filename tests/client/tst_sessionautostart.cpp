// "Start with the session": the XDG autostart entry in $XDG_CONFIG_HOME/autostart.
#include "app/sessionautostart.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using linecard::client::SessionAutostart;

class TestSessionAutostart : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    }

    void writesAndRemovesTheEntry()
    {
        const QString path = m_config.path() + QStringLiteral("/autostart/linecard.desktop");
        QCOMPARE(SessionAutostart::entryPath(), path);
        SessionAutostart autostart(QStringLiteral("/opt/Line card/bin/linecard"));
        QVERIFY(!autostart.isEnabled());

        QVERIFY(autostart.setEnabled(true));
        QVERIFY(autostart.isEnabled());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString entry = QString::fromUtf8(file.readAll());
        file.close();
        QVERIFY(entry.startsWith(QLatin1String("[Desktop Entry]\n")));
        QVERIFY(entry.contains(QLatin1String("\nType=Application\n")));
        // A path with a blank is quoted; the entry starts the client in the tray.
        QVERIFY2(
            entry.contains(QLatin1String("\nExec=\"/opt/Line card/bin/linecard\" --minimized\n")),
            qPrintable(entry));

        QVERIFY(autostart.setEnabled(true)); // again: still one entry, no error
        QVERIFY(autostart.setEnabled(false));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!autostart.isEnabled());
        QVERIFY(autostart.setEnabled(false)); // nothing to remove is fine
    }

    // A desktop's own switch (Hidden=true) counts as off.
    void hiddenEntryIsOff()
    {
        SessionAutostart autostart(QStringLiteral("/usr/bin/linecard"));
        QVERIFY(autostart.setEnabled(true));
        QFile file(SessionAutostart::entryPath());
        QVERIFY(file.open(QIODevice::Append));
        file.write("Hidden=true\n");
        file.close();
        QVERIFY(!autostart.isEnabled());
        QVERIFY(autostart.setEnabled(true));
        QVERIFY(autostart.isEnabled());
    }

    void unwritableFolderIsReported()
    {
        // The config "folder" is a file: nothing can be created under it (even as root).
        QFile blocker(m_config.path() + QStringLiteral("/not-a-folder"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(blocker.fileName()));
        SessionAutostart autostart(QStringLiteral("/usr/bin/linecard"));
        QVERIFY(!autostart.setEnabled(true));
        QVERIFY(!autostart.errorString().isEmpty());
        QVERIFY(!autostart.isEnabled());
    }

private:
    QTemporaryDir m_config;
};

QTEST_GUILESS_MAIN(TestSessionAutostart)
#include "tst_sessionautostart.moc"
