#include "samples.h"

#include <algorithm>
#include <cmath>

namespace linecard::bench {

double Samples::percentileMs(double p) const
{
    if (m_values.isEmpty())
        return 0;
    QList<qint64> sorted = m_values;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size())));
    return double(sorted.at(qBound<qsizetype>(1, rank, sorted.size()) - 1)) / 1e6;
}

double Samples::maxMs() const
{
    return m_values.isEmpty() ? 0
                              : double(*std::max_element(m_values.begin(), m_values.end())) / 1e6;
}

double Samples::meanMs() const
{
    if (m_values.isEmpty())
        return 0;
    double sum = 0;
    for (qint64 v : m_values)
        sum += double(v);
    return sum / double(m_values.size()) / 1e6;
}

static QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : 1) + QStringLiteral(" ms");
}

QString Samples::line(const QString &label, double throughputPerSecond) const
{
    const double throughput = throughputPerSecond >= 0 ? throughputPerSecond
        : meanMs() > 0                                 ? 1000.0 / meanMs()
                                                       : 0;
    return QStringLiteral("%1: count=%2 p50=%3 p99=%4 max=%5 mean=%6 throughput=%7/s")
        .arg(label)
        .arg(count())
        .arg(ms(percentileMs(50)), ms(percentileMs(99)), ms(maxMs()), ms(meanMs()))
        .arg(QString::number(throughput, 'f', 1));
}

} // namespace linecard::bench
