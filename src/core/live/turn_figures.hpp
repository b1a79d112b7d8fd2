#pragma once
// The figures of finished turns, for a room or a whole edition: how many people spoke
// (each counted once), how many turns and how long, by stakeholder group, by gender
// ("" when not stated) and by where they spoke from. Pure.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/live/queue.hpp"

namespace convene::live {

struct Count {
    int speakers = 0;  // distinct people
    int turns = 0;
    Seconds seconds = 0;
};

struct TurnFigures {
    std::map<std::string, Count> by_group, by_gender, by_where;
    Count all;
};

TurnFigures turn_figures(const std::vector<Turn>& turns);

}  // namespace convene::live
