#pragma once
// The heuristic half of the solver: a greedy start, repairs that make room for sessions
// left out, single moves, and the large-neighbourhood search around CBC (mip.hpp).
#include <chrono>
#include <random>

#include "core/programme/problem.hpp"

namespace convene::programme {

using SteadyClock = std::chrono::steady_clock;

void place_greedily(SearchState& state);
// Places left-out sessions by moving one or two that block them elsewhere.
void repair(SearchState& state, SteadyClock::time_point deadline);
// Moves single sessions to their best place while that lowers the total.
void improve(SearchState& state, SteadyClock::time_point deadline, std::mt19937_64& rng);
// Frees a neighbourhood of sessions and lets CBC re-place them, until the deadline or the
// bound is reached.
void search_neighbourhoods(SearchState& state, SteadyClock::time_point deadline,
                           std::mt19937_64& rng, std::int64_t bound);

}  // namespace convene::programme
