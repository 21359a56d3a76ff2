#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QTimer;

namespace linecard {
class ContactListModel;
}

namespace linecard::client {
class Session;
}

namespace linecard::ui {

// Finds a contact by search as you type (name, company, e-mail, phone digits) and lets the
// operator pick one from the results; one contact (the one being merged) can be left out.
class ContactPicker : public QWidget
{
    Q_OBJECT
public:
    explicit ContactPicker(client::Session *session, QWidget *parent = nullptr);

    void setExcludedId(qint64 id);
    void setSearchText(const QString &text); // searches at once
    // The picked contact's JSON (empty when none).
    QJsonObject current() const;
    qint64 currentId() const;

    QLineEdit *searchEdit() const { return m_edit; }
    QListView *view() const { return m_view; }
    ContactListModel *model() const { return m_model; }

signals:
    void currentChanged(qint64 id);
    void chosen(qint64 id); // Enter or double-click

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void search();
    void updateStatus();

    ContactListModel *m_model;
    QSortFilterProxyModel *m_filter;
    QLineEdit *m_edit;
    QListView *m_view;
    QLabel *m_status;
    QTimer *m_debounce;
};

} // namespace linecard::ui
