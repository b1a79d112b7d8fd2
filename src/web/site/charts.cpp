#include "web/site/charts.hpp"

#include <algorithm>
#include <cmath>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"

namespace convene::web {

std::string share_text(int count, int total) {
    if (total <= 0) return "0%";
    return std::to_string(static_cast<int>(std::lround(100.0 * count / total))) + "%";
}

nlohmann::json comparison_chart(const std::string& id, const std::string& title,
                                const DiversityDimension& d, int all_total, int programme_total) {
    // Each value's words above its two bars: a narrow drawing that a phone shows near its
    // natural size, so the words stay about 14 px (never under 12) at 390 px.
    constexpr int bar_width = 270, value_width = 60, row_height = 56, top = 4;
    nlohmann::json rows = nlohmann::json::array();
    std::string description;
    int y = top;
    // The largest share spans the whole bar, so small differences stay visible.
    double largest = 0;
    for (const auto& r : d.rows) {
        if (all_total > 0) largest = std::max(largest, 1.0 * r.all / all_total);
        if (programme_total > 0) largest = std::max(largest, 1.0 * r.programme / programme_total);
    }
    for (const auto& r : d.rows) {
        if (r.all == 0 && r.programme == 0) continue;
        auto width = [&](int count, int total) {
            if (total <= 0 || largest <= 0) return 0;
            return static_cast<int>(std::lround(bar_width * (1.0 * count / total) / largest));
        };
        auto all_share = share_text(r.all, all_total);
        auto programme_share = share_text(r.programme, programme_total);
        rows.push_back({{"label", r.label},
                        {"all", r.all},
                        {"programme", r.programme},
                        {"all_share", all_share},
                        {"programme_share", programme_share},
                        {"label_y", y + 15},
                        {"all_y", y + 21},
                        {"programme_y", y + 36},
                        {"all_width", width(r.all, all_total)},
                        {"programme_width", width(r.programme, programme_total)},
                        {"all_text_x", width(r.all, all_total) + 4},
                        {"programme_text_x", width(r.programme, programme_total) + 4},
                        {"all_text_y", y + 32},
                        {"programme_text_y", y + 47}});
        description += (description.empty() ? "" : "; ") +
                       say("chart.share", {{"label", r.label},
                                           {"programme_share", programme_share},
                                           {"all_share", all_share}});
        y += row_height;
    }
    return {{"id", id},
            {"title", title},
            {"description",
             description.empty() ? say("site.no_people_counted_yet") : description + "."},
            {"width", bar_width + value_width},
            {"height", y + top},
            {"bar_x", 0},
            {"rows", rows},
            {"all_total", all_total},
            {"programme_total", programme_total}};
}

nlohmann::json share_chart(const std::string& id, const std::string& title,
                           const nlohmann::json& rows_in, const std::string& nothing,
                           const std::string& caption) {
    constexpr int bar_width = 230, value_width = 110, row_height = 40, top = 4;
    int largest = 0;
    for (const auto& r : rows_in) largest = std::max(largest, r["share_tenths"].get<int>());
    nlohmann::json rows = nlohmann::json::array();
    std::string description;
    int y = top;
    for (const auto& r : rows_in) {
        auto tenths = r["share_tenths"].get<int>();
        int width =
            largest > 0 ? static_cast<int>(std::lround(1.0 * bar_width * tenths / largest)) : 0;
        // A label longer than the drawing is cut; the table beside has it whole.
        rows.push_back({{"label", shortened(r["label"].get<std::string>(), 44)},
                        {"share", r["share"]},
                        {"label_y", y + 15},
                        {"bar_y", y + 21},
                        {"bar_width", width},
                        {"text_x", width + 4},
                        {"text_y", y + 32}});
        description += (description.empty() ? "" : "; ") +
                       say("chart.row_share", {{"label", r["label"].get<std::string>()},
                                               {"share", r["share"].get<std::string>()}});
        y += row_height;
    }
    return {{"id", id},
            {"title", title},
            {"description", description.empty() ? nothing : description + "."},
            {"caption", caption},
            {"width", bar_width + value_width},
            {"height", y + top},
            {"rows", rows}};
}

}  // namespace convene::web
