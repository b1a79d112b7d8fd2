// Remote participation under /api/v1: the date links are published from, each session's
// and meeting's online link, and the remote hubs (register, read, edit, sessions
// followed, the Secretariat's counts by region). The same actions as the pages.
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "http/form.hpp"
#include "store/programme/sessions.hpp"
#include "web/live/remote_actions.hpp"
#include "web/live/remote_handlers.hpp"
#include "web/live/room_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

nlohmann::json remote_json(Exchange& ex, const store::Edition& e) {
    auto from = store::online_links_from(ex.db(), e.id);
    return {{"edition", e.id},
            {"online_links_from", from},
            {"published", live::online_links_published(from, ex.now())}};
}

nlohmann::json session_link_json(Exchange& ex, const store::Edition& e, SessionId id) {
    auto s = store::programme_session(ex.db(), e.id, id);
    if (!s) throw http::not_found(say("live.room.no_such_session"));
    auto j = online_link_json(store::session_online_link(ex.db(), id));
    j["session"] = id;
    j["code"] = s->code;
    return j;
}

nlohmann::json hubs_json(Exchange& ex, const store::Edition& e,
                         const std::vector<store::HubRow>& rows) {
    auto codes = session_codes(ex, e);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& row : rows) out.push_back(hub_json(row, codes));
    return out;
}

}  // namespace

http::Response api_remote_show(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(remote_json(ex, e));
}

http::Response api_remote_save(Exchange& ex) {
    auto e = managed_edition(ex);
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object() || !body.contains("online_links_from") ||
        !(body["online_links_from"].is_string() || body["online_links_from"].is_null()))
        throw http::unprocessable({{"online_links_from", say("remote.links_from.invalid")}});
    save_links_from(
        ex, e,
        body["online_links_from"].is_null() ? "" : body["online_links_from"].get<std::string>());
    return http::Response::json(remote_json(ex, e));
}

http::Response api_session_online_show(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(session_link_json(ex, e, ex.params.id<SessionId>("session")));
}

http::Response api_session_online_save(Exchange& ex) {
    auto e = managed_edition(ex);
    auto id = ex.params.id<SessionId>("session");
    session_link_json(ex, e, id);  // 404 for a session of another edition
    save_session_link(ex, e, id, online_link_in_body(http::parse_json_body(ex.request)));
    return http::Response::json(session_link_json(ex, e, id));
}

http::Response api_room_online_save(Exchange& ex) {
    auto e = managed_edition(ex);
    auto room = live_room_in_path(ex, e);
    save_room_link(ex, e, room.id, online_link_in_body(http::parse_json_body(ex.request)));
    auto j = online_link_json(store::room_online_link(ex.db(), room.id));
    j["room"] = room.id;
    return http::Response::json(j);
}

http::Response api_hubs(Exchange& ex) {
    auto e = edition_in_path(ex);
    const auto& account = ex.require_sign_in();
    bool all = policy::may_manage_edition(ex.actor(), e.id);
    auto rows = store::hubs(ex.db(), e.id, all ? std::nullopt : std::optional(account.id));
    return http::Response::json({{"edition", e.id}, {"hubs", hubs_json(ex, e, rows)}});
}

http::Response api_hub_register(Exchange& ex) {
    auto e = edition_in_path(ex);
    ex.require_sign_in();
    FieldErrors typing;
    auto hub = hub_in_body(http::parse_json_body(ex.request), typing);
    auto id = register_hub(ex, e, hub, typing);
    auto row = store::hub(ex.db(), e.id, id);
    return http::Response::json(hub_json(*row, session_codes(ex, e)), 201);
}

http::Response api_hub_regions(Exchange& ex) {
    auto e = managed_edition(ex);
    auto rows = store::hubs(ex.db(), e.id);
    auto j = hub_counts_json(rows);
    j["edition"] = e.id;
    j["list"] = hubs_json(ex, e, rows);
    return http::Response::json(j);
}

http::Response api_hub(Exchange& ex) {
    auto e = edition_in_path(ex);
    return http::Response::json(hub_json(hub_in_path(ex, e), session_codes(ex, e)));
}

http::Response api_hub_save(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto row = hub_in_path(ex, e);
    FieldErrors typing;
    auto hub = hub_in_body(http::parse_json_body(ex.request), typing);
    edit_hub(ex, row, hub, typing);
    return http::Response::json(hub_json(*store::hub(ex.db(), e.id, row.id), session_codes(ex, e)));
}

http::Response api_hub_follow(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto row = hub_in_path(ex, e);
    auto body = http::parse_json_body(ex.request);
    std::vector<std::string> codes;
    bool ok = body.is_object() && body.contains("sessions") && body["sessions"].is_array();
    if (ok)
        for (const auto& c : body["sessions"]) {
            if (!c.is_string())
                ok = false;
            else
                codes.push_back(c.get<std::string>());
        }
    if (!ok) throw http::unprocessable({{"sessions", say("hub.sessions.list")}});
    follow_sessions(ex, e, row, codes);
    return http::Response::json(hub_json(*store::hub(ex.db(), e.id, row.id), session_codes(ex, e)));
}

}  // namespace convene::web
