#pragma once

#include <QWidget>

class QCompleter;
class QLineEdit;
class QTimer;

namespace linecard {
class ContactListModel;
}

namespace linecard::client {
class Session;
}

namespace linecard::ui {

// A contact chosen by typing any fragment of a name, company, phone or email (the
// server's contact search), for the task list's "by contact" filter and the new-task dialog.
class ContactField : public QWidget
{
    Q_OBJECT
public:
    explicit ContactField(client::Session *session, QWidget *parent = nullptr);

    qint64 contactId() const { return m_contactId; }
    void setContact(qint64 id, const QString &name);
    void setPlaceholderText(const QString &text);
    QLineEdit *lineEdit() const { return m_edit; }
    ContactListModel *results() const { return m_results; }

signals:
    // 0 when the operator cleared or retyped the field.
    void contactChanged(qint64 contactId);

private:
    void onEdited(const QString &text);
    void choose(const QModelIndex &index);

    QLineEdit *m_edit;
    ContactListModel *m_results;
    QCompleter *m_completer;
    QTimer *m_searchTimer;
    qint64 m_contactId = 0;
};

} // namespace linecard::ui
