// The live rooms' pages: the Secretariat's list with the form that opens a room, and
// each room's page, readable by anyone (who speaks and for how long, the queue in order,
// the rule in force, the last call's countdown), with the signed-in participant's
// request, the chair's controls and the online moderator's relay form. Every action is a
// plain POST form; live.js refreshes the page's state when the room changes.
#include <map>
#include <string>

#include "core/common/messages.hpp"
#include "core/people/people.hpp"
#include "http/error.hpp"
#include "store/programme/sessions.hpp"
#include "web/live/caption_viewers.hpp"
#include "web/live/figures_view.hpp"
#include "web/live/handlers.hpp"
#include "web/live/remote_actions.hpp"
#include "web/live/room_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

nlohmann::json choices(const std::vector<Choice>& all, const std::string& chosen,
                       const std::string& blank) {
    nlohmann::json out = nlohmann::json::array();
    out.push_back({{"value", ""}, {"label", blank}, {"selected", chosen.empty()}});
    for (const auto& c : all)
        if (!c.code.empty())
            out.push_back({{"value", std::string(c.code)},
                           {"label", std::string(c.label)},
                           {"selected", c.code == chosen}});
    return out;
}

http::Response rooms_with(Exchange& ex, const store::Edition& e, const http::Form* typed,
                          const FieldErrors& errors, int status) {
    auto value = [&](const char* name) { return typed ? typed->get(name) : std::string(); };
    nlohmann::json sessions = nlohmann::json::array();
    sessions.push_back({{"value", ""}, {"label", say("live.room.no_session")}, {"selected", true}});
    std::map<SessionId, std::string> codes;
    for (const auto& s : store::programme_sessions(ex.db(), e.id)) {
        codes[s.id] = s.code;
        sessions.push_back({{"value", to_string(s.id)},
                            {"label", s.code + " " + s.title},
                            {"selected", value("session") == to_string(s.id)}});
    }
    nlohmann::json rooms = nlohmann::json::array();
    for (const auto& room : store::live_rooms(ex.db(), e.id)) {
        rooms.push_back({{"id", room.id},
                         {"title", room.title},
                         {"kind", say("live.kind." + room.kind)},
                         {"status", say("live.status." + room.status)},
                         {"waiting", room.queue.waiting.size()},
                         {"opened_at", room.opened_at},
                         {"programme_url", ""}});
        if (room.session && codes.count(*room.session))
            rooms.back()["programme_url"] = edition_url(e, "/programme/" + codes[*room.session]);
    }
    auto session = field_view("session", say("live.field.session"), value("session"), errors,
                              "select", false, say("live.field.session_hint"));
    session["options"] = sessions;
    bool is_session = value("kind") == "session";
    nlohmann::json view = {
        {"title", say("page.live.rooms.title", {{"edition", e.name}})},
        {"edition", edition_view(e)},
        {"rooms", rooms},
        {"has_rooms", !rooms.empty()},
        {"kind_session", is_session},
        {"kind_meeting", !is_session},
        {"form",
         {{"title", field_view("title", say("live.field.title"), value("title"), errors, "text",
                               false, say("live.field.title_hint"))},
          {"session", session},
          {"agenda", field_view("agenda", say("live.field.agenda"), value("agenda"), errors,
                                "textarea", false, say("live.field.agenda_hint"))},
          {"chairs", field_view("chairs", say("live.field.chairs"), value("chairs"), errors,
                                "textarea", true, say("live.field.chairs_hint"))},
          {"moderators", field_view("moderators", say("live.field.moderators"), value("moderators"),
                                    errors, "textarea", false, say("live.field.addresses_hint"))},
          {"captioners", field_view("captioners", say("live.field.captioners"), value("captioners"),
                                    errors, "textarea", false, say("live.field.addresses_hint"))}}},
        {"opened", ex.request.query_param("opened") == "1"},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()}};
    return ex.page("live/rooms", view, status);
}

std::string room_url(const store::Edition& e, LiveRoomId id, const std::string& rest = "") {
    return edition_url(e, "/live-rooms/" + to_string(id) + rest);
}

http::Response room_with(Exchange& ex, const store::Edition& e, const store::LiveRoom& room,
                         const FieldErrors& errors, int status, const http::Form* typed = nullptr) {
    auto now = now_seconds(ex);
    const auto& account = ex.account();
    std::string me = account ? person_key(account->id) : "";
    auto state = live_room_json(room, now, me);
    auto facts = live_room_facts(ex, e, room.id);
    bool chair = policy::may_chair(ex.actor(), facts);
    bool moderator = policy::may_relay(ex.actor(), facts);
    bool open = room.status == "open";
    auto value = [&](const char* name) { return typed ? typed->get(name) : std::string(); };
    nlohmann::json orderings = nlohmann::json::array();
    for (auto o : {live::Ordering::received, live::Ordering::first_time_first,
                   live::Ordering::alternate_groups, live::Ordering::alternate_genders})
        orderings.push_back({{"value", live::ordering_code(o)},
                             {"label", say("live.ordering." + live::ordering_code(o))},
                             {"selected", o == room.queue.ordering}});
    auto& waiting = state["waiting"];
    for (std::size_t i = 0; i < waiting.size(); ++i) {
        waiting[i]["first"] = i == 0;
        waiting[i]["last"] = i + 1 == waiting.size();
    }
    nlohmann::json people = nlohmann::json::array();
    for (const auto& r : store::live_room_roles(ex.db(), room.id))
        people.push_back({{"name", r.name}, {"role", say("live.role." + r.role)}, {"last", false}});
    if (!people.empty()) people.back()["last"] = true;
    auto done = ex.request.query_param("done");
    // Remote participation: the room's online link, and the reader's hubs that follow it.
    auto link = room.session ? store::session_online_link(ex.db(), *room.session)
                             : store::room_online_link(ex.db(), room.id);
    nlohmann::json hubs = nlohmann::json::array();
    for (const auto& h : relaying_hubs(ex, e, room))
        hubs.push_back({{"id", h.id},
                        {"name", live::hub_name(h.hub)},
                        {"selected", value("hub") == to_string(h.id)}});
    auto online_edit =
        room.session ? edition_url(e, "/timetable/sessions/" + to_string(*room.session) + "/online")
                     : room_url(e, room.id, "/online");
    nlohmann::json view = {
        {"online", public_online_view(ex, e, link)},
        {"online_edit", policy::may_manage_edition(ex.actor(), e.id) ? online_edit : std::string()},
        {"hub_relay", open && !hubs.empty()},
        {"relay_hubs", hubs},
        {"one_hub", hubs.size() == 1},
        {"title", room.title},
        {"edition", edition_view(e)},
        {"room", state},
        {"url", room_url(e, room.id)},
        {"topic", "live-room-" + to_string(room.id)},
        {"open", open},
        {"is_meeting", !room.agenda.empty()},
        {"item_title", room.agenda.empty()
                           ? ""
                           : room.agenda[static_cast<std::size_t>(std::clamp(
                                 room.current_item, 0, static_cast<int>(room.agenda.size()) - 1))]},
        {"has_speaking", !state["speaking"].is_null()},
        {"has_waiting", !waiting.empty()},
        {"has_limit", room.queue.limit > 0},
        {"last_call", state["last_call_left"].get<live::Seconds>() > 0},
        {"people", people},
        {"has_people", !people.empty()},
        {"signed_in_here", account.has_value()},
        {"in_queue", !state["my_position"].is_null()},
        {"chair", chair && open},
        {"moderator", moderator && open},
        {"captions_url", room_url(e, room.id, "/captions/write")},
        {"writes_captions", policy::may_caption(ex.actor(), facts)},
        {"has_turns", !room.queue.turns.empty()},
        {"room_figures", turn_figures_view(live::turn_figures(room.queue.turns), "room-figures")},
        {"orderings", orderings},
        {"groups",
         choices(stakeholder_groups(), value("stakeholder_group"), say("live.field.group_blank"))},
        {"genders", choices(genders(), value("gender"), say("live.field.gender_blank"))},
        {"relay_name", value("name")},
        {"done", done.empty() ? "" : say("live.done." + done)},
        {"has_done", !done.empty() && (done == "asked" || done == "withdrawn" || done == "acted")},
        {"login_url", "/login?next=" + room_url(e, room.id)},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()}};
    for (const auto& err : errors) view["error_" + err.field] = err.message;
    view["captions"] = room_captions_view(ex, e, room);
    return ex.page("live/room", view, status);
}

// Runs a form's action; a refusal (4xx) shows the room again with the reason.
template <class Act>
http::Response form_action(Exchange& ex, const std::string& done, Act act) {
    auto e = edition_in_path(ex);
    auto room = live_room_in_path(ex, e);
    const auto& form = ex.form();
    try {
        act(e, room.id, form);
    } catch (const http::Error& err) {
        if (err.status() < 400 || err.status() >= 500 || err.status() == 401 || err.status() == 404)
            throw;
        ex.restart_write();
        auto fields = err.fields();
        if (fields.empty()) fields.push_back({"queue", err.detail()});
        return room_with(ex, e, *store::live_room(ex.db(), e.id, room.id), fields, err.status(),
                         &form);
    }
    return http::Response::redirect(room_url(e, room.id, "?done=" + done + "#queue"));
}

}  // namespace

http::Response live_rooms_page(Exchange& ex) {
    auto e = managed_edition(ex);
    return rooms_with(ex, e, nullptr, {}, 200);
}

http::Response live_room_open(Exchange& ex) {
    auto e = managed_edition(ex);
    const auto& form = ex.form();
    LiveRoomId id;
    try {
        id = open_room(ex, e, opening_in_form(form));
    } catch (const http::Error& err) {
        if (err.status() != 422) throw;
        return rooms_with(ex, e, &form, err.fields(), 422);
    }
    return http::Response::redirect(room_url(e, id));
}

http::Response live_room_page(Exchange& ex) {
    auto e = edition_in_path(ex);
    return room_with(ex, e, live_room_in_path(ex, e), {}, 200);
}

http::Response live_room_ask(Exchange& ex) {
    return form_action(ex, "asked",
                       [&](const store::Edition& e, LiveRoomId id, const http::Form& f) {
                           ask_floor(ex, e, id, ask_in_form(f));
                       });
}

http::Response live_room_withdraw(Exchange& ex) {
    return form_action(ex, "withdrawn",
                       [&](const store::Edition& e, LiveRoomId id, const http::Form&) {
                           withdraw_floor(ex, e, id);
                       });
}

http::Response live_room_act(Exchange& ex) {
    return form_action(ex, "acted",
                       [&](const store::Edition& e, LiveRoomId id, const http::Form& f) {
                           act_in_room(ex, e, id, chair_action_in_form(f));
                       });
}

}  // namespace convene::web
