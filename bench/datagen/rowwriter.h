#pragma once

#include "models/comment.h"
#include "models/person.h"
#include "models/task.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariantList>

#include <map>

namespace linecard::server {
class Database;
}

namespace linecard::bench {

// Writes the rows the server's stores write (people, phones with their E.164 and tail
// keys, emails, extensions, contact and task search rows, tasks and their members,
// comments and their notified/visible people, sign-in tokens) straight through SQL, with
// each INSERT prepared once and reused. The search rows come from the stores' own
// searchBody(), the phone keys from models/phonenumber.h, so the server cannot tell these
// rows from its own. The caller holds the transaction.
class RowWriter
{
public:
    explicit RowWriter(server::Database &db);

    qint64 employee(const QString &name, const QString &login, const QString &passwordHash,
        const QStringList &extensions, bool isAdmin, const QDateTime &at);
    // A contact (or company) with its phones and emails; companyName is the name of
    // p.companyId ("" for none). Its search row waits for indexContacts().
    qint64 contact(const Person &p, const QString &companyName, const QDateTime &at);
    // Search rows are keyed by (name, id) order (server/store/contactsearchorder.h), known
    // once every contact is in: gives all contacts their keys as migration 0003 does and
    // writes the waiting search rows in key order. Only on a data set whose contacts all
    // came through this writer (no search rows yet).
    void indexContacts();
    void giveAccess(qint64 contactId, const QString &login, const QString &passwordHash);
    // A task with its members and search row; lastActivityAt as given.
    qint64 task(const Task &t, qint64 createdBy);
    // A comment with its notified/visible people. Does not touch its task's last activity:
    // write the task with the time of its last comment.
    qint64 comment(const Comment &c);
    void touchTask(qint64 taskId, const QDateTime &at);
    // A fresh bearer token for the person, stored hashed as AuthService does.
    QString issueToken(qint64 personId);

    static QString time(const QDateTime &at) { return at.toString(Qt::ISODateWithMs); }

private:
    QSqlQuery &statement(const QString &sql);
    qint64 run(const QString &sql, const QVariantList &values);

    server::Database &m_db;
    std::map<QString, QSqlQuery> m_statements;
};

} // namespace linecard::bench
