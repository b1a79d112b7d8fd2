#pragma once
// Accessible SVG bar charts for the diversity figures: each value has two bars, the
// share among all submitted proposals and the share in the draft programme; the chart
// carries a title and a text alternative, and the same numbers go in a table beside it.
#include <nlohmann/json.hpp>
#include <string>

#include "core/synthesis/synthesis.hpp"

namespace convene::web {

// The view templates/partials/chart.mustache draws: {id, title, description, width,
// height, rows: [{label, all, programme, all_share, programme_share, y, ...}]}.
nlohmann::json comparison_chart(const std::string& id, const std::string& title,
                                const DiversityDimension& dimension, int all_total,
                                int programme_total);

// One bar per row, as long as its share (the largest spans the bar), its words above and
// its share beside: narrow enough for a phone at 390 px. Rows: [{label, share (text),
// share_tenths}]; `nothing` describes a chart without rows. The view of
// templates/partials/share_chart.mustache ({id, title, description, width, height, rows});
// `caption` (optional) is the figure's caption.
nlohmann::json share_chart(const std::string& id, const std::string& title,
                           const nlohmann::json& rows, const std::string& nothing,
                           const std::string& caption = "");

// "42%" of a count in a total (0% when the total is 0).
std::string share_text(int count, int total);

}  // namespace convene::web
