#pragma once

#include <QList>
#include <QString>

namespace linecard::bench {

// Latencies of one measured operation, in nanoseconds, and their summary line:
// "label: count=… p50=… ms p99=… ms max=… ms throughput=…/s".
class Samples
{
public:
    void add(qint64 nanoseconds) { m_values.append(nanoseconds); }
    int count() const { return int(m_values.size()); }
    bool isEmpty() const { return m_values.isEmpty(); }

    // Nearest-rank percentile (0 < p ≤ 100), in milliseconds.
    double percentileMs(double p) const;
    double maxMs() const;
    double meanMs() const;

    // throughputPerSecond < 0: count / sum of the samples (one request at a time).
    QString line(const QString &label, double throughputPerSecond = -1) const;

private:
    QList<qint64> m_values;
};

} // namespace linecard::bench
