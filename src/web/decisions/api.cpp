// The MAG's decisions over the API: the same operations as the pages, in JSON.
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "web/decisions/actions.hpp"
#include "web/decisions/handlers.hpp"
#include "web/decisions/message_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/synthesis/actions.hpp"

namespace convene::web {

namespace {

std::int64_t version_in(const nlohmann::json& body) {
    if (!body.is_object() || !body.contains("version") || body["version"].is_null()) return 0;
    if (!body["version"].is_number_integer() || body["version"].get<std::int64_t>() < 0)
        throw http::unprocessable({{"version", say("decisions.version_invalid")}});
    return body["version"].get<std::int64_t>();
}

nlohmann::json decision_document(Exchange& ex, const DecisionTarget& t) {
    auto d = store::load_decision(ex.db(), t.proposal);
    return {{"proposal", t.proposal},
            {"version", d.version},
            {"decided_at", d.decided_at},
            {"decision", d.version ? to_json(d.decision) : nlohmann::json()}};
}

}  // namespace

http::Response api_decisions(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(decisions_view(ex, e));
}

http::Response api_decisions_from_selection(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json({{"recorded", decide_from_selection(ex, e)}});
}

http::Response api_decision_messages_preview(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(preview_json(plan_decision_messages(ex, e)));
}

http::Response api_decision_messages(Exchange& ex) {
    auto e = managed_edition(ex);
    auto body = ex.request.body.empty() ? nlohmann::json() : http::parse_json_body(ex.request);
    // A bulk send needs the count the caller expects, as the page's confirm step does.
    if (!body.is_object() || !body.contains("expected") || !body["expected"].is_number_integer() ||
        body["expected"].get<std::int64_t>() < 0)
        throw http::unprocessable({{"expected", say("decisions.messages.expected_missing")}});
    return http::Response::json(
        to_json(send_decision_messages(ex, e, body["expected"].get<std::int64_t>())));
}

http::Response api_decision_show(Exchange& ex) {
    auto t = decision_target(ex, ex.params.id<ProposalId>("proposal"));
    return http::Response::json(decision_document(ex, t));
}

http::Response api_decision_save(Exchange& ex) {
    auto t = decision_target(ex, ex.params.id<ProposalId>("proposal"));
    auto body = http::parse_json_body(ex.request);
    FieldErrors errors;
    auto d = decision_from_json(body, errors);
    throw_if_invalid(errors);
    record_decision(ex, t, d, version_in(body));
    return http::Response::json(decision_document(ex, t));
}

http::Response api_decision_confirm(Exchange& ex) {
    auto t = decision_target(ex, ex.params.id<ProposalId>("proposal"));
    auto body = http::parse_json_body(ex.request);
    auto outcome = body.is_object() && body.contains("outcome") && body["outcome"].is_string()
                       ? body["outcome"].get<std::string>()
                       : "";
    confirm_decision(ex, t, outcome, version_in(body) ? version_in(body) : t.stored.version);
    return http::Response::json(decision_document(ex, t));
}

}  // namespace convene::web
