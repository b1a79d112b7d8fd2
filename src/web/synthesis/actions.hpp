#pragma once
// What the Secretariat does after the evaluation round closes, shared by the pages and
// the API: the synthesis the MAG meets on (slots, cut-off, ranking, diversity, merger
// candidates) and the draft programme the later stages start from.
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/evaluation/aggregation.hpp"
#include "store/decisions/decisions.hpp"
#include "store/editions/editions.hpp"
#include "store/synthesis/synthesis.hpp"

namespace convene::web {

class Exchange;

// The settings from a JSON body over the stored ones; 422 naming the member.
store::SynthesisSettings synthesis_settings_in_body(Exchange& ex, const store::Edition& e,
                                                    const nlohmann::json& body);

// The edition's submitted proposals with their people (kept until the data changes).
std::shared_ptr<const std::vector<ProgrammeProposal>> edition_proposals(Exchange& ex,
                                                                        const store::Edition& e);

// Proposals with scores, ranked by the settings' measure.
std::vector<RankedProposal> ranking(Exchange& ex, const store::Edition& e,
                                    const store::SynthesisSettings& s);

// The draft programme: the decisions when there are any, else the last selection, else
// the plain cut-off.
struct DraftProgramme {
    std::string source;  // decisions, selection, cutoff
    std::set<ProposalId> ids;
};
DraftProgramme draft_programme(Exchange& ex, const store::Edition& e,
                               const store::SynthesisSettings& s,
                               const std::vector<RankedProposal>& ranked);

// The whole synthesis page's data (also GET /api/v1/editions/{e}/synthesis).
nlohmann::json synthesis_view(Exchange& ex, const store::Edition& e);
// Diversity per theme, with charts.
nlohmann::json theme_diversity_view(Exchange& ex, const store::Edition& e);
// Merger candidates: similar texts (cached per edition until a proposal changes) and
// the evaluators' "should merge with" marks. At most `limit` pairs.
nlohmann::json merger_candidates(Exchange& ex, const store::Edition& e, std::size_t limit);

}  // namespace convene::web
