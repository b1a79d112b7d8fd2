#pragma once
// The MAG's decision on a proposal: accepted, accepted on conditions (with a due date),
// declined, moved to another theme, or offered a lightning talk; always with a reason.
// A conditional acceptance becomes accepted or declined when the Secretariat confirms it
// after its date. And the standard texts of the messages proposers receive.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/common/field_error.hpp"

namespace convene {

struct Decision {
    std::string kind;  // accepted, conditional, declined, moved, lightning
    std::string reason;
    std::vector<std::string> conditions;  // merge, speakers, diversity, other
    std::optional<long long> merge_with;  // a proposal number, for "merge"
    std::string condition_note;           // what exactly is asked
    std::string due_date;                 // YYYY-MM-DD (UTC), for conditional
    std::string new_theme;                // for moved
    std::string outcome;                  // conditional only: "", accepted, declined
};

struct DecisionKind {
    std::string code, label;
};
const std::vector<DecisionKind>& decision_kinds();
const std::vector<DecisionKind>& decision_conditions();
std::string decision_label(const std::string& kind);

// Reads the JSON shape (as the API takes it); errors name the member.
Decision decision_from_json(const nlohmann::json& j, FieldErrors& errors);
nlohmann::json to_json(const Decision& d);

// Checks a decision against the edition: the kind, a reason, the conditions and a due
// date for a conditional acceptance, a theme of the edition other than the current one
// for a move, a proposal of the edition to merge with.
FieldErrors check_decision(const Decision& d, const std::vector<std::string>& themes,
                           const std::string& current_theme,
                           const std::vector<long long>& proposal_numbers, long long own_number);

// Whether the session is in the programme: accepted, moved, and conditional unless it
// was confirmed declined. Lightning talks are listed apart.
bool in_programme(const Decision& d);
// What the decision is now: the conditional's outcome once confirmed.
std::string effective_kind(const Decision& d);

// The standard message texts, one per kind, with {{placeholders}}.
const std::map<std::string, std::string>& standard_decision_texts();
const std::vector<std::string>& decision_placeholders();
// Reads {kind: text}; unknown kinds, empty or over-long texts and unknown placeholders
// are named ("texts.declined").
// Texts not given keep those of `base`.
std::map<std::string, std::string> decision_texts_from_json(const nlohmann::json& j,
                                                            std::map<std::string, std::string> base,
                                                            FieldErrors& errors);
// A score in a reason, as the evaluation sheet rounds it: up to three decimals, at
// least one ("3.5", "4.0", "3.667").
std::string score_words(double score);

// Replaces each {{name}} by its value; unknown names are left as written.
std::string fill_text(const std::string& text, const std::map<std::string, std::string>& values);

}  // namespace convene
