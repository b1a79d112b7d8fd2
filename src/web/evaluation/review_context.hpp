#pragma once
// What the Secretariat reads beside a screening override or a decision: the proposal's
// summary, its scores and the evaluators' comments. Evaluators are anonymised as on the
// aggregation sheet ("Evaluator 1"): the Secretariat decides on the words, not the names.
#include <cstdint>
#include <nlohmann/json.hpp>

#include "store/editions/editions.hpp"

namespace convene::web {

class Exchange;

// {proposal, number, title, session_type_label, theme, format_label, excerpt, url,
//  assignment_url, scores: {count, mean, standard_deviation, has_scores,
//  evaluations: [{label, score, reasons, comment}]}}
nlohmann::json review_context(Exchange& ex, const store::Edition& e, ProposalId proposal);

}  // namespace convene::web
