#pragma once

#include "models/line.h"

#include <QList>

#include <optional>

namespace linecard::server {

class Database;

// The company's external numbers (lines), with the keys that match a dialled number to its
// line whatever its formatting, and the employees who serve each line.
class LineStore
{
public:
    explicit LineStore(Database &db)
        : m_db(db)
    { }

    QList<Line> list();
    std::optional<Line> get(qint64 id);
    // The line a dialled number belongs to (E.164 first, then the 10-digit tail key).
    std::optional<Line> findByNumber(const QString &number);
    // Another line already has this number (in any formatting).
    bool numberTaken(const QString &number, qint64 exceptId = 0);

    Line create(const Line &draft);
    Line update(const Line &next);
    // Deletes the line; its calls keep its name, which is returned.
    QString remove(qint64 id);

private:
    // lines: a SELECT of lineColumns; order: ORDER BY terms on l, each followed by a comma.
    QList<Line> withEmployees(
        const QString &lines, const QString &order, const QVariantMap &params = {});
    void write(const Line &line);
    Database &m_db;
};

} // namespace linecard::server
