#pragma once
// What changed between two timetables (two published versions, or the published
// timetable and the draft about to be published): the sessions moved to another room or
// start, the sessions added, the sessions no longer in it. Pure: no I/O, no words; the
// pages name sessions and rooms.
#include <map>
#include <vector>

#include "core/common/ids.hpp"
#include "core/programme/programme.hpp"

namespace convene::programme {

struct SessionMove {
    SessionId session;
    Slot from, to;
    bool operator==(const SessionMove&) const = default;
};

struct SessionSlot {
    SessionId session;
    Slot slot;
    bool operator==(const SessionSlot&) const = default;
};

struct TimetableDiff {
    std::vector<SessionMove> moved;      // in both, another room or start
    std::vector<SessionSlot> added;      // only in the newer
    std::vector<SessionSlot> cancelled;  // only in the older (cancelled or taken off)
    bool empty() const { return moved.empty() && added.empty() && cancelled.empty(); }
};

// Each list in the order of the sessions' starts (the newer start for a move), then by
// session id, so a page reads it as a day unfolds.
TimetableDiff diff_timetables(const std::map<SessionId, Slot>& older,
                              const std::map<SessionId, Slot>& newer);

}  // namespace convene::programme
