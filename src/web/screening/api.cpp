// Stage 1 through the API: each edition's screening rules, and running screening over
// every submitted proposal (the proposal list itself is web/proposals/list_pages.cpp).
#include "core/common/messages.hpp"
#include "core/screening/screening.hpp"
#include "http/error.hpp"
#include "store/editions/editions.hpp"
#include "store/proposals/proposals.hpp"
#include "web/screening/actions.hpp"
#include "web/screening/handlers.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

http::Response api_screening_rules_show(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json({{"screening", to_json(store::screening_rules(ex.db(), e.id))}});
}

http::Response api_screening_rules_update(Exchange& ex) {
    auto e = managed_edition(ex);
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object() || !body.contains("screening"))
        throw http::unprocessable({{"screening", say("screening.rules.send")}});
    ScreeningRules rules;
    try {
        rules = screening_rules_from_json(body["screening"]);
    } catch (const InputError& err) {
        throw http::unprocessable(
            {{err.field().empty() ? "screening" : err.field(), err.message()}});
    }
    store::set_screening_rules(ex.db(), e.id, rules);
    ex.audit("screening.rules", "edition " + to_string(e.id), to_json(rules));
    return http::Response::json({{"screening", to_json(rules)}});
}

http::Response api_screening_run(Exchange& ex) {
    auto results = run_screening(ex, managed_edition(ex));
    std::int64_t passed = 0;
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : results) {
        passed += r.passed;
        out.push_back(to_json(r));
    }
    return http::Response::json({{"passed", passed},
                                 {"failed", static_cast<std::int64_t>(results.size()) - passed},
                                 {"results", out}});
}

http::Response api_screening_show(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(
        {{"results", screening_results_view(store::load_screening(ex.db(), e.id))}});
}

http::Response api_screening_override(Exchange& ex) {
    auto proposal = ex.params.id<ProposalId>("proposal");
    auto edition = store::edition_of_proposal(ex.db(), proposal);
    if (!edition) throw http::not_found(say("screening.there_is_no_proposal_with_this"));
    const auto& form = ex.form();
    std::string decision = form.get("passed") == "1" ? "pass" : form.has("passed") ? "decline" : "";
    record_override(ex, *edition, proposal, decision, form.get("justification"));
    return http::Response::json(screening_result_view(result_for(ex, *edition, proposal)));
}

}  // namespace convene::web
