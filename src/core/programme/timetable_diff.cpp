#include "core/programme/timetable_diff.hpp"

#include <algorithm>
#include <tuple>

namespace convene::programme {

TimetableDiff diff_timetables(const std::map<SessionId, Slot>& older,
                              const std::map<SessionId, Slot>& newer) {
    TimetableDiff d;
    for (const auto& [id, slot] : newer) {
        auto was = older.find(id);
        if (was == older.end())
            d.added.push_back({id, slot});
        else if (!(was->second == slot))
            d.moved.push_back({id, was->second, slot});
    }
    for (const auto& [id, slot] : older)
        if (!newer.count(id)) d.cancelled.push_back({id, slot});
    auto by_start = [](const SessionSlot& a, const SessionSlot& b) {
        return std::tie(a.slot.start, a.session) < std::tie(b.slot.start, b.session);
    };
    std::sort(d.added.begin(), d.added.end(), by_start);
    std::sort(d.cancelled.begin(), d.cancelled.end(), by_start);
    std::sort(d.moved.begin(), d.moved.end(), [](const SessionMove& a, const SessionMove& b) {
        return std::tie(a.to.start, a.session) < std::tie(b.to.start, b.session);
    });
    return d;
}

}  // namespace convene::programme
