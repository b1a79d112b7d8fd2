// Publishing under /api/v1: the Secretariat publishes, reads the versions and their
// differences, the changes awaiting consent, imposes (with a reason) or withdraws one;
// an organiser answers a consent link with its token.
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "http/form.hpp"
#include "store/programme/timetable.hpp"
#include "web/programme/handlers.hpp"
#include "web/programme/publish_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

std::string text_member(const nlohmann::json& body, const char* name) {
    if (!body.is_object() || !body.contains(name) || !body[name].is_string()) return "";
    return body[name].get<std::string>();
}

}  // namespace

http::Response api_timetable_publish(Exchange& ex) {
    auto e = managed_edition(ex);
    auto done = publish_timetable(ex, e);
    nlohmann::json changes = nlohmann::json::array();
    for (auto id : done.changes) changes.push_back(id);
    return http::Response::json({{"version", done.version},
                                 {"recorded", done.recorded},
                                 {"added", done.added},
                                 {"removed", done.removed},
                                 {"changes", changes}});
}

http::Response api_timetable_versions(Exchange& ex) {
    auto e = managed_edition(ex);
    nlohmann::json versions = nlohmann::json::array();
    for (const auto& v : store::timetable_versions(ex.db(), e.id))
        versions.push_back({{"number", v.number},
                            {"published_at", v.published_at},
                            {"published_by", v.published_by},
                            {"note", v.note}});
    return http::Response::json({{"versions", versions}});
}

http::Response api_timetable_diff(Exchange& ex) {
    auto e = managed_edition(ex);
    auto view = versions_diff_view(ex, e, ex.params.integer("a"), ex.params.integer("b"));
    view.erase("same");
    return http::Response::json(view);
}

http::Response api_timetable_changes(Exchange& ex) {
    auto e = managed_edition(ex);
    auto status = ex.request.query_param("status");
    if (status.empty()) status = "pending";
    if (status == "all") status = "";
    auto names = timetable_names(ex, e);
    nlohmann::json changes = nlohmann::json::array();
    for (const auto& c : store::placement_changes(ex.db(), e.id, status))
        changes.push_back(change_view(ex, names, c, true));
    return http::Response::json({{"changes", changes}});
}

http::Response api_timetable_change_impose(Exchange& ex) {
    auto e = managed_edition(ex);
    auto c = change_in_path(ex, e);
    impose_change(ex, e, c, text_member(http::parse_json_body(ex.request), "reason"));
    auto names = timetable_names(ex, e);
    return http::Response::json(
        change_view(ex, names, *store::placement_change(ex.db(), e.id, c.id), true));
}

http::Response api_timetable_change_withdraw(Exchange& ex) {
    auto e = managed_edition(ex);
    auto c = change_in_path(ex, e);
    withdraw_change(ex, e, c);
    auto names = timetable_names(ex, e);
    return http::Response::json(
        change_view(ex, names, *store::placement_change(ex.db(), e.id, c.id), true));
}

http::Response api_consent_show(Exchange& ex) {
    auto consent = valid_consent(ex);
    auto names = timetable_names(ex, consent.edition);
    auto view = change_view(ex, names, consent.change, false);
    view["edition"] = consent.edition.name;
    view["email"] = consent.link.email;
    view["expires_at"] = consent.link.expires_at;
    return http::Response::json(view);
}

http::Response api_consent_answer(Exchange& ex) {
    auto consent = valid_consent(ex);
    auto body = http::parse_json_body(ex.request);
    answer_consent(ex, consent, text_member(body, "answer"));
    auto names = timetable_names(ex, consent.edition);
    auto view = change_view(
        ex, names, *store::placement_change(ex.db(), consent.edition.id, consent.change.id), false);
    view["edition"] = consent.edition.name;
    return http::Response::json(view);
}

}  // namespace convene::web
