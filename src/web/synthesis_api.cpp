// The synthesis, selection, decisions and results over the API: the same operations as
// the pages (web/synthesis.hpp), in JSON.
#include "http/error.hpp"
#include "web/exchange.hpp"
#include "web/handlers.hpp"
#include "web/synthesis.hpp"

namespace convene::web {

namespace {

std::int64_t version_in(const nlohmann::json& body) {
    if (!body.is_object() || !body.contains("version") || body["version"].is_null()) return 0;
    if (!body["version"].is_number_integer() || body["version"].get<std::int64_t>() < 0)
        throw http::unprocessable({{"version", "version is the number you last read (0: none)."}});
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

http::Response api_synthesis(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(synthesis_view(ex, e));
}

http::Response api_synthesis_settings_show(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(to_json(store::synthesis_settings(ex.db(), e.id)));
}

http::Response api_synthesis_settings_update(Exchange& ex) {
    auto e = managed_edition(ex);
    auto s = synthesis_settings_in_body(ex, e, http::parse_json_body(ex.request));
    store::set_synthesis_settings(ex.db(), e.id, s);
    ex.audit("synthesis.settings", "edition " + std::to_string(e.id), to_json(s));
    return http::Response::json(to_json(s));
}

http::Response api_selection_instance(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(
        selection_instance(ex, e, store::synthesis_settings(ex.db(), e.id)));
}

http::Response api_selection_make(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(make_selection(ex, e));
}

http::Response api_selection_show(Exchange& ex) {
    auto e = managed_edition(ex);
    auto view = selection_view(ex, e);
    if (view.is_null()) throw http::not_found("No selection has been made for this edition yet.");
    return http::Response::json(view);
}

http::Response api_decisions(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(decisions_view(ex, e));
}

http::Response api_decisions_from_selection(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json({{"recorded", decide_from_selection(ex, e)}});
}

http::Response api_decision_messages(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(send_decision_messages(ex, e));
}

http::Response api_results_publish(Exchange& ex) {
    auto e = managed_edition(ex);
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object() || !body.contains("published") || !body["published"].is_boolean())
        throw http::unprocessable({{"published", "Send {\"published\": true} or false."}});
    publish_results(ex, e, body["published"].get<bool>());
    return http::Response::json({{"published_at", store::results_published_at(ex.db(), e.id)}});
}

http::Response api_results(Exchange& ex) {
    auto e = edition_in_path(ex);
    return http::Response::json(results_view(ex, e));
}

http::Response api_transparency(Exchange& ex) {
    auto e = edition_in_path(ex);
    return http::Response::json(transparency_view(ex, e));
}

http::Response api_decision_show(Exchange& ex) {
    auto t = decision_target(ex, ex.params.integer("proposal"));
    return http::Response::json(decision_document(ex, t));
}

http::Response api_decision_save(Exchange& ex) {
    auto t = decision_target(ex, ex.params.integer("proposal"));
    auto body = http::parse_json_body(ex.request);
    FieldErrors errors;
    auto d = decision_from_json(body, errors);
    throw_if_invalid(errors);
    record_decision(ex, t, d, version_in(body));
    return http::Response::json(decision_document(ex, t));
}

http::Response api_decision_confirm(Exchange& ex) {
    auto t = decision_target(ex, ex.params.integer("proposal"));
    auto body = http::parse_json_body(ex.request);
    auto outcome = body.is_object() && body.contains("outcome") && body["outcome"].is_string()
                       ? body["outcome"].get<std::string>()
                       : "";
    confirm_decision(ex, t, outcome, version_in(body) ? version_in(body) : t.stored.version);
    return http::Response::json(decision_document(ex, t));
}

}  // namespace convene::web
