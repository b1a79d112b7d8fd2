#include "core/live/turn_figures.hpp"

#include <algorithm>

namespace convene::live {

TurnFigures turn_figures(const std::vector<Turn>& turns) {
    TurnFigures f;
    // The people already counted in each tally.
    std::map<const Count*, std::set<std::string>> seen;
    for (const auto& t : turns) {
        auto seconds = std::max<Seconds>(0, t.end - t.start);
        for (auto* count :
             {&f.by_group[t.speaker.stakeholder_group], &f.by_gender[t.speaker.gender],
              &f.by_where[where_code(t.speaker.where)], &f.all}) {
            ++count->turns;
            count->seconds += seconds;
            if (seen[count].insert(t.speaker.person).second) ++count->speakers;
        }
    }
    return f;
}

}  // namespace convene::live
