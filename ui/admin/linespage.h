#pragma once

#include "recordlistpage.h"

#include "models/line.h"

class QPushButton;

namespace linecard::ui {

// Administration: the company's lines with their colours; add, edit, delete (the calls on a
// deleted line stay, shown without it). Follows line.* events.
class LinesPage : public RecordListPage
{
    Q_OBJECT
public:
    explicit LinesPage(client::Session *session, QWidget *parent = nullptr);

    QPushButton *addButton() const { return m_add; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *deleteButton() const { return m_delete; }
    QList<Line> lines() const;

    void addLine();
    void editSelected() override;
    void deleteSelected(); // asks first

protected:
    void showRecord(const QJsonObject &record) override;
    void updateButtons() override;

private:
    void show(const Line &line);
    std::optional<Line> selected() const;

    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_delete;
};

} // namespace linecard::ui
