#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace linecard::testing {

// While it lives, the client speaks Russian (the built translation, LINECARD_QM_DIR), so a
// test can build a widget again and save a screenshot of it in Russian too.
class Russian
{
public:
    Russian()
    {
        QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
        m_loaded = m_translator.load(QStringLiteral(LINECARD_QM_DIR "/linecard_ru.qm"));
        if (m_loaded)
            QCoreApplication::installTranslator(&m_translator);
    }
    ~Russian()
    {
        QCoreApplication::removeTranslator(&m_translator);
        QLocale::setDefault(QLocale::c());
    }
    Russian(const Russian &) = delete;
    Russian &operator=(const Russian &) = delete;

    bool isLoaded() const { return m_loaded; }

private:
    QTranslator m_translator;
    bool m_loaded = false;
};

} // namespace linecard::testing
