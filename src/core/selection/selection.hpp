#pragma once
// The selection of workshops under quotas, exact: an integer program (CBC) picks the set
// of units that maximises the total score within the slots and the constraints, and
// explains it (which constraints bind, what entered or left compared with the plain
// cut-off), or names the constraints that cannot hold together.
//
// A unit is a proposal outside any merged pair, or a merged pair: its score is the mean
// of its members' scores, its theme and organisation those of its first member, and it
// has an attribute value when either member has it. At most `slots` units are chosen;
// each constraint bounds the number of chosen units with its attribute value (or theme);
// forced units are in or out; at most `max_per_organisation` units per organisation.
// Scores count to 1/10000. Among selections of equal total score, the one whose units
// have the lower ids is chosen (the sum of the units' places in id order is smallest),
// and the plain cut-off ranks by score, then lower id.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace convene {

struct SelectionInstance {
    struct Proposal {
        nlohmann::json id;  // a number or a text, given back as given
        double score = 0;
        std::string theme, organisation;
        nlohmann::json attributes = nlohmann::json::object();  // name -> value
    };
    struct Constraint {
        std::string attribute;  // empty for a theme constraint
        nlohmann::json value;
        std::string theme;
        std::optional<int> min, max;
        nlohmann::json given;  // the constraint as written, for reports
    };
    int slots = 0;
    std::optional<int> max_per_organisation;
    std::vector<Proposal> proposals;
    std::vector<Constraint> constraints;
    std::vector<nlohmann::json> forced_in, forced_out;
    std::vector<std::pair<nlohmann::json, nlohmann::json>> merged;
};

// Reads the JSON shape of `convene select`; throws InputError naming the member at
// fault: field "proposals[3].score", message "must be a number".
SelectionInstance selection_instance_from_json(const nlohmann::json& j);

struct SelectionResult {
    bool feasible = true;
    std::vector<nlohmann::json> selected;              // proposal ids, both members of chosen pairs
    double total_score = 0;                            // the sum of the chosen units' scores
    nlohmann::json binding = nlohmann::json::array();  // constraints at a bound
    std::vector<nlohmann::json> entered, left;         // versus the plain cut-off
    nlohmann::json why = nlohmann::json::object();     // id -> sentences
    // id -> the same reasons as data, for texts written elsewhere (decision reasons):
    // [{"cause": forced_in | forced_out | needed_for | held_back_by | freed | displaced,
    //   "rule": the rule as given, for needed_for and held_back_by}]
    nlohmann::json causes = nlohmann::json::object();
    // When infeasible: a smallest set of constraints that cannot all hold (removing any
    // one of them makes the rest satisfiable).
    nlohmann::json infeasible = nlohmann::json::array();
};

SelectionResult select_proposals(const SelectionInstance& instance);
nlohmann::json to_json(const SelectionResult& result);

// A rule of the selection (a constraint as given, {"slots": n}, {"max_per_organisation":
// 1, "organisation": o}, {"forced_in": id}) in words: "at least 40 from developing
// countries", "at most 1 per organisation (ISOC)".
std::string selection_rule_words(const nlohmann::json& rule);

}  // namespace convene
