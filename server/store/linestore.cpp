#include "linestore.h"

#include "database.h"
#include "models/phonenumber.h"

#include <QSqlQuery>

namespace linecard::server {

static const QString lineColumns = QStringLiteral("id, number, name, color, region");

static QList<Line> readLines(QSqlQuery &q)
{
    QList<Line> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(), {}, q.value(4).toString()});
    return out;
}

void LineStore::loadEmployees(Line &line)
{
    Database::Rows q = m_db.exec(
        QStringLiteral("SELECT person_id FROM line_employees WHERE line_id = :id ORDER BY rowid"),
        {{QStringLiteral("id"), line.id}});
    while (q.next())
        line.employeeIds.append(q.value(0).toLongLong());
}

QList<Line> LineStore::list()
{
    Database::Rows q
        = m_db.exec(QStringLiteral("SELECT %1 FROM lines ORDER BY name, id").arg(lineColumns));
    QList<Line> lines = readLines(q);
    for (Line &l : lines)
        loadEmployees(l);
    return lines;
}

std::optional<Line> LineStore::get(qint64 id)
{
    Database::Rows q
        = m_db.exec(QStringLiteral("SELECT %1 FROM lines WHERE id = :id").arg(lineColumns),
            {{QStringLiteral("id"), id}});
    QList<Line> lines = readLines(q);
    if (lines.isEmpty())
        return std::nullopt;
    loadEmployees(lines.first());
    return lines.first();
}

std::optional<Line> LineStore::findByNumber(const QString &number)
{
    if (number.trimmed().isEmpty())
        return std::nullopt;
    const PhoneNumber phone = PhoneNumber::parse(number);
    QSqlQuery q = phone.isValid()
        ? m_db.exec(QStringLiteral("SELECT %1 FROM lines WHERE e164 = :e164 UNION ALL "
                                   "SELECT %1 FROM lines WHERE tail_key = :tail LIMIT 1")
                        .arg(lineColumns),
            {{QStringLiteral("e164"), phone.e164()}, {QStringLiteral("tail"), phone.tailKey()}})
        // A short internal number ("100") is matched as written.
        : m_db.exec(
            QStringLiteral("SELECT %1 FROM lines WHERE number = :n LIMIT 1").arg(lineColumns),
            {{QStringLiteral("n"), number.trimmed()}});
    QList<Line> lines = readLines(q);
    if (lines.isEmpty())
        return std::nullopt;
    loadEmployees(lines.first());
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
