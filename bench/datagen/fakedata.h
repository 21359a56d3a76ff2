#pragma once

#include <QRandomGenerator>
#include <QString>

namespace linecard::bench {

// Plausible, reproducible CRM data: Russian and English names, company names, phone
// numbers in the many ways people write them, comment texts. Same seed, same data.
class FakeData
{
public:
    explicit FakeData(quint32 seed)
        : m_rng(seed)
    { }

    QRandomGenerator &rng() { return m_rng; }
    int below(int n) { return int(m_rng.bounded(quint32(n))); }
    bool chance(int percent) { return below(100) < percent; }

    struct Name
    {
        QString full; // "Иван Петров"
        QString latinFirst; // for the e-mail address
        bool russian = true;
    };
    Name personName(bool russian);
    QString companyName(bool russian, qint64 serial);
    // "romashka-17.ru"
    QString domain(const QString &companyName, qint64 serial, bool russian);
    QString phone(bool russian);
    QString position(bool russian);

    QString taskTitle();
    QString clientLine();
    QString staffLine();
    QString internalLine();
    QString hiddenLine();

private:
    QRandomGenerator m_rng;
};

} // namespace linecard::bench
