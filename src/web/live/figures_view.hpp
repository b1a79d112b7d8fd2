#pragma once
// The figures of finished turns as the API gives them and as the pages draw them: people
// who spoke, turns and speaking time, by stakeholder group, gender and where they spoke
// from, each as a bar chart of speaking time with the same numbers in a table
// (templates/partials/time_chart.mustache).
#include <nlohmann/json.hpp>
#include <string>

#include "core/live/turn_figures.hpp"

namespace convene::web {

// {speakers, turns, seconds, time, by_group: [{code, label, speakers, turns, seconds,
// time, share}], by_gender, by_where}.
nlohmann::json turn_figures_json(const live::TurnFigures& f);
// The same with a chart per dimension, its ids starting with `id`:
// {has_turns, speakers, turns, time, charts: [{id, title, description, ... rows}]}.
nlohmann::json turn_figures_view(const live::TurnFigures& f, const std::string& id);

}  // namespace convene::web
