#pragma once
// The selection of workshops under quotas, exact: an integer program (CBC) picks the set
// of units that maximises the total score within the slots and the rules, and explains
// it (which rules bind, what entered or left compared with the plain cut-off), or names
// the rules that cannot hold together.
//
// A unit is a proposal outside any merged pair, or a merged pair: its score is the mean
// of its members' scores, its theme and organisation those of its first member, and it
// has an attribute value when either member has it. At most `slots` units are chosen;
// each quota bounds the number of chosen units with its attribute value (or theme);
// forced units are in or out; at most `max_per_organisation` units per organisation.
// Scores count to 1/10000. Among selections of equal total score, the one whose units
// have the lower keys is chosen (the sum of the units' places in key order is smallest),
// and the plain cut-off ranks by score, then lower key.
//
// JSON (the shape of `convene select`) is read and written only in selection_json.cpp.
#include <compare>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace convene {

// A proposal's name in a selection: its number in the database, or a text in files.
// Numbers come before texts, numbers by value, texts by text.
struct SelectionKey {
    std::variant<long long, std::string> value;
    SelectionKey() = default;
    SelectionKey(long long number) : value(number) {}  // NOLINT: numbers are keys
    SelectionKey(std::string text) : value(std::move(text)) {}
    auto operator<=>(const SelectionKey&) const = default;
    bool is_number() const { return value.index() == 0; }
    long long number() const { return std::get<long long>(value); }
};
std::string to_string(const SelectionKey& key);

// The value of a proposal's attribute ("developing": true, "regional_group": "african").
struct AttributeValue {
    std::variant<bool, long long, double, std::string> value;
    auto operator<=>(const AttributeValue&) const = default;
};

// One rule a selection runs under, as the Secretariat set it.
struct SelectionRule {
    enum class Kind { slots, quota, per_organisation, forced_in, forced_out };
    Kind kind = Kind::quota;
    // quota: chosen units with the attribute's value (or in the theme, when attribute is
    // empty) number at least min and at most max.
    std::string attribute;
    AttributeValue value;
    std::string theme;
    std::optional<int> min, max;
    int most = 0;              // slots, per_organisation
    std::string organisation;  // per_organisation, once the selection names one
    SelectionKey proposal;     // forced_in, forced_out
    bool operator==(const SelectionRule&) const = default;
};

// The rules the MAG sets besides the slots.
struct SelectionRules {
    std::optional<int> max_per_organisation;
    std::vector<SelectionRule> quotas;
    std::vector<SelectionKey> forced_in, forced_out;
    std::vector<std::pair<SelectionKey, SelectionKey>> merged;
    bool operator==(const SelectionRules&) const = default;
};

struct SelectionInstance {
    struct Proposal {
        SelectionKey id;
        double score = 0;
        std::string theme, organisation;
        std::vector<std::pair<std::string, AttributeValue>> attributes;
    };
    int slots = 0;
    std::vector<Proposal> proposals;
    SelectionRules rules;
};

// Why a unit entered or left versus the plain cut-off.
struct SelectionCause {
    enum class Kind { forced_in, forced_out, needed_for, held_back_by, freed, displaced };
    Kind kind = Kind::freed;
    std::optional<SelectionRule> rule;  // needed_for, held_back_by
    bool operator==(const SelectionCause&) const = default;
};

// A rule at its bound in the chosen selection.
struct BindingRule {
    SelectionRule rule;
    int selected = 0;  // chosen units it counts
    bool at_min = false;
    bool operator==(const BindingRule&) const = default;
};

struct SelectionResult {
    bool feasible = true;
    std::vector<SelectionKey> selected;  // both members of chosen pairs, in key order
    double total_score = 0;              // the sum of the chosen units' scores
    std::vector<BindingRule> binding;
    std::vector<SelectionKey> entered, left;                     // versus the plain cut-off
    std::map<SelectionKey, std::vector<SelectionCause>> causes;  // of each entered or left
    // When infeasible: a smallest set of rules that cannot all hold (removing any one of
    // them makes the rest satisfiable).
    std::vector<SelectionRule> infeasible;
};

SelectionResult select_proposals(const SelectionInstance& instance);

// A rule in words: "at least 40 from developing countries", "at most 1 per organisation
// (ISOC)".
std::string selection_rule_words(const SelectionRule& rule);
// Why a proposal entered or left, one sentence per cause: "forced in by the MAG".
std::vector<std::string> cause_words(const std::vector<SelectionCause>& causes);

// JSON at the edges (selection_json.cpp). The readers throw InputError naming the member
// at fault: field "proposals[3].score", message "must be a number".
SelectionInstance selection_instance_from_json(const nlohmann::json& j);
// Throws InputError when a forced or merged key names no proposal of the instance.
void check_selection_keys(const SelectionInstance& instance);
nlohmann::json to_json(const SelectionInstance& instance);
SelectionRules selection_rules_from_json(const nlohmann::json& j);
SelectionRule selection_rule_from_json(const nlohmann::json& j, const std::string& where);
std::vector<SelectionCause> selection_causes_from_json(const nlohmann::json& j);
void to_json(nlohmann::json& j, const SelectionKey& key);
void to_json(nlohmann::json& j, const AttributeValue& value);
void to_json(nlohmann::json& j, const SelectionRule& rule);
void to_json(nlohmann::json& j, const SelectionRules& rules);
void to_json(nlohmann::json& j, const SelectionCause& cause);
void to_json(nlohmann::json& j, const BindingRule& binding);
nlohmann::json to_json(const SelectionResult& result);

}  // namespace convene
