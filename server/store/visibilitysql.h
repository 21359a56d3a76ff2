#pragma once

#include "models/accountsettings.h"
#include "models/visibility.h"
#include "sqldialect.h"

#include <QString>
#include <QVariantMap>

namespace linecard::server {

// The visibility rule of models/visibility.h written as SQL predicates, so that every
// read path filters in the query itself and paging stays right. Each function adds the
// parameters it needs (:vid, :vcompany) to params.
class VisibilitySql
{
public:
    // Without a dialect: SQLite's SQL.
    VisibilitySql(const visibility::Viewer &viewer, const AccountSettings &settings,
        const SqlDialect *dialect = nullptr);

    // The viewer may see the task in alias t (tasks).
    QString task(const QString &t = QStringLiteral("t")) const;
    // The viewer may see the comment in alias c, its task or card included.
    QString comment(const QString &c = QStringLiteral("c")) const;
    // Clauses 1–3 alone, for a comment whose task or card is known to be visible.
    QString commentClauses(const QString &c = QStringLiteral("c")) const;
    // When the task in alias t last changed as far as the viewer can tell: for an employee its
    // last activity; for a contact its last update or the newest comment it may see — an
    // internal or hidden comment must not move a contact's list.
    QString taskActivity(const QString &t = QStringLiteral("t")) const;
    // The viewer may read the name of the person in alias p: employees everyone; a contact
    // itself and the people on the tasks and comments it may see (SPEC section 3).
    QString person(const QString &p = QStringLiteral("p")) const;

    QVariantMap params() const;

private:
    QString inViewerCompany(const QString &personIdExpr) const;
    visibility::Viewer m_viewer;
    AccountSettings m_settings;
    const SqlDialect *m_dialect;
};

} // namespace linecard::server
