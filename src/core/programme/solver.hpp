#pragma once
// The timetable solver. First it places as many sessions as it can, then it lowers the
// total of the compromises (see checker.hpp). Small instances are solved exactly by the
// full integer program (CBC), which proves optimality; large ones by a greedy start,
// repairs and moves, then a large-neighbourhood search that frees a dozen sessions at a
// time and lets CBC re-place them optimally around the rest. The objective and the hard
// rules of the answer are those the independent checker finds.
#include <cstdint>
#include <string>
#include <vector>

#include "core/programme/checker.hpp"
#include "core/programme/instance.hpp"

namespace convene::programme {

struct ScheduleOptions {
    double time_limit = 5.0;  // seconds, for the whole run
    std::uint64_t seed = 1;
    bool plain_cbc = false;  // only the full CBC model, as the benchmark's reference
    // Up to this many (session, room, start) choices, the full model runs to prove the optimum.
    std::int64_t exact_up_to = 6000;
};

struct Unplaced {
    int session = 0;
    std::string reason;  // in words: the rule that blocks it
};

struct ScheduleResult {
    Timetable timetable;
    std::vector<Unplaced> unplaced;
    Objective objective;
    bool optimal = false;          // proven: no timetable places more, or as many for less
    std::int64_t lower_bound = 0;  // on the total of a timetable placing as many
    int placed = 0;
    std::vector<Violation> violations;  // what the checker found (empty unless a bug)
    double seconds = 0;
};

ScheduleResult schedule(const Instance& in, const ScheduleOptions& options = {});

// Why each session the timetable leaves off the grid cannot go anywhere around the
// sessions placed, in the solver's words (a timetable edited by hand, say).
std::vector<Unplaced> unplaced_reasons(const Instance& in, const Timetable& timetable);

}  // namespace convene::programme
