#include "visibilitysql.h"

namespace linecard::server {

VisibilitySql::VisibilitySql(
    const visibility::Viewer &viewer, const AccountSettings &settings, const SqlDialect *dialect)
    : m_viewer(viewer)
    , m_settings(settings)
    , m_dialect(dialect)
{ }

QVariantMap VisibilitySql::params() const
{
    return {{QStringLiteral("vid"), m_viewer.id}, {QStringLiteral("vcompany"), m_viewer.companyId}};
}

// Companies carry no company_id, so "companyOf(p) = V's company" is "p is that company or
// one of its contacts".
QString VisibilitySql::inViewerCompany(const QString &personIdExpr) const
{
    return QStringLiteral("EXISTS (SELECT 1 FROM people vp WHERE vp.id = %1 AND "
                          "(vp.id = :vcompany OR vp.company_id = :vcompany))")
        .arg(personIdExpr);
}

QString VisibilitySql::task(const QString &t) const
{
    if (m_viewer.isEmployee)
        return QStringLiteral("1 = 1");
    QString sql
        = QStringLiteral("(%1.counterparty_id = :vid OR EXISTS (SELECT 1 FROM task_members vm "
                         "WHERE vm.task_id = %1.id AND vm.person_id = :vid)")
              .arg(t);
    if (m_settings.shareWithinCompany && m_viewer.companyId)
        sql += QStringLiteral(" OR ") + inViewerCompany(t + QStringLiteral(".counterparty_id"));
    return sql + u')';
}

QString VisibilitySql::taskActivity(const QString &t) const
{
    if (m_viewer.isEmployee)
        return t + QStringLiteral(".last_activity_at");
    static const SqliteDialect sqlite;
    return (m_dialect ? *m_dialect : sqlite)
        .greatest(t + QStringLiteral(".updated_at"),
            QStringLiteral("COALESCE((SELECT MAX(ac.created_at) FROM comments ac WHERE "
                           "ac.task_id = %1.id AND %2), '')")
                .arg(t, commentClauses(QStringLiteral("ac"))));
}

QString VisibilitySql::commentClauses(const QString &c) const
{
    const QString listed
        = QStringLiteral("EXISTS (SELECT 1 FROM comment_people vc WHERE vc.comment_id = "
                         "%1.id AND vc.role = '%2' AND vc.person_id = :vid)");
    // 1. hidden: author, visibleTo, admins
    const QString hiddenRule = m_viewer.isAdmin
        ? QStringLiteral("1 = 1")
        : QStringLiteral("(%1.author_id = :vid OR %2)")
              .arg(c, listed.arg(c, QStringLiteral("visible")));
    // 2. employees see the rest
    QString openRule;
    if (m_viewer.isEmployee) {
        openRule = QStringLiteral("1 = 1");
    } else if (!m_settings.contactsSeeOnlyNotified) {
        openRule = QStringLiteral("%1.internal = 0").arg(c);
    } else {
        // 3. contacts: never internal; their own or addressed to them (or their company)
        openRule = QStringLiteral("%1.internal = 0 AND (%1.author_id = :vid OR %2")
                       .arg(c, listed.arg(c, QStringLiteral("notified")));
        if (m_settings.shareWithinCompany && m_viewer.companyId) {
            openRule += QStringLiteral(" OR ") + inViewerCompany(c + QStringLiteral(".author_id"));
            openRule += QStringLiteral(
                " OR EXISTS (SELECT 1 FROM comment_people vn JOIN people vnp ON "
                "vnp.id = vn.person_id WHERE vn.comment_id = %1.id AND vn.role = "
                "'notified' AND (vnp.id = :vcompany OR vnp.company_id = :vcompany))")
                            .arg(c);
        }
        openRule += u')';
    }
    return QStringLiteral("(CASE WHEN %1.hidden = 1 THEN %2 ELSE %3 END)")
        .arg(c, hiddenRule, openRule);
}

QString VisibilitySql::comment(const QString &c) const
{
    QString container;
    if (m_viewer.isEmployee)
        container = QStringLiteral("1 = 1");
    else
        container
            = QStringLiteral("((%1.task_id IS NOT NULL AND EXISTS (SELECT 1 FROM tasks vt WHERE "
                             "vt.id = %1.task_id AND %2)) OR %1.contact_id = :vid)")
                  .arg(c, task(QStringLiteral("vt")));
    return QStringLiteral("(%1 AND %2)").arg(container, commentClauses(c));
}

QString VisibilitySql::person(const QString &p) const
{
    if (m_viewer.isEmployee)
        return QStringLiteral("1 = 1");
    return QStringLiteral(
        "(%1.id = :vid"
        " OR EXISTS (SELECT 1 FROM tasks pt WHERE pt.counterparty_id = %1.id AND %2)"
        " OR EXISTS (SELECT 1 FROM task_members pm JOIN tasks pt ON pt.id = pm.task_id "
        "WHERE pm.person_id = %1.id AND %2)"
        " OR EXISTS (SELECT 1 FROM comments c WHERE c.author_id = %1.id AND %3)"
        " OR EXISTS (SELECT 1 FROM comment_people pc JOIN comments c ON c.id = pc.comment_id "
        "WHERE pc.person_id = %1.id AND %3))")
        .arg(p, task(QStringLiteral("pt")), comment(QStringLiteral("c")));
}

} // namespace linecard::server
