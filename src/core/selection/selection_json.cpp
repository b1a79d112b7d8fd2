// The selection's JSON edge: the shape `convene select` reads and writes, which the
// Secretariat's rules and the stored selection keep too. Every reader names the member
// at fault; nothing else in the selection touches JSON.
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "core/common/field_error.hpp"
#include "core/common/messages.hpp"
#include "core/selection/selection.hpp"

namespace convene {

namespace {

[[noreturn]] void bad(const std::string& where, const std::string& what) {
    throw InputError(where, what);
}

std::string at(const std::string& list, std::size_t i) {
    return list + "[" + std::to_string(i) + "]";
}

// A whole number (1 or 1.0) or a non-empty text.
SelectionKey key_from_json(const nlohmann::json& j, const std::string& where) {
    if (j.is_number_integer()) return SelectionKey{j.get<long long>()};
    if (j.is_number_float()) {
        double x = j.get<double>();
        if (std::isfinite(x) && std::floor(x) == x && std::fabs(x) < 1e15)
            return SelectionKey{static_cast<long long>(x)};
    }
    if (j.is_string() && !j.get<std::string>().empty()) return SelectionKey{j.get<std::string>()};
    bad(where, say("selection.input.id"));
}

// A key as the reader wrote it, for messages: 9, "a".
std::string key_quoted(const SelectionKey& key) {
    return nlohmann::json(key).dump();
}

AttributeValue value_from_json(const nlohmann::json& j, const std::string& where) {
    if (j.is_boolean()) return {j.get<bool>()};
    if (j.is_number_integer()) return {j.get<long long>()};
    if (j.is_number_float() && std::isfinite(j.get<double>())) return {j.get<double>()};
    if (j.is_string()) return {j.get<std::string>()};
    bad(where, say("selection.input.attribute_value"));
}

std::optional<int> bound(const nlohmann::json& c, const char* name, const std::string& where) {
    if (!c.contains(name) || c[name].is_null()) return std::nullopt;
    if (!c[name].is_number_integer() || c[name].get<long long>() < 0 ||
        c[name].get<long long>() > 1000000)
        bad(where + "." + name, say("selection.input.bound"));
    return c[name].get<int>();
}

int count_in(const nlohmann::json& c, const char* name, const std::string& where, int lowest,
             const char* message) {
    if (!c[name].is_number_integer() || c[name].get<long long>() < lowest ||
        c[name].get<long long>() > 1000000)
        bad(where.empty() ? name : where + "." + name, say(message));
    return c[name].get<int>();
}

std::vector<SelectionKey> keys_in(const nlohmann::json& j, const char* name) {
    std::vector<SelectionKey> out;
    if (!j.contains(name) || j[name].is_null()) return out;
    if (!j[name].is_array()) bad(name, say("selection.input.id_list"));
    for (std::size_t i = 0; i < j[name].size(); ++i)
        out.push_back(key_from_json(j[name][i], at(name, i)));
    return out;
}

}  // namespace

SelectionRule selection_rule_from_json(const nlohmann::json& c, const std::string& where) {
    if (!c.is_object()) bad(where, say("selection.input.object"));
    SelectionRule rule;
    using Kind = SelectionRule::Kind;
    if (c.contains("slots")) {
        rule.kind = Kind::slots;
        rule.most = count_in(c, "slots", where, 0, "selection.input.slots");
        return rule;
    }
    if (c.contains("max_per_organisation")) {
        rule.kind = Kind::per_organisation;
        rule.most =
            count_in(c, "max_per_organisation", where, 1, "selection.input.max_per_organisation");
        if (c.contains("organisation") && c["organisation"].is_string())
            rule.organisation = c["organisation"];
        return rule;
    }
    for (auto [name, kind] :
         {std::pair{"forced_in", Kind::forced_in}, {"forced_out", Kind::forced_out}})
        if (c.contains(name)) {
            rule.kind = kind;
            rule.proposal = key_from_json(c[name], where + "." + name);
            return rule;
        }
    if (c.contains("theme")) {
        if (!c["theme"].is_string()) bad(where + ".theme", say("selection.input.text"));
        rule.theme = c["theme"];
    } else if (c.contains("attribute") && c["attribute"].is_string() &&
               !c["attribute"].get<std::string>().empty()) {
        rule.attribute = c["attribute"];
        if (!c.contains("value")) bad(where + ".value", say("selection.input.value_missing"));
        rule.value = value_from_json(c["value"], where + ".value");
    } else {
        bad(where, say("selection.input.neither_attribute_nor_theme"));
    }
    rule.min = bound(c, "min", where);
    rule.max = bound(c, "max", where);
    if (!rule.min && !rule.max) bad(where, say("selection.input.no_bound"));
    if (rule.min && rule.max && *rule.min > *rule.max)
        bad(where, say("selection.input.min_above_max"));
    return rule;
}

SelectionRules selection_rules_from_json(const nlohmann::json& j) {
    if (!j.is_object()) bad("rules", say("selection.input.instance"));
    SelectionRules rules;
    if (j.contains("max_per_organisation") && !j["max_per_organisation"].is_null())
        rules.max_per_organisation =
            count_in(j, "max_per_organisation", "", 1, "selection.input.max_per_organisation");
    if (j.contains("constraints") && !j["constraints"].is_null()) {
        if (!j["constraints"].is_array()) bad("constraints", say("selection.input.constraints"));
        for (std::size_t i = 0; i < j["constraints"].size(); ++i) {
            auto where = at("constraints", i);
            const auto& c = j["constraints"][i];
            // Only quotas are constraints; the other rules have members of their own.
            if (c.is_object() && (c.contains("slots") || c.contains("max_per_organisation") ||
                                  c.contains("forced_in") || c.contains("forced_out")))
                bad(where, say("selection.input.neither_attribute_nor_theme"));
            rules.quotas.push_back(selection_rule_from_json(c, where));
        }
    }
    rules.forced_in = keys_in(j, "forced_in");
    rules.forced_out = keys_in(j, "forced_out");
    if (j.contains("merged") && !j["merged"].is_null()) {
        if (!j["merged"].is_array()) bad("merged", say("selection.input.merged"));
        std::set<SelectionKey> paired;
        for (std::size_t i = 0; i < j["merged"].size(); ++i) {
            const auto& pair = j["merged"][i];
            auto where = at("merged", i);
            if (!pair.is_array() || pair.size() != 2) bad(where, say("selection.input.pair"));
            auto a = key_from_json(pair[0], where), b = key_from_json(pair[1], where);
            if (a == b) bad(where, say("selection.input.merged_with_itself"));
            for (const auto& id : {a, b})
                if (!paired.insert(id).second)
                    bad(where, say("selection.input.merged_twice", {{"id", to_string(id)}}));
            rules.merged.emplace_back(a, b);
        }
    }
    return rules;
}

void check_selection_keys(const SelectionInstance& in) {
    std::set<SelectionKey> ids;
    for (const auto& p : in.proposals) ids.insert(p.id);
    auto known = [&](const SelectionKey& id, const std::string& where) {
        if (!ids.count(id)) bad(where, say("selection.input.unknown_id", {{"id", key_quoted(id)}}));
    };
    for (std::size_t i = 0; i < in.rules.forced_in.size(); ++i)
        known(in.rules.forced_in[i], at("forced_in", i));
    for (std::size_t i = 0; i < in.rules.forced_out.size(); ++i)
        known(in.rules.forced_out[i], at("forced_out", i));
    for (std::size_t i = 0; i < in.rules.merged.size(); ++i) {
        known(in.rules.merged[i].first, at("merged", i));
        known(in.rules.merged[i].second, at("merged", i));
    }
}

SelectionInstance selection_instance_from_json(const nlohmann::json& j) {
    if (!j.is_object()) bad("instance", say("selection.input.instance"));
    SelectionInstance in;
    if (!j.contains("slots")) bad("slots", say("selection.input.slots"));
    in.slots = count_in(j, "slots", "", 0, "selection.input.slots");
    if (!j.contains("proposals") || !j["proposals"].is_array())
        bad("proposals", say("selection.input.proposals"));
    std::set<SelectionKey> ids;
    for (std::size_t i = 0; i < j["proposals"].size(); ++i) {
        const auto& p = j["proposals"][i];
        auto where = at("proposals", i);
        if (!p.is_object()) bad(where, say("selection.input.object"));
        SelectionInstance::Proposal proposal;
        proposal.id = key_from_json(p.contains("id") ? p["id"] : nlohmann::json(), where + ".id");
        if (!ids.insert(proposal.id).second)
            bad(where + ".id", say("selection.input.id_twice", {{"id", to_string(proposal.id)}}));
        if (!p.contains("score") || !p["score"].is_number() ||
            !std::isfinite(p["score"].get<double>()))
            bad(where + ".score", say("selection.input.score"));
        proposal.score = p["score"].get<double>();
        for (const char* name : {"theme", "organisation"})
            if (p.contains(name) && !p[name].is_null()) {
                if (!p[name].is_string()) bad(where + "." + name, say("selection.input.text"));
                (std::string(name) == "theme" ? proposal.theme : proposal.organisation) = p[name];
            }
        if (p.contains("attributes") && !p["attributes"].is_null()) {
            if (!p["attributes"].is_object())
                bad(where + ".attributes", say("selection.input.object"));
            for (const auto& [name, value] : p["attributes"].items())
                proposal.attributes.emplace_back(
                    name, value_from_json(value, where + ".attributes." + name));
        }
        in.proposals.push_back(std::move(proposal));
    }
    in.rules = selection_rules_from_json(j);
    check_selection_keys(in);
    return in;
}

std::vector<SelectionCause> selection_causes_from_json(const nlohmann::json& j) {
    using Kind = SelectionCause::Kind;
    static const std::vector<std::pair<std::string, Kind>> kinds = {
        {"forced_in", Kind::forced_in},   {"forced_out", Kind::forced_out},
        {"needed_for", Kind::needed_for}, {"held_back_by", Kind::held_back_by},
        {"freed", Kind::freed},           {"displaced", Kind::displaced}};
    std::vector<SelectionCause> out;
    if (!j.is_array()) return out;
    for (std::size_t i = 0; i < j.size(); ++i) {
        const auto& c = j[i];
        if (!c.is_object() || !c.contains("cause") || !c["cause"].is_string()) continue;
        for (const auto& [name, kind] : kinds)
            if (c["cause"] == name) {
                SelectionCause cause{kind, std::nullopt};
                if (c.contains("rule")) cause.rule = selection_rule_from_json(c["rule"], "rule");
                out.push_back(std::move(cause));
            }
    }
    return out;
}

void to_json(nlohmann::json& j, const SelectionKey& key) {
    if (key.is_number())
        j = key.number();
    else
        j = std::get<std::string>(key.value);
}

void to_json(nlohmann::json& j, const AttributeValue& value) {
    std::visit([&](const auto& x) { j = x; }, value.value);
}

void to_json(nlohmann::json& j, const SelectionRule& rule) {
    using Kind = SelectionRule::Kind;
    switch (rule.kind) {
        case Kind::slots:
            j = {{"slots", rule.most}};
            return;
        case Kind::per_organisation:
            j = {{"max_per_organisation", rule.most}};
            if (!rule.organisation.empty()) j["organisation"] = rule.organisation;
            return;
        case Kind::forced_in:
        case Kind::forced_out:
            j = {{rule.kind == Kind::forced_in ? "forced_in" : "forced_out", rule.proposal}};
            return;
        case Kind::quota:
            break;
    }
    if (rule.attribute.empty())
        j = {{"theme", rule.theme}};
    else
        j = {{"attribute", rule.attribute}, {"value", rule.value}};
    if (rule.min) j["min"] = *rule.min;
    if (rule.max) j["max"] = *rule.max;
}

void to_json(nlohmann::json& j, const SelectionRules& rules) {
    nlohmann::json merged = nlohmann::json::array();
    for (const auto& [a, b] : rules.merged) merged.push_back({a, b});
    j = {{"constraints", rules.quotas},
         {"forced_in", rules.forced_in},
         {"forced_out", rules.forced_out},
         {"merged", merged}};
    if (rules.max_per_organisation) j["max_per_organisation"] = *rules.max_per_organisation;
}

void to_json(nlohmann::json& j, const SelectionCause& cause) {
    static const char* names[] = {"forced_in",    "forced_out", "needed_for",
                                  "held_back_by", "freed",      "displaced"};
    j = {{"cause", names[static_cast<int>(cause.kind)]}};
    if (cause.rule) j["rule"] = *cause.rule;
}

void to_json(nlohmann::json& j, const BindingRule& b) {
    j = {{"constraint", b.rule},
         {"words", selection_rule_words(b.rule)},
         {"selected", b.selected},
         {"at", b.at_min ? "min" : "max"}};
}

nlohmann::json to_json(const SelectionInstance& in) {
    nlohmann::json j = in.rules;
    j["slots"] = in.slots;
    j["proposals"] = nlohmann::json::array();
    for (const auto& p : in.proposals) {
        nlohmann::json attributes = nlohmann::json::object();
        for (const auto& [name, value] : p.attributes) attributes[name] = value;
        j["proposals"].push_back({{"id", p.id},
                                  {"score", p.score},
                                  {"theme", p.theme},
                                  {"organisation", p.organisation},
                                  {"attributes", attributes}});
    }
    return j;
}

nlohmann::json to_json(const SelectionResult& r) {
    if (!r.feasible) return {{"infeasible", r.infeasible}};
    nlohmann::json why = nlohmann::json::object();
    for (const auto& [key, causes] : r.causes) why[to_string(key)] = cause_words(causes);
    return {{"selected", r.selected},
            {"total_score", r.total_score},
            {"binding", r.binding},
            {"versus_cutoff", {{"entered", r.entered}, {"left", r.left}, {"why", why}}}};
}

}  // namespace convene
