#include "navigationhistory.h"

namespace linecard::ui {

void NavigationHistory::visit(const Place &place)
{
    if (m_index >= 0 && m_places.at(m_index) == place)
        return;
    m_places.resize(m_index + 1);
    m_places.append(place);
    if (m_places.size() > Limit)
        m_places.removeFirst();
    m_index = int(m_places.size()) - 1;
}

Place NavigationHistory::back()
{
    if (canGoBack())
        --m_index;
    return current();
}

Place NavigationHistory::forward()
{
    if (canGoForward())
        ++m_index;
    return current();
}

} // namespace linecard::ui
