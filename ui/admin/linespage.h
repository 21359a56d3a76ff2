#pragma once

#include "models/line.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

// Administration: the company's lines with their colours; add, edit, delete (the calls on a
// deleted line stay, shown without it). Follows line.* events.
class LinesPage : public QWidget
{
    Q_OBJECT
public:
    explicit LinesPage(client::Session *session, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *deleteButton() const { return m_delete; }
    QString errorText() const;
    bool isLoaded() const { return m_loaded; }
    QTreeWidgetItem *itemFor(qint64 lineId) const;
    void select(qint64 lineId);
    QList<Line> lines() const;

    void reload();
    void addLine();
    void editSelected();
    void deleteSelected(); // asks first

signals:
    void loaded();

private:
    void show(const Line &line);
    void forget(qint64 lineId);
    void updateButtons();
    std::optional<Line> selected() const;

    client::Session *m_session;
    QTreeWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QLabel *m_error;
    bool m_loaded = false;
};

} // namespace linecard::ui
