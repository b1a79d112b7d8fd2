// The Secretariat's pages of remote participation: "Remote participation" (the date from
// which online links are published, every session with its link and online moderator)
// and the online link form of a session or a meeting.
#include <string>

#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "store/programme/sessions.hpp"
#include "web/live/remote_actions.hpp"
#include "web/live/remote_handlers.hpp"
#include "web/live/room_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

http::Response remote_with(Exchange& ex, const store::Edition& e, const http::Form* typed,
                           const FieldErrors& errors, int status) {
    auto from = store::online_links_from(ex.db(), e.id);
    auto links = store::session_online_links(ex.db(), e.id);
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto& s : store::programme_sessions(ex.db(), e.id)) {
        auto at = links.find(s.id);
        std::optional<store::OnlineLink> link;
        if (at != links.end()) link = at->second;
        sessions.push_back(
            {{"code", s.code},
             {"title", s.title},
             {"url", edition_url(e, "/timetable/sessions/" + to_string(s.id) + "/online")},
             {"link", link ? link->url : ""},
             {"moderator", link ? link->moderator_name : ""}});
    }
    nlohmann::json view = {
        {"title", say("page.remote.title", {{"edition", e.name}})},
        {"edition", edition_view(e)},
        {"from", from.empty() ? nlohmann::json(nullptr) : time_view(from, e.time_zone)},
        {"published", live::online_links_published(from, ex.now())},
        {"links_from", field_view("online_links_from", say("remote.field.links_from"),
                                  typed ? typed->get("online_links_from") : from, errors, "text",
                                  false, say("remote.field.links_from_hint"))},
        {"sessions", sessions},
        {"has_sessions", !sessions.empty()},
        {"saved", ex.request.query_param("saved") == "1"},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()}};
    return ex.page("live/remote", view, status);
}

struct LinkTarget {
    std::string heading, back, back_label, action;
    std::optional<store::OnlineLink> link;
};

http::Response link_form(Exchange& ex, const store::Edition& e, const LinkTarget& t,
                         const http::Form* typed, const FieldErrors& errors, int status) {
    auto current = online_link_json(t.link);
    auto value = [&](const char* name) {
        return typed ? typed->get(name) : current[name].get<std::string>();
    };
    nlohmann::json view = {
        {"title", t.heading},
        {"edition", edition_view(e)},
        {"back", t.back},
        {"back_label", t.back_label},
        {"action", t.action},
        {"online_link",
         field_view("online_link", say("remote.field.online_link"), value("online_link"), errors,
                    "url", false, say("remote.field.online_link_hint"))},
        {"moderator", field_view("moderator", say("remote.field.moderator"), value("moderator"),
                                 errors, "text", false, say("remote.field.moderator_hint"))},
        {"saved", ex.request.query_param("saved") == "1"},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()}};
    return ex.page("live/online_link", view, status);
}

LinkTarget session_target(Exchange& ex, const store::Edition& e) {
    auto id = ex.params.id<SessionId>("session");
    auto s = store::programme_session(ex.db(), e.id, id);
    if (!s) throw http::not_found(say("live.room.no_such_session"));
    return {say("page.remote.session_link", {{"code", s->code}, {"title", s->title}}),
            edition_url(e, "/remote"), say("page.remote.back"),
            edition_url(e, "/timetable/sessions/" + to_string(id) + "/online"),
            store::session_online_link(ex.db(), id)};
}

LinkTarget room_target(Exchange& ex, const store::Edition& e) {
    auto room = live_room_in_path(ex, e);
    auto url = edition_url(e, "/live-rooms/" + to_string(room.id));
    return {say("page.remote.room_link", {{"title", room.title}}), url,
            say("page.remote.back_to_room"), url + "/online",
            store::room_online_link(ex.db(), room.id)};
}

template <class Target, class Save>
http::Response save_link(Exchange& ex, Target target, Save save) {
    auto e = managed_edition(ex);
    auto t = target(ex, e);
    const auto& form = ex.form();
    try {
        save(e, online_link_in_form(form));
    } catch (const http::Error& err) {
        if (err.status() != 422) throw;
        ex.restart_write();
        return link_form(ex, e, t, &form, err.fields(), 422);
    }
    return http::Response::redirect(t.action + "?saved=1");
}

}  // namespace

http::Response remote_page(Exchange& ex) {
    auto e = managed_edition(ex);
    return remote_with(ex, e, nullptr, {}, 200);
}

http::Response remote_save(Exchange& ex) {
    auto e = managed_edition(ex);
    const auto& form = ex.form();
    try {
        save_links_from(ex, e, form.get("online_links_from"));
    } catch (const http::Error& err) {
        if (err.status() != 422) throw;
        ex.restart_write();
        return remote_with(ex, e, &form, err.fields(), 422);
    }
    return http::Response::redirect(edition_url(e, "/remote?saved=1"));
}

http::Response session_online_page(Exchange& ex) {
    auto e = managed_edition(ex);
    return link_form(ex, e, session_target(ex, e), nullptr, {}, 200);
}

http::Response session_online_save(Exchange& ex) {
    return save_link(ex, session_target, [&](const store::Edition& e, const OnlineLinkInput& in) {
        save_session_link(ex, e, ex.params.id<SessionId>("session"), in);
    });
}

http::Response room_online_page(Exchange& ex) {
    auto e = managed_edition(ex);
    return link_form(ex, e, room_target(ex, e), nullptr, {}, 200);
}

http::Response room_online_save(Exchange& ex) {
    return save_link(ex, room_target, [&](const store::Edition& e, const OnlineLinkInput& in) {
        save_room_link(ex, e, ex.params.id<LiveRoomId>("room"), in);
    });
}

}  // namespace convene::web
