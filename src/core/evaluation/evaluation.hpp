#pragma once
// The MAG's individual evaluation: the rules of the year's round (evaluations per
// proposal, scoring scheme, standard reasons, deadline with grace) and one member's
// evaluation of one proposal, checked against them. Times are UTC text; the caller
// passes "now".
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/common/field_error.hpp"
#include "core/evaluation/aggregation.hpp"

namespace convene {

struct EvaluationSettings {
    int per_proposal = 5;  // k
    int max_load = 0;      // 0: enough for every place, with a quarter to spare
    // "holistic": one score from 1 to 5; "criteria": one per criterion, combined by weight.
    std::string scheme = "holistic";
    std::vector<Criterion> criteria;   // used when the scheme is "criteria"
    std::vector<std::string> reasons;  // standard reasons offered for scores of 3 or less
    std::string deadline;              // UTC; empty until the Secretariat sets it
    int grace_minutes = 0;             // submissions still accepted this long after
    std::string closed_at;             // set when the Secretariat closes the round
};

// The standard reasons and the six criteria of 2018 (diversity not for flash sessions).
EvaluationSettings standard_evaluation_settings();
std::vector<Criterion> criteria_2018();

nlohmann::json to_json(const EvaluationSettings& s);
// Reads the members present over `base`; errors name the member at fault.
EvaluationSettings evaluation_settings_from_json(const nlohmann::json& j, EvaluationSettings base,
                                                 FieldErrors& errors);

// What a member scores for a proposal of this format: the criteria that apply, or the
// single holistic criterion "overall".
std::vector<Criterion> scored_criteria(const EvaluationSettings& s, const std::string& format);

struct Evaluation {
    std::vector<CriterionScore> scores;  // criterion code and 1 to 5
    // The standard reason chosen for each criterion scored 3 or less.
    std::vector<std::pair<std::string, std::string>> reasons;
    std::string comment;
    std::optional<std::int64_t> merge_with;  // the number of a proposal to merge with
};

// Reads {"scores": {code: n}, "reasons": {code: text}, "comment", "merge_with"};
// errors name the member ("scores.relevance").
Evaluation evaluation_from_json(const nlohmann::json& j, FieldErrors& errors);
nlohmann::json to_json(const Evaluation& e);

// Field names the form and the errors use: "score-relevance", "reason-relevance",
// "comment", "merge_with". A draft may leave scores out; a submission may not; a score
// outside 1-5 or an unknown criterion or reason is wrong in both.
FieldErrors check_evaluation(const EvaluationSettings& s, const Evaluation& e,
                             const std::string& format, bool submitting);

// The evaluation's score on the 1-5 scale: the holistic score or the weighted mean.
std::optional<double> evaluation_score(const EvaluationSettings& s, const Evaluation& e,
                                       const std::string& format);

enum class RoundState { open, grace, closed };
RoundState round_state(const EvaluationSettings& s, const std::string& now_utc);
std::string_view round_state_code(RoundState state);
// "Evaluations are due by 20 May 2027, 01:59 (Oslo time) · 23:59 UTC." and the like, in
// the venue's `zone` (IANA) and UTC.
std::string round_state_sentence(const EvaluationSettings& s, RoundState state,
                                 std::string_view zone);
// The UTC instant that sentence names ("" when none), for the reader's own time.
std::string round_state_instant(const EvaluationSettings& s, RoundState state);

}  // namespace convene
