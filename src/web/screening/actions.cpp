// Screening as the pages and the API run it, and the Secretariat's overrides.
#include "web/screening/actions.hpp"

#include <map>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/policy/policy.hpp"
#include "core/screening/screening.hpp"
#include "http/error.hpp"
#include "store/editions/editions.hpp"
#include "store/proposals/proposals.hpp"
#include "web/evaluation/review_context.hpp"
#include "web/screening/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/site/export.hpp"
#include "web/site/views.hpp"
namespace convene::web {

std::vector<ScreeningResult> run_screening(Exchange& ex, const store::Edition& e) {
    auto results = screen_proposals(store::load_proposals(ex.db(), e.id),
                                    store::screening_context(ex.db(), e.id, ex.now()));
    store::save_screening(ex.db(), e.id, results, ex.now());
    std::int64_t passed = 0;
    for (const auto& r : results) passed += r.passed;
    ex.audit("screening.run", "edition " + to_string(e.id),
             {{"proposals", results.size()}, {"passed", passed}});
    return results;
}

nlohmann::json screening_result_view(const store::ScreenedProposal& r) {
    nlohmann::json failures = nlohmann::json::array();
    for (const auto& f : r.failures) failures.push_back({{"code", f.code}, {"message", f.message}});
    nlohmann::json overridden = nullptr;
    if (const auto& o = r.override_by_secretariat)
        overridden = {{"passed", o->passed},
                      {"justification", o->justification},
                      {"by", o->by},
                      {"at", o->at}};
    return {{"proposal", r.proposal},
            {"number", r.number},
            {"title", r.title},
            {"theme", r.theme},
            {"passed", r.passed},
            {"failures", failures},
            {"screened_at", r.screened_at},
            {"override", overridden},
            {"final_passed", r.final_passed()}};
}

nlohmann::json screening_results_view(const std::vector<store::ScreenedProposal>& results) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : results) out.push_back(screening_result_view(r));
    return out;
}

std::string verdict(const store::ScreenedProposal& r) {
    if (!r.override_by_secretariat)
        return r.passed ? say("screening.passed") : say("screening.declined");
    return r.final_passed() ? say("screening.passed_override") : say("screening.declined_override");
}

store::ScreenedProposal result_for(Exchange& ex, EditionId edition, ProposalId proposal) {
    auto r = store::load_screening_result(ex.db(), proposal);
    if (!r || store::edition_of_proposal(ex.db(), proposal) != edition)
        throw http::not_found(say("screening.this_proposal_has_not_been_screened"));
    return *r;
}

Table screening_table(Exchange& ex, EditionId edition) {
    Table t{{say("screening.number"), say("screening.title"), say("screening.theme"),
             say("screening.rules_say"), say("screening.failures"), say("screening.override"),
             say("screening.justification"), say("screening.final")}};
    for (const auto& r : store::load_screening(ex.db(), edition)) {
        std::string failures;  // the rules' sentences, not their codes
        for (const auto& f : r.failures) failures += (failures.empty() ? "" : "; ") + f.message;
        auto outcome = [](bool passed) {
            return say(passed ? "screening.passed" : "screening.declined");
        };
        const auto& o = r.override_by_secretariat;
        t.push_back({std::to_string(r.number), r.title, r.theme, outcome(r.passed), failures,
                     o ? outcome(o->passed) : "", o ? o->justification : "",
                     outcome(r.final_passed())});
    }
    return t;
}

// Validates and stores an override; throws 422 naming the field.
void record_override(Exchange& ex, EditionId edition, ProposalId proposal,
                     const std::string& decision, const std::string& justification) {
    result_for(ex, edition, proposal);
    FieldErrors errors;
    if (decision != "pass" && decision != "decline")
        errors.push_back(
            {"decision", say("screening.choose_whether_the_proposal_passes_screening")});
    if (auto e = check_text({"justification", say("screening.justification"), true, 2000, true},
                            justification))
        errors.push_back(*e);
    throw_if_invalid(errors);
    const auto& who = ex.require_sign_in();
    ex.require(policy::may_manage_edition(ex.actor(), edition), say("policy.secretariat_only"));
    store::override_screening(ex.db(), proposal, decision == "pass", trim(justification), who.id,
                              ex.now());
    ex.audit("screening.override", "proposal " + to_string(proposal),
             {{"passed", decision == "pass"}, {"justification", trim(justification)}});
}

http::Response decision_page(Exchange& ex, const store::Edition& e,
                             const store::ScreenedProposal& result, const std::string& decision,
                             const std::string& justification, const FieldErrors& errors,
                             int status) {
    nlohmann::json view = {
        {"title", say("page.screening.screening_decision.title")},
        {"edition", edition_view(e)},
        {"result", screening_result_view(result)},
        {"screened", time_view(result.screened_at, e.time_zone)},
        {"verdict", verdict(result)},
        {"context", review_context(ex, e, result.proposal)},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()},
        {"decision_pass", decision == "pass"},
        {"decision_decline", decision == "decline"},
        {"justification",
         field_view("justification", say("screening.justification"), justification, errors,
                    "textarea", true, say("screening.recorded_in_the_audit_log"))}};
    for (const auto& err : errors)
        if (err.field == "decision") view["decision_error"] = err.message;
    return ex.page("screening/screening_decision", view, status);
}

}  // namespace convene::web
