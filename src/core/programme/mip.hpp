#pragma once
// The time-indexed integer program (CBC) over some free sessions, the others staying
// where the search state has them: one binary per allowed (session, room, start), a
// clique row per room and time and per group of people and time, rows for the "after"
// links and for pairs of similar sessions that meet. With every session free it is the
// exact model; with a few free it is one step of the large-neighbourhood search.
#include <cstdint>
#include <vector>

#include "core/programme/problem.hpp"

namespace convene::programme {

struct MipOutcome {
    bool found = false;       // a solution at least as good as the start
    bool proven = false;      // optimal for the sub-problem
    std::vector<int> choice;  // per free session: an option index or -1
    // A lower bound on the total of any timetable placing `placed` sessions or more, where
    // the free sessions are concerned (valid when every session is free).
    double bound_objective = 0, big_m = 0;
    std::int64_t columns = 0, rows = 0;
};

// `allowed[i]` lists the options of free[i] that fit with every session not free (the
// free ones are taken out of `state` by the caller). The state's current choices for the
// free sessions, when given in `start`, seed the search.
MipOutcome solve_mip(const SearchState& state, const std::vector<int>& free,
                     const std::vector<std::vector<int>>& allowed, const std::vector<int>& start,
                     double seconds);

}  // namespace convene::programme
