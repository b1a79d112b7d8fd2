// The reports' statistics, public: per edition (/editions/{id}/reports/statistics) and
// across editions (/reports/statistics), and the same figures under /api/v1. The gender
// report card (women present, gender equality discussed) of the filed full reports and
// the imported ones, as bar charts with the numbers in tables beside them; the filing
// rate of the short and full reports (on time, late, missing, still due) and how many
// hours after the session's end they came (median, 90th percentile).
#include <cmath>
#include <string>

#include "core/common/messages.hpp"
#include "core/reports/statistics.hpp"
#include "store/editions/editions.hpp"
#include "store/reports/reminders.hpp"
#include "store/reports/reports.hpp"
#include "web/reports/handlers.hpp"
#include "web/site/charts.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

struct EditionFigures {
    int sessions = 0;
    std::vector<reports::FiledPart> short_parts, full_parts;
    reports::CardFigures card;
};

EditionFigures edition_figures(db::Connection& c, EditionId edition) {
    EditionFigures f;
    auto settings = store::report_settings(c, edition);
    for (const auto& s : store::reported_sessions(c, edition)) {
        ++f.sessions;
        auto due = reports::deadlines(s.end_utc, settings);
        f.short_parts.push_back({s.end_utc, due.short_due, s.short_filed_at, s.short_late});
        f.full_parts.push_back({s.end_utc, due.full_due, s.full_filed_at, s.full_late});
    }
    for (const auto& card : store::filed_report_cards(c, edition))
        f.card.add(card.women_present, card.gender_discussed, false);
    for (const auto& r : store::imported_reports(c, edition))
        f.card.add(r.women_present, r.gender_discussed, true);
    return f;
}

nlohmann::json nullable_percent(int p) {
    return p < 0 ? nlohmann::json(nullptr) : nlohmann::json(p);
}

nlohmann::json hours(const std::optional<double>& h) {
    return h ? nlohmann::json(std::round(*h * 10) / 10) : nlohmann::json(nullptr);
}

nlohmann::json filing_json(const reports::FilingFigures& f) {
    return {
        {"on_time", f.on_time},
        {"late", f.late},
        {"missing", f.missing},
        {"due", f.due},
        {"total", f.total()},
        {"on_time_percent", nullable_percent(f.on_time_percent())},
        {"late_percent", nullable_percent(f.late_percent())},
        {"missing_percent", nullable_percent(f.missing_percent())},
        {"delay_hours",
         {{"reports", f.timed}, {"median", hours(f.median_hours)}, {"p90", hours(f.p90_hours)}}}};
}

std::vector<std::string> with_not_given(const std::vector<std::string>& codes) {
    auto out = codes;
    out.push_back("not_given");
    return out;
}

nlohmann::json card_json(const reports::CardFigures& c) {
    nlohmann::json women = nlohmann::json::object(), discussed = nlohmann::json::object();
    for (const auto& code : with_not_given(reports::women_present_codes()))
        women[code] = c.women_present.count(code) ? c.women_present.at(code) : 0;
    for (const auto& code : with_not_given(reports::gender_discussed_codes()))
        discussed[code] = c.gender_discussed.count(code) ? c.gender_discussed.at(code) : 0;
    return {{"reports", c.reports},
            {"filed", c.filed},
            {"imported", c.imported},
            {"women_present", women},
            {"gender_discussed", discussed}};
}

nlohmann::json edition_json(const store::Edition& e, const EditionFigures& f,
                            const std::string& now) {
    return {{"edition", e.id},
            {"name", e.name},
            {"year", e.year},
            {"sessions", f.sessions},
            {"filing",
             {{"short", filing_json(reports::filing_figures(f.short_parts, now))},
              {"full", filing_json(reports::filing_figures(f.full_parts, now))}}},
            {"card", card_json(f.card)}};
}

// "42.5%" of a count in a total, and the tenths of a percent.
std::pair<std::string, int> share_of(int count, int total) {
    int tenths = total > 0 ? static_cast<int>(std::lround(1000.0 * count / total)) : 0;
    return {std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%", tenths};
}

std::string hours_text(const nlohmann::json& h) {
    if (h.is_null()) return say("reports.statistics.no_delay");
    auto tenths = std::lround(h.get<double>() * 10);
    return say("reports.statistics.hours",
               {{"hours", std::to_string(tenths / 10) + "." + std::to_string(tenths % 10)}});
}

// A chart and its table of one answer of the card, the answers in the card's order.
nlohmann::json card_dimension(const std::string& id, const std::string& title, const char* prefix,
                              const std::vector<std::string>& codes, const nlohmann::json& counts,
                              int total) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& code : codes) {
        auto count = counts.value(code, 0);
        if (code == "not_given" && count == 0) continue;
        auto [share, tenths] = share_of(count, total);
        rows.push_back({{"label", code_label(prefix, code)},
                        {"count", count},
                        {"share", share},
                        {"share_tenths", tenths}});
    }
    return {{"id", id},
            {"title", title},
            {"chart", share_chart(id, title, rows, say("reports.statistics.no_cards"),
                                  say("reports.statistics.card_caption", {{"title", title}}))},
            {"rows", rows}};
}

nlohmann::json card_view(const std::string& id, const nlohmann::json& card) {
    auto total = card["reports"].get<int>();
    return nlohmann::json::array(
        {card_dimension(id + "-women", say("reports.statistics.women_present"),
                        "reports.statistics.women.", with_not_given(reports::women_present_codes()),
                        card["women_present"], total),
         card_dimension(id + "-discussed", say("reports.statistics.gender_discussed"),
                        "reports.statistics.discussed.",
                        with_not_given(reports::gender_discussed_codes()), card["gender_discussed"],
                        total)});
}

nlohmann::json filing_view(const std::string& id, const char* part, const nlohmann::json& f) {
    auto title = say(std::string(part) == "short" ? "reports.statistics.short_filing"
                                                  : "reports.statistics.full_filing");
    int passed = f["on_time"].get<int>() + f["late"].get<int>() + f["missing"].get<int>();
    nlohmann::json rows = nlohmann::json::array();
    for (const char* status : {"on_time", "late", "missing"}) {
        auto count = f[status].get<int>();
        auto [share, tenths] = share_of(count, passed);
        rows.push_back({{"label", code_label("reports.statistics.status.", status)},
                        {"count", count},
                        {"share", share},
                        {"share_tenths", tenths}});
    }
    return {{"id", id + "-" + part},
            {"title", title},
            {"chart", share_chart(id + "-" + part, title, rows, say("reports.statistics.none_due"),
                                  say("reports.statistics.filing_caption", {{"title", title}}))},
            {"rows", rows},
            {"due", f["due"]},
            {"median", hours_text(f["delay_hours"]["median"])},
            {"p90", hours_text(f["delay_hours"]["p90"])},
            {"timed", f["delay_hours"]["reports"]}};
}

nlohmann::json across_json(Exchange& ex) {
    auto now = ex.now();
    nlohmann::json editions = nlohmann::json::array();
    EditionFigures all;
    for (const auto& e : store::list_editions(ex.db())) {
        auto f = edition_figures(ex.db(), e.id);
        if (f.sessions == 0 && f.card.reports == 0) continue;
        editions.push_back(edition_json(e, f, now));
        all.sessions += f.sessions;
        all.short_parts.insert(all.short_parts.end(), f.short_parts.begin(), f.short_parts.end());
        all.full_parts.insert(all.full_parts.end(), f.full_parts.begin(), f.full_parts.end());
        all.card.add(f.card);
    }
    return {{"editions", editions},
            {"all",
             {{"sessions", all.sessions},
              {"filing",
               {{"short", filing_json(reports::filing_figures(all.short_parts, now))},
                {"full", filing_json(reports::filing_figures(all.full_parts, now))}}},
              {"card", card_json(all.card)}}}};
}

}  // namespace

http::Response report_statistics_page(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto j = edition_json(e, edition_figures(ex.db(), e.id), ex.now());
    nlohmann::json view = {
        {"title", say("page.reports.statistics.title", {{"edition", e.name}})},
        {"edition", edition_view(e)},
        {"sessions", j["sessions"]},
        {"card", j["card"]},
        {"has_cards", j["card"]["reports"].get<int>() > 0},
        {"card_dimensions", card_view("card", j["card"])},
        {"filing", nlohmann::json::array({filing_view("filing", "short", j["filing"]["short"]),
                                          filing_view("filing", "full", j["filing"]["full"])})},
        {"across_url", "/reports/statistics"}};
    return ex.page("reports/statistics", view);
}

http::Response api_report_statistics(Exchange& ex) {
    auto e = edition_in_path(ex);
    return http::Response::json(edition_json(e, edition_figures(ex.db(), e.id), ex.now()));
}

http::Response reports_across_editions_page(Exchange& ex) {
    auto j = across_json(ex);
    nlohmann::json editions = nlohmann::json::array();
    for (const auto& e : j["editions"]) {
        const auto& full = e["filing"]["full"];
        auto percent = [](const nlohmann::json& p) {
            return p.is_null() ? std::string("–") : std::to_string(p.get<int>()) + "%";
        };
        nlohmann::json women = nlohmann::json::array();
        for (const auto& code : with_not_given(reports::women_present_codes()))
            women.push_back({{"count", e["card"]["women_present"].value(code, 0)}});
        editions.push_back(
            {{"name", e["name"]},
             {"url", "/editions/" + std::to_string(e["edition"].get<std::int64_t>()) +
                         "/reports/statistics"},
             {"sessions", e["sessions"]},
             {"on_time", percent(full["on_time_percent"])},
             {"late", percent(full["late_percent"])},
             {"missing", percent(full["missing_percent"])},
             {"median", hours_text(full["delay_hours"]["median"])},
             {"p90", hours_text(full["delay_hours"]["p90"])},
             {"cards", e["card"]["reports"]},
             {"women", women}});
    }
    nlohmann::json women_codes = nlohmann::json::array();
    for (const auto& code : with_not_given(reports::women_present_codes()))
        women_codes.push_back({{"label", code_label("reports.statistics.women.", code)}});
    const auto& all = j["all"];
    nlohmann::json view = {
        {"title", say("page.reports.across.title")},
        {"editions", editions},
        {"has_editions", !editions.empty()},
        {"women_codes", women_codes},
        {"has_cards", all["card"]["reports"].get<int>() > 0},
        {"card", all["card"]},
        {"card_dimensions", card_view("all-card", all["card"])},
        {"filing",
         nlohmann::json::array({filing_view("all-filing", "short", all["filing"]["short"]),
                                filing_view("all-filing", "full", all["filing"]["full"])})}};
    return ex.page("reports/across", view);
}

http::Response api_reports_across_editions(Exchange& ex) {
    return http::Response::json(across_json(ex));
}

}  // namespace convene::web
