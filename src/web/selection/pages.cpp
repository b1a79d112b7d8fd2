// The selection page: its rules, running it, and its explanation.
#include <cmath>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/people/country.hpp"
#include "core/people/people.hpp"
#include "http/error.hpp"
#include "web/selection/actions.hpp"
#include "web/selection/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"
#include "web/synthesis/actions.hpp"

namespace convene::web {

namespace {

// The rules form: one field per rule the MAG usually sets, read back from the stored
// constraints.
struct RuleField {
    std::string name, label, attribute;
    AttributeValue value;
};

std::vector<RuleField> rule_fields() {
    std::vector<RuleField> out = {
        {"developing_min", say("selection.rule.developing_min"), "developing", {true}},
        {"first_time_min", say("selection.rule.first_time_min"), "first_time", {true}}};
    for (const char* code : {"african", "asia_pacific", "eastern_european", "grulac", "weog"})
        out.push_back({std::string("region_") + code,
                       say("selection.rule.region_min", {{"region", regional_group_label(code)}}),
                       "regional_group",
                       {std::string(code)}});
    for (const auto& g : stakeholder_groups())
        out.push_back({"group_" + std::string(g.code),
                       say("selection.rule.group_min", {{"group", g.label}}),
                       "stakeholder_group",
                       {std::string(g.code)}});
    return out;
}

std::string numbers_text(const std::vector<SelectionKey>& list) {
    std::string out;
    for (const auto& n : list) out += (out.empty() ? "" : ", ") + to_string(n);
    return out;
}

nlohmann::json numbers_in(const std::string& typed, const std::string& field, FieldErrors& errors) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : split_items(typed, ",;+& \n")) {
        auto n = number_or_text(item);
        if (!n.is_number_integer()) {
            errors.push_back({field, say("selection.not_a_proposal_number", {{"item", item}})});
            continue;
        }
        out.push_back(n);
    }
    return out;
}

http::Response selection_page_with(Exchange& ex, const store::Edition& e, const http::Form* entered,
                                   const FieldErrors& errors, int status,
                                   const FieldErrors& conflicting = {}) {
    auto s = store::synthesis_settings(ex.db(), e.id);
    const auto& rules = s.rules;
    auto stored_min = [&](const std::string& attribute, const AttributeValue& value) {
        for (const auto& c : rules.quotas)
            if (c.attribute == attribute && c.value == value && c.min)
                return std::to_string(*c.min);
        return std::string();
    };
    auto value = [&](const std::string& name, const std::string& stored) {
        return entered ? entered->get(name) : stored;
    };
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& r : rule_fields())
        fields.push_back(field_view(
            r.name, r.label, value(r.name, stored_min(r.attribute, r.value)), errors, "text"));
    std::string theme_max;
    for (const auto& c : rules.quotas)
        if (c.attribute.empty() && c.max) theme_max = std::to_string(*c.max);
    std::string merged;
    for (const auto& [first, second] : rules.merged)
        merged += to_string(first) + " + " + to_string(second) + "\n";
    nlohmann::json other = {
        field_view("theme_max", say("selection.theme_max"), value("theme_max", theme_max), errors,
                   "text"),
        field_view(
            "max_per_organisation", say("selection.max_per_organisation"),
            value("max_per_organisation",
                  rules.max_per_organisation ? std::to_string(*rules.max_per_organisation) : ""),
            errors, "text", false, say("selection.max_per_organisation_hint")),
        field_view("forced_in", say("selection.forced_in"),
                   value("forced_in", numbers_text(rules.forced_in)), errors, "text"),
        field_view("forced_out", say("selection.forced_out"),
                   value("forced_out", numbers_text(rules.forced_out)), errors, "text"),
        field_view("merged", say("selection.merged"), value("merged", merged), errors, "textarea",
                   false, say("selection.merged_hint"))};
    auto selection = selection_view(ex, e);
    nlohmann::json conflicts = nlohmann::json::array();
    for (const auto& c : conflicting) conflicts.push_back(c.message);
    nlohmann::json view = {{"title", say("page.selection.title", {{"edition", e.name}})},
                           {"edition", edition_view(e)},
                           {"url", edition_url(e)},
                           {"slots", s.plan.workshop_slots()},
                           {"rule_fields", fields},
                           {"other_fields", other},
                           {"selection", selection},
                           {"has_selection", !selection.is_null()},
                           {"conflicts", conflicts},
                           {"has_conflicts", !conflicts.empty()},
                           {"errors", error_summary(errors)},
                           {"has_errors", !errors.empty()}};
    if (!selection.is_null()) {
        view["made"] = time_view(selection["made_at"].get<std::string>(), e.time_zone);
        view["has_entered"] = !selection["entered"].empty();
        view["has_left"] = !selection["left"].empty();
        view["has_binding"] = !selection["binding"].empty();
    }
    return ex.page("selection/selection", view, status);
}

}  // namespace

http::Response selection_page(Exchange& ex) {
    auto e = managed_edition(ex);
    return selection_page_with(ex, e, nullptr, {}, 200);
}

http::Response selection_rules_update(Exchange& ex) {
    auto e = managed_edition(ex);
    const auto& f = ex.form();
    auto s = store::synthesis_settings(ex.db(), e.id);
    FieldErrors errors;
    nlohmann::json constraints = nlohmann::json::array();
    for (const auto& r : rule_fields()) {
        auto typed = trim(f.get(r.name));
        if (typed.empty()) continue;
        nlohmann::json n;
        if (r.name == "first_time_min" && typed.back() == '%') {
            auto share = number_or_text(typed.substr(0, typed.size() - 1));
            if (share.is_number_integer() && share.get<long long>() >= 0 &&
                share.get<long long>() <= 100)
                n = static_cast<long long>(
                    std::ceil(share.get<long long>() / 100.0 * s.plan.workshop_slots()));
        } else {
            n = number_or_text(typed);
        }
        if (!n.is_number_integer() || n.get<long long>() < 0) {
            errors.push_back(
                {r.name, say(r.name == "first_time_min" ? "selection.rule.whole_number_or_share"
                                                        : "selection.rule.whole_number")});
            continue;
        }
        if (n.get<long long>() > 0)
            constraints.push_back({{"attribute", r.attribute}, {"value", r.value}, {"min", n}});
    }
    auto theme_max = number_or_text(f.get("theme_max"));
    if (!theme_max.is_null()) {
        if (!theme_max.is_number_integer() || theme_max.get<long long>() < 0 ||
            theme_max.get<long long>() > 1000000)
            errors.push_back({"theme_max", say("selection.theme_max_invalid")});
        else
            for (const auto& t : store::list_themes(ex.db(), e.id))
                constraints.push_back({{"theme", t.name}, {"max", theme_max}});
    }
    nlohmann::json rules = {{"constraints", constraints}};
    auto per_org = number_or_text(f.get("max_per_organisation"));
    if (!per_org.is_null()) {
        if (!per_org.is_number_integer() || per_org.get<long long>() < 1 ||
            per_org.get<long long>() > 1000000)
            errors.push_back(
                {"max_per_organisation", say("selection.max_per_organisation_invalid")});
        else
            rules["max_per_organisation"] = per_org;
    }
    rules["forced_in"] = numbers_in(f.get("forced_in"), "forced_in", errors);
    rules["forced_out"] = numbers_in(f.get("forced_out"), "forced_out", errors);
    nlohmann::json merged = nlohmann::json::array();
    for (const auto& line : split_items(f.get("merged"), "\n")) {
        auto pair = numbers_in(line, "merged", errors);
        if (pair.size() != 2)
            errors.push_back({"merged", say("selection.merged_invalid", {{"line", line}})});
        else
            merged.push_back(pair);
    }
    rules["merged"] = merged;
    if (errors.empty()) {
        try {
            auto saved = synthesis_settings_in_body(ex, e, {{"rules", rules}});
            store::set_synthesis_settings(ex.db(), e.id, saved);
            ex.audit("selection.rules", "edition " + to_string(e.id), rules);
            return http::Response::redirect(edition_url(e) + "/selection#rules");
        } catch (const http::Error& err) {
            if (err.status() != 422) throw;
            for (auto fe : form_field_errors(err.fields())) {  // forced_in[0] -> forced_in
                if (fe.field == "constraints") fe.field = "theme_max";
                errors.push_back(fe);
            }
        }
    }
    return selection_page_with(ex, e, &f, errors, 422);
}

http::Response selection_make(Exchange& ex) {
    auto e = managed_edition(ex);
    try {
        make_selection(ex, e);
    } catch (const http::Error& err) {
        if (err.status() != 422) throw;
        return selection_page_with(ex, e, nullptr, {}, 422, err.fields());
    }
    return http::Response::redirect(edition_url(e) + "/selection#result");
}

}  // namespace convene::web
