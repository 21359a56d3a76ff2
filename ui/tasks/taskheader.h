#pragma once

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QTextBrowser;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

// The top of a task: title, status (a choice for employees), the counterparty as a link to
// its card, the roles and the description.
class TaskHeader : public QWidget
{
    Q_OBJECT
public:
    explicit TaskHeader(client::Session *session, QWidget *parent = nullptr);

    void setTask(const QJsonObject &task);
    void setError(const QString &error); // empty hides it

    QComboBox *statusBox() const { return m_status; }
    QLabel *counterpartyLabel() const { return m_counterparty; }
    QLabel *rolesLabel() const { return m_roles; }
    QString titleText() const;

signals:
    void statusChosen(const QString &status);
    void openContact(qint64 contactId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refreshPeople();
    QString personLink(qint64 id, bool contact) const;
    QString peopleLinks(const QJsonValue &ids) const;

    client::Session *m_session;
    QJsonObject m_task;
    QLabel *m_title;
    QComboBox *m_status = nullptr;
    QLabel *m_statusText = nullptr;
    QLabel *m_counterparty;
    QLabel *m_roles;
    QTextBrowser *m_description;
    QLabel *m_error;
};

} // namespace linecard::ui
