#include "linestore.h"

#include "database.h"
#include "models/phonenumber.h"

#include <QSqlQuery>

namespace linecard::server {

static const QString lineColumns = QStringLiteral("id, number, name, color, region");

// Lines with their employees in one statement: "SELECT l.*, le.person_id FROM (…) l LEFT
// JOIN line_employees …", one row per employee (one with a null person for a line without),
// the rows of a line next to each other.
QList<Line> LineStore::withEmployees(
    const QString &lines, const QString &order, const QVariantMap &params)
{
    Database::Rows q
        = m_db.execKept(QStringLiteral("SELECT l.id, l.number, l.name, l.color, l.region, "
                                       "le.person_id FROM (%1) l LEFT JOIN line_employees "
                                       "le ON le.line_id = l.id ORDER BY %2 le.rowid")
                            .arg(lines, order),
            params);
    QList<Line> out;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (out.isEmpty() || out.last().id != id)
            out.append({id, q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), {},
                q.value(4).toString()});
        if (!q.value(5).isNull())
            out.last().employeeIds.append(q.value(5).toLongLong());
    }
    return out;
}

QList<Line> LineStore::list()
{
    return withEmployees(
        QStringLiteral("SELECT %1 FROM lines").arg(lineColumns), QStringLiteral("l.name, l.id,"));
}

std::optional<Line> LineStore::get(qint64 id)
{
    const QList<Line> lines
        = withEmployees(QStringLiteral("SELECT %1 FROM lines WHERE id = :id").arg(lineColumns), {},
            {{QStringLiteral("id"), id}});
    if (lines.isEmpty())
        return std::nullopt;
    return lines.first();
}

std::optional<Line> LineStore::findByNumber(const QString &number)
{
    if (number.trimmed().isEmpty())
        return std::nullopt;
    const PhoneNumber phone = PhoneNumber::parse(number);
    const QList<Line> lines = phone.isValid()
        ? withEmployees(QStringLiteral("SELECT %1 FROM lines WHERE e164 = :e164 UNION ALL "
                                       "SELECT %1 FROM lines WHERE tail_key = :tail LIMIT 1")
                            .arg(lineColumns),
            {}, {{QStringLiteral("e164"), phone.e164()}, {QStringLiteral("tail"), phone.tailKey()}})
        // A short internal number ("100") is matched as written.
        : withEmployees(
            QStringLiteral("SELECT %1 FROM lines WHERE number = :n LIMIT 1").arg(lineColumns), {},
            {{QStringLiteral("n"), number.trimmed()}});
    if (lines.isEmpty())
        return std::nullopt;
    return lines.first();
}

bool LineStore::numberTaken(const QString &number, qint64 exceptId)
{
    const std::optional<Line> other = findByNumber(number);
    if (other && other->id != exceptId)
        return true;
    return m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM lines WHERE number = :n AND id <> :id"),
                   {{QStringLiteral("n"), number.trimmed()}, {QStringLiteral("id"), exceptId}})
               .toInt()
        > 0;
}

void LineStore::write(const Line &line)
{
    const PhoneNumber phone = PhoneNumber::parse(line.number, line.region);
    m_db.exec(QStringLiteral("UPDATE lines SET number = :n, name = :name, color = :color, "
                             "e164 = :e164, tail_key = :tail, region = :region WHERE id = :id"),
        {{QStringLiteral("id"), line.id}, {QStringLiteral("n"), line.number},
            {QStringLiteral("region"),
                line.region.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                      : QVariant(line.region)},
            {QStringLiteral("name"), notNull(line.name)}, {QStringLiteral("color"), line.color},
            {QStringLiteral("e164"), phone.isValid() ? QVariant(phone.e164()) : QVariant()},
            {QStringLiteral("tail"), phone.isValid() ? QVariant(phone.tailKey()) : QVariant()}});
    m_db.exec(QStringLiteral("DELETE FROM line_employees WHERE line_id = :id"),
        {{QStringLiteral("id"), line.id}});
    for (qint64 person : line.employeeIds)
        m_db.exec(QStringLiteral("INSERT INTO line_employees(line_id, person_id) VALUES (:l, "
                                 ":p) ON CONFLICT DO NOTHING"),
            {{QStringLiteral("l"), line.id}, {QStringLiteral("p"), person}});
}

Line LineStore::create(const Line &draft)
{
    Transaction tx(m_db);
    Line line = draft;
    line.id = m_db.insert(QStringLiteral("INSERT INTO lines(number) VALUES (:n)"),
        {{QStringLiteral("n"), line.number}});
    write(line);
    tx.commit();
    return *get(line.id);
}

Line LineStore::update(const Line &next)
{
    Transaction tx(m_db);
    write(next);
    tx.commit();
    return *get(next.id);
}

QString LineStore::remove(qint64 id)
{
    Transaction tx(m_db);
    // The history keeps its calls, and with them the line's name (its number when it had
    // none), so they show as on a deleted line rather than on no line; the colour goes.
    const QString name = m_db.scalar(QStringLiteral("SELECT COALESCE(NULLIF(name, ''), number) "
                                                    "FROM lines WHERE id = :id"),
                                 {{QStringLiteral("id"), id}})
                             .toString();
    m_db.exec(QStringLiteral("UPDATE calls SET line_id = NULL, deleted_line_name = :name "
                             "WHERE line_id = :id"),
        {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}});
    m_db.exec(QStringLiteral("DELETE FROM lines WHERE id = :id"), {{QStringLiteral("id"), id}});
    tx.commit();
    return name;
}

} // namespace linecard::server
