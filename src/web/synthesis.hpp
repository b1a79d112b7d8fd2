#pragma once
// What the Secretariat and the MAG do from the closed evaluation round to the published
// programme, shared by the pages and the API: the synthesis (slots, cut-off, ranking,
// diversity, merger candidates), the selection under quotas, the decisions with their
// messages, and the public results and transparency report.
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

#include "core/aggregation.hpp"
#include "store/decisions.hpp"
#include "store/editions.hpp"
#include "store/synthesis.hpp"

namespace convene::web {

class Exchange;

// The settings from a JSON body over the stored ones; 422 naming the member.
store::SynthesisSettings synthesis_settings_in_body(Exchange& ex, const store::Edition& e,
                                                    const nlohmann::json& body);

// The edition's submitted proposals with their people (kept until the data changes).
std::shared_ptr<const std::vector<ProgrammeProposal>> edition_proposals(Exchange& ex,
                                                                        const store::Edition& e);

// Proposals with scores, ranked by the settings' measure: {proposal, number, title,
// theme, count, mean, median, standard_deviation, normalised, score, divided}.
nlohmann::json ranking(Exchange& ex, const store::Edition& e, const store::SynthesisSettings& s);

// The draft programme: the decisions when there are any, else the last selection, else
// the plain cut-off. {"source": "decisions"|"selection"|"cutoff", "ids": [...]}
struct DraftProgramme {
    std::string source;
    std::set<std::string> ids;  // proposal ids
};
DraftProgramme draft_programme(Exchange& ex, const store::Edition& e,
                               const store::SynthesisSettings& s, const nlohmann::json& ranked);

// The whole synthesis page's data (also GET /api/v1/editions/{e}/synthesis).
nlohmann::json synthesis_view(Exchange& ex, const store::Edition& e);
// Diversity per theme, with charts.
nlohmann::json theme_diversity_view(Exchange& ex, const store::Edition& e);
// Merger candidates: similar texts (cached per edition until a proposal changes) and
// the evaluators' "should merge with" marks. At most `limit` pairs.
nlohmann::json merger_candidates(Exchange& ex, const store::Edition& e, std::size_t limit);

// The instance `convene select` would read, proposals named by number.
nlohmann::json selection_instance(Exchange& ex, const store::Edition& e,
                                  const store::SynthesisSettings& s);
// Runs and stores the selection; when the rules cannot all hold, 422 naming them and
// nothing is stored.
nlohmann::json make_selection(Exchange& ex, const store::Edition& e);
// The stored selection with its explanation in words; null when none was made.
nlohmann::json selection_view(Exchange& ex, const store::Edition& e);

// A proposal of the edition in the path (404 otherwise).
struct DecisionTarget {
    store::Edition edition;
    std::int64_t proposal = 0;
    store::StoredDecision stored;  // version 0: none yet
};
DecisionTarget decision_target(Exchange& ex, std::int64_t proposal);
// Saves over the version the form was opened at; 422 naming the field, 409 when
// somebody saved since (the detail says who won). Returns the new version.
std::int64_t record_decision(Exchange& ex, const DecisionTarget& t, const Decision& d,
                             std::int64_t expected_version);
// Confirms a conditional acceptance after its due date: accepted or declined.
std::int64_t confirm_decision(Exchange& ex, const DecisionTarget& t, const std::string& outcome,
                              std::int64_t expected_version);
// Records accepted / declined for every scored proposal without a decision, from the
// stored selection; returns how many were recorded.
int decide_from_selection(Exchange& ex, const store::Edition& e);
// The decisions list with the speaker rule's violations (page and API).
nlohmann::json decisions_view(Exchange& ex, const store::Edition& e);
// Queues one message per recipient and decision version; a second send queues nothing
// new. {"queued": n, "already_sent": m}
nlohmann::json send_decision_messages(Exchange& ex, const store::Edition& e);

// Public once published; the Secretariat sees a preview before. 404 otherwise.
nlohmann::json results_view(Exchange& ex, const store::Edition& e);
nlohmann::json transparency_view(Exchange& ex, const store::Edition& e);
void publish_results(Exchange& ex, const store::Edition& e, bool publish);

}  // namespace convene::web
