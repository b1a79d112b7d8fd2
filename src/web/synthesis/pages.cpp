// The synthesis pages: slots and cut-off, the ranking, diversity, diversity per theme.
#include <cmath>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/people/country.hpp"
#include "core/people/people.hpp"
#include "http/error.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"
#include "web/synthesis/actions.hpp"
#include "web/synthesis/handlers.hpp"

namespace convene::web {

namespace {

http::Response synthesis_page_with(Exchange& ex, const store::Edition& e, const http::Form* entered,
                                   const FieldErrors& errors, int status) {
    auto view = synthesis_view(ex, e);
    const auto& plan = view["plan"];
    auto value = [&](const std::string& name, const nlohmann::json& stored) {
        return entered ? entered->get(name) : stored.dump();
    };
    nlohmann::json fields = {
        field_view("streams", say("synthesis.streams"), value("streams", plan["streams"]), errors,
                   "number", true, say("synthesis.streams_hint")),
        field_view("slots_per_day", say("synthesis.slots_per_day"),
                   value("slots_per_day", plan["slots_per_day"]), errors, "number", true),
        field_view("days", say("synthesis.days"), value("days", plan["days"]), errors, "number",
                   true)};
    nlohmann::json reserved = nlohmann::json::array();
    for (const auto& r : view["reserved"]) {
        auto name = "reserved." + r["code"].get<std::string>();
        reserved.push_back(field_view(name, r["label"], value(name, r["count"]), errors, "number"));
    }
    auto rank_by = entered ? entered->get("rank_by") : view["rank_by"].get<std::string>();
    nlohmann::json rank_field =
        field_view("rank_by", say("synthesis.rank_by"), rank_by, errors, "select");
    rank_field["options"] = options_view({{"mean", say("synthesis.rank.mean")},
                                          {"median", say("synthesis.rank.median")},
                                          {"normalised", say("synthesis.rank.normalised")}},
                                         rank_by);
    // The ranking down to ten places past the cut-off; the sheet has the rest.
    nlohmann::json shown = nlohmann::json::array();
    const int slots = view["workshop_slots"];
    for (const auto& r : view["ranking"]) {
        if (static_cast<int>(shown.size()) >= slots + 10) break;
        shown.push_back(r);
    }
    view["ranking_shown"] = shown;
    view["more_ranked"] = view["ranking"].size() > shown.size();
    view.erase("ranking");
    view["title"] = say("page.synthesis.title", {{"edition", e.name}});
    view["edition"] = edition_view(e);
    view["url"] = edition_url(e);
    view["plan_fields"] = fields;
    view["reserved_fields"] = reserved;
    view["rank_field"] = rank_field;
    view["has_cutoff"] = !view["cutoff"].is_null();
    view["has_gaps"] = !view["gaps"].empty();
    view["has_mergers"] = !view["mergers"]["pairs"].empty();
    view["has_marks"] = !view["mergers"]["evaluator_marks"].empty();
    view["has_clusters"] = !view["mergers"]["clusters"].empty();
    view["errors"] = error_summary(errors);
    view["has_errors"] = !errors.empty();
    view["saved"] = ex.request.query_param("saved") == "plan";
    return ex.page("synthesis/synthesis", view, status);
}

}  // namespace

http::Response synthesis_page(Exchange& ex) {
    auto e = managed_edition(ex);
    return synthesis_page_with(ex, e, nullptr, {}, 200);
}

http::Response synthesis_plan_update(Exchange& ex) {
    auto e = managed_edition(ex);
    const auto& f = ex.form();
    nlohmann::json plan = {{"streams", number_or_text(f.get("streams"))},
                           {"slots_per_day", number_or_text(f.get("slots_per_day"))},
                           {"days", number_or_text(f.get("days"))},
                           {"reserved", nlohmann::json::object()}};
    for (const auto& k : reserved_session_kinds())
        plan["reserved"][k.code] = number_or_text(f.get("reserved." + k.code)).is_null()
                                       ? nlohmann::json(0)
                                       : number_or_text(f.get("reserved." + k.code));
    for (const char* required : {"streams", "slots_per_day", "days"})
        if (plan[required].is_null()) plan[required] = "";
    try {
        auto s = synthesis_settings_in_body(ex, e, {{"plan", plan}, {"rank_by", f.get("rank_by")}});
        store::set_synthesis_settings(ex.db(), e.id, s);
        ex.audit("synthesis.plan", "edition " + to_string(e.id), to_json(s.plan));
    } catch (const http::Error& err) {
        if (err.status() != 422) throw;
        return synthesis_page_with(ex, e, &f, err.fields(), 422);
    }
    return http::Response::redirect(edition_url(e) + "/synthesis?saved=plan#slots");
}

http::Response synthesis_themes_page(Exchange& ex) {
    auto e = managed_edition(ex);
    auto view = theme_diversity_view(ex, e);
    view["title"] = say("page.synthesis.themes.title", {{"edition", e.name}});
    view["edition"] = edition_view(e);
    view["url"] = edition_url(e);
    return ex.page("synthesis/synthesis_themes", view);
}

}  // namespace convene::web
