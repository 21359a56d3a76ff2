#pragma once

#include <QList>

namespace linecard::ui {

// A place the operator looked at: the task list or a task, the contact search or a card.
struct Place
{
    enum class Area
    {
        Tasks,
        Contacts,
        Calls
    };
    Area area = Area::Tasks;
    qint64 id = 0; // the open task or contact; 0 = none
    bool operator==(const Place &o) const { return area == o.area && id == o.id; }
    bool operator!=(const Place &o) const { return !(*this == o); }
};

// Back/forward between places, left to right like a browser (the seed's "history from left
// to right"): visiting a new place drops the forward part.
class NavigationHistory
{
public:
    void visit(const Place &place);
    bool canGoBack() const { return m_index > 0; }
    bool canGoForward() const { return m_index + 1 < m_places.size(); }
    Place back();
    Place forward();
    Place current() const { return m_places.value(m_index); }
    int size() const { return int(m_places.size()); }

private:
    QList<Place> m_places;
    int m_index = -1;
    static constexpr int Limit = 200;
};

} // namespace linecard::ui
