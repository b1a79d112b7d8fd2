#pragma once
// The independent judge of a timetable: every hard rule checked pair by pair from the
// instance alone (none of the solver's tables), and the objective recomputed. The solver
// reports what this says; the tests hold the solver to it; the timetable page will show
// its sentences ("Ana Silva is in WS12 and OF3 from 10:30 to 11:00").
#include <cstdint>
#include <string>
#include <vector>

#include "core/programme/instance.hpp"

namespace convene::programme {

struct Objective {
    std::int64_t overflow = 0;  // seats short, summed over sessions
    std::int64_t similar = 0;   // pairs of sessions sharing a tag that intersect in time
    std::int64_t night = 0;     // (person with a time zone, session) pairs outside 07-22 there
    std::int64_t changes = 0;   // sessions of `previous` moved, or no longer placed
    std::int64_t total = 0;     // the weighted sum
};

struct Violation {
    std::string rule;  // grid, room, window, features, turnover, person, unavailable, fixed, after
    std::vector<int> sessions;
    std::string text;  // in words
};

struct CheckReport {
    std::vector<Violation> violations;
    Objective objective;
    int placed = 0;
};

CheckReport check_timetable(const Instance& in, const Timetable& timetable);

}  // namespace convene::programme
