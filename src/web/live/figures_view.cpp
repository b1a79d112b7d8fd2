#include "web/live/figures_view.hpp"

#include <algorithm>
#include <cmath>

#include "core/common/messages.hpp"
#include "web/live/room_actions.hpp"
#include "web/site/charts.hpp"

namespace convene::web {

namespace {

using Label = std::string (*)(const std::string&);

struct Dimension {
    const char* name;  // "group", "gender", "where"
    const std::map<std::string, live::Count>* counts;
    Label label;
};

std::vector<Dimension> dimensions(const live::TurnFigures& f) {
    return {{"group", &f.by_group, group_label},
            {"gender", &f.by_gender, gender_label},
            {"where", &f.by_where, where_label}};
}

std::string share_of(live::Seconds part, live::Seconds whole) {
    return share_text(static_cast<int>(part), static_cast<int>(whole));
}

nlohmann::json counts_json(const std::map<std::string, live::Count>& counts, Label label,
                           live::Seconds total) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [code, c] : counts)
        out.push_back({{"code", code},
                       {"label", label(code)},
                       {"speakers", c.speakers},
                       {"turns", c.turns},
                       {"seconds", c.seconds},
                       {"time", clock_text(c.seconds)},
                       {"share", share_of(c.seconds, total)}});
    return out;
}

// One bar per value, as long as its speaking time (the longest spans the bar), its words
// above it and its time and share beside it: narrow enough for a phone at 390 px.
nlohmann::json time_chart(const std::string& id, const std::string& title,
                          const nlohmann::json& rows_in) {
    constexpr int bar_width = 230, value_width = 110, row_height = 40, top = 4;
    live::Seconds longest = 0;
    for (const auto& r : rows_in) longest = std::max(longest, r["seconds"].get<live::Seconds>());
    nlohmann::json rows = nlohmann::json::array();
    std::string description;
    int y = top;
    for (auto r : rows_in) {
        auto seconds = r["seconds"].get<live::Seconds>();
        int width =
            longest > 0 ? static_cast<int>(std::lround(1.0 * bar_width * seconds / longest)) : 0;
        r["label_y"] = y + 15;
        r["bar_y"] = y + 21;
        r["bar_width"] = width;
        r["text_x"] = width + 4;
        r["text_y"] = y + 32;
        description +=
            (description.empty() ? "" : "; ") +
            say("live.figures.chart_row", {{"label", r["label"].get<std::string>()},
                                           {"time", r["time"].get<std::string>()},
                                           {"share", r["share"].get<std::string>()},
                                           {"turns", std::to_string(r["turns"].get<int>())},
                                           {"speakers", std::to_string(r["speakers"].get<int>())}});
        rows.push_back(std::move(r));
        y += row_height;
    }
    return {{"id", id},
            {"title", title},
            {"description", description.empty() ? say("live.figures.no_turns") : description + "."},
            {"width", bar_width + value_width},
            {"height", y + top},
            {"rows", rows}};
}

}  // namespace

nlohmann::json turn_figures_json(const live::TurnFigures& f) {
    nlohmann::json out = {{"speakers", f.all.speakers},
                          {"turns", f.all.turns},
                          {"seconds", f.all.seconds},
                          {"time", clock_text(f.all.seconds)}};
    for (const auto& d : dimensions(f))
        out[std::string("by_") + d.name] = counts_json(*d.counts, d.label, f.all.seconds);
    return out;
}

nlohmann::json turn_figures_view(const live::TurnFigures& f, const std::string& id) {
    nlohmann::json charts = nlohmann::json::array();
    for (const auto& d : dimensions(f))
        charts.push_back(time_chart(id + "-" + d.name,
                                    say(std::string("live.figures.by_") + d.name),
                                    counts_json(*d.counts, d.label, f.all.seconds)));
    return {{"has_turns", f.all.turns > 0},
            {"speakers", f.all.speakers},
            {"turns", f.all.turns},
            {"time", clock_text(f.all.seconds)},
            {"charts", charts}};
}

}  // namespace convene::web
