#pragma once

#include <QList>
#include <QWidget>

class QFrame;
class QLabel;
class QLineEdit;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace linecard::ui {

// Picks people in two groups, employees and contacts (the contacts group blue, as in
// PlanFix), behind a button with a one-line summary of who is picked. Used for "notify"
// and for who may see a hidden comment.
class PeoplePicker : public QWidget
{
    Q_OBJECT
public:
    struct Entry
    {
        qint64 id = 0;
        QString name;
        QString detail; // e.g. "counterparty"
    };

    explicit PeoplePicker(const QString &buttonText, QWidget *parent = nullptr);

    void setPeople(const QList<Entry> &employees, const QList<Entry> &contacts);
    QList<qint64> selectedIds() const { return m_selected; }
    // Programmatic: emits selectionChanged, not edited.
    void setSelectedIds(const QList<qint64> &ids);
    bool isContact(qint64 id) const;
    void setEmptyText(const QString &text);

    QTreeWidget *list() const { return m_list; }
    QToolButton *button() const { return m_button; }
    QString summaryText() const;

signals:
    void selectionChanged();
    // The operator changed the selection (as opposed to a default being applied).
    void edited();

public slots:
    void showPopup();

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void updateSummary();
    void onItemChanged(QTreeWidgetItem *item);
    void filter(const QString &text);
    QTreeWidgetItem *addGroup(const QString &title, const QList<Entry> &people, bool contacts);

    QToolButton *m_button;
    QLabel *m_summary;
    QFrame *m_popup;
    QLineEdit *m_filter;
    QTreeWidget *m_list;
    QList<Entry> m_employees;
    QList<Entry> m_contacts;
    QList<qint64> m_selected;
    QString m_emptyText;
    bool m_rebuilding = false;
};

} // namespace linecard::ui
