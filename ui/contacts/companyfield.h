#pragma once

#include <QWidget>

class QCompleter;
class QLineEdit;
class QSortFilterProxyModel;
class QTimer;

namespace linecard {
class ContactListModel;
}

namespace linecard::client {
class Session;
}

namespace linecard::ui {

// Picks the company a contact belongs to: type part of its name and choose it from the
// companies the search finds. Text that was not chosen from the list names no company.
class CompanyField : public QWidget
{
    Q_OBJECT
public:
    explicit CompanyField(client::Session *session, QWidget *parent = nullptr);

    void setCompany(qint64 id, const QString &name);
    qint64 companyId() const { return m_companyId; }
    // Text typed but not chosen from the list (the operator must pick or clear it).
    bool isUnresolved() const;
    QLineEdit *lineEdit() const { return m_edit; }
    QCompleter *completer() const { return m_completer; }

signals:
    void companyChanged(qint64 id);

private:
    void search();

    ContactListModel *m_model;
    QSortFilterProxyModel *m_companies;
    QLineEdit *m_edit;
    QCompleter *m_completer;
    QTimer *m_debounce;
    qint64 m_companyId = 0;
    QString m_companyName;
    int m_extraPages = 0;
};

} // namespace linecard::ui
