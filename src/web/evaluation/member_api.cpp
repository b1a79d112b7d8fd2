// A MAG member's list, evaluations and conflicts over the API.
#include <charconv>

#include "core/common/messages.hpp"
#include "core/policy/policy.hpp"
#include "http/error.hpp"
#include "web/evaluation/handlers.hpp"
#include "web/evaluation/member_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/markdown.hpp"
#include "web/site/views.hpp"

namespace convene::web {

http::Response api_my_evaluations(Exchange& ex) {
    auto e = edition_in_path(ex);
    const auto& who = ex.require_sign_in();
    ex.require(policy::may_evaluate_in(ex.actor(), e.id), say("policy.members_only"));
    return http::Response::json(member_list_view(ex, e, who.id));
}

http::Response api_evaluation_show(Exchange& ex) {
    auto t = evaluation_target(ex, ex.params.id<ProposalId>("proposal"));
    return http::Response::json(api_view(ex, t));
}

http::Response api_evaluation_save(Exchange& ex) {
    auto t = evaluation_target(ex, ex.params.id<ProposalId>("proposal"));
    auto body = http::parse_json_body(ex.request);
    FieldErrors errors;
    auto e = evaluation_from_json(body, errors);
    throw_if_invalid(errors);
    std::int64_t version = 0;
    if (body.contains("version") && !body["version"].is_null()) {
        if (!body["version"].is_number_integer())
            throw http::unprocessable(
                {{"version", say("evaluation.version_is_the_number_you_last")}});
        version = body["version"].get<std::int64_t>();
    }
    bool submit = body.contains("submit") && body["submit"] == true;
    try {
        save_member_evaluation(ex, t, e, submit, version);
    } catch (const EvaluationConflict& conflict) {
        throw http::conflict(
            say("evaluation.conflict.api", {{"version", conflict.current.version}}));
    }
    return http::Response::json(api_view(ex, evaluation_target(ex, t.proposal)));
}

http::Response api_conflict_declare(Exchange& ex) {
    auto t = evaluation_target(ex, ex.params.id<ProposalId>("proposal"));
    auto outcome = declare_member_conflict(ex, t);
    return http::Response::json({{"proposal", t.number},
                                 {"declared", true},
                                 {"discarded_evaluation", outcome.discarded_evaluation},
                                 {"reassigned", outcome.replaced_by.has_value()}});
}

}  // namespace convene::web
