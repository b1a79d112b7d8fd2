#pragma once
// What the Secretariat does in screening, shared by the pages and the API.
#include <map>
#include <vector>

#include "core/common/ids.hpp"
#include "core/common/text.hpp"
#include "core/screening/screening.hpp"
#include "http/error.hpp"
#include "store/editions/editions.hpp"
#include "store/proposals/proposals.hpp"
#include "web/site/exchange.hpp"
#include "web/site/export.hpp"
#include "web/site/views.hpp"
namespace convene::web {

class Exchange;

// Screens every proposal of the edition, stores the results and audits the run.
std::vector<ScreeningResult> run_screening(Exchange&, const store::Edition&);

// A screened proposal as the API and the pages show it: {proposal, number, title, theme,
// passed, failures, screened_at, override: null or {passed, justification, by, at},
// final_passed}.
nlohmann::json screening_result_view(const store::ScreenedProposal& r);
nlohmann::json screening_results_view(const std::vector<store::ScreenedProposal>& results);

std::string verdict(const store::ScreenedProposal& r);

store::ScreenedProposal result_for(Exchange& ex, EditionId edition, ProposalId proposal);

Table screening_table(Exchange& ex, EditionId edition);

// Validates and stores an override; throws 422 naming the field.
void record_override(Exchange& ex, EditionId edition, ProposalId proposal,
                     const std::string& decision, const std::string& justification);

http::Response decision_page(Exchange& ex, const store::Edition& e,
                             const store::ScreenedProposal& result, const std::string& decision,
                             const std::string& justification, const FieldErrors& errors,
                             int status);

}  // namespace convene::web
