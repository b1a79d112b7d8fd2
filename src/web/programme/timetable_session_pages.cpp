// A session of the Secretariat's timetable: where it is, a form to move it by choosing a
// room and a start (or take it off the grid), its conflicts in words, and its settings
// for the solver.
#include <algorithm>
#include <string>

#include "core/common/messages.hpp"
#include "core/programme/session_settings.hpp"
#include "core/programme/venue.hpp"
#include "http/error.hpp"
#include "store/programme/sessions.hpp"
#include "web/programme/handlers.hpp"
#include "web/programme/timetable_session_actions.hpp"
#include "web/programme/timetable_views.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

using programme::ProgrammeSession;

nlohmann::json settings_fields(const TimetableDraft& d, const ProgrammeSession& s,
                               const http::Form* typed, const FieldErrors& errors) {
    auto value = [&](const char* name, const std::string& stored) {
        return typed ? typed->get(name) : stored;
    };
    nlohmann::json needs = nlohmann::json::array();
    for (const auto& f : programme::room_features()) {
        bool has = std::find(s.needs.begin(), s.needs.end(), f) != s.needs.end();
        needs.push_back({{"code", f},
                         {"label", say("venue.feature." + f)},
                         {"checked", typed ? typed->has("need_" + f) : has}});
    }
    std::string needs_error;
    for (const auto& e : errors)
        if (e.field == "needs") needs_error = e.message;
    std::vector<std::pair<std::string, std::string>> rooms = {{"", say("timetable.no_fixed_room")}};
    for (const auto& r : d.programme.rooms) rooms.emplace_back(to_string(r.id), r.room.name);
    std::string after;
    for (auto a : s.after)
        if (auto other = d.session(a)) after += (after.empty() ? "" : ", ") + other->code;
    auto fixed_room =
        field_view("fixed_room", say("timetable.field.fixed_room"),
                   value("fixed_room", s.fixed ? to_string(s.fixed->room) : ""), errors, "select");
    fixed_room["options"] = options_view(rooms, fixed_room["value"].get<std::string>());
    auto fixed_start = s.fixed ? s.fixed->start : std::string();
    if (fixed_start.size() == 16) fixed_start[10] = ' ';
    return {
        {"duration",
         field_view("duration", say("timetable.field.duration"),
                    value("duration", std::to_string(s.duration)), errors, "text", true)},
        {"demand", field_view("demand", say("timetable.field.demand"),
                              value("demand", std::to_string(s.demand)), errors, "text", false,
                              say("timetable.field.demand_hint", {{"marks", s.marks}}))},
        {"tags", field_view("tags", say("timetable.field.tags"),
                            value("tags", programme::tags_text(s.tags)), errors, "text", false,
                            say("timetable.field.tags_hint"))},
        {"needs", needs},
        {"needs_error", needs_error},
        {"fixed_room", fixed_room},
        {"fixed_start", field_view("fixed_start", say("timetable.field.fixed_start"),
                                   value("fixed_start", fixed_start), errors, "text", false,
                                   say("timetable.field.fixed_start_hint"))},
        {"after", field_view("after", say("timetable.field.after"), value("after", after), errors,
                             "text", false, say("timetable.field.after_hint"))},
    };
}

// The move form: every room, and every start of the edition's days, by day.
nlohmann::json move_fields(const TimetableDraft& d, const store::Edition& e,
                           const ProgrammeSession& s, const http::Form* typed) {
    auto at = d.programme.placed.find(s.id);
    std::string room = typed ? typed->get("room")
                             : (at != d.programme.placed.end() ? to_string(at->second.room) : "");
    std::string start =
        typed ? typed->get("start") : (at != d.programme.placed.end() ? at->second.start : "");
    nlohmann::json rooms = nlohmann::json::array();
    for (const auto& r : d.programme.rooms)
        rooms.push_back({{"value", to_string(r.id)},
                         {"label", say("timetable.room_option",
                                       {{"room", r.room.name}, {"seats", r.room.capacity}})},
                         {"selected", to_string(r.id) == room}});
    nlohmann::json days = nlohmann::json::array();
    for (const auto& [day, starts] : grid_starts(d.programme, e)) {
        nlohmann::json options = nlohmann::json::array();
        for (const auto& t : starts)
            options.push_back({{"value", t}, {"label", t.substr(11)}, {"selected", t == start}});
        days.push_back({{"day", day}, {"options", options}});
    }
    auto version = d.versions.find(s.id);
    return {{"rooms", rooms},
            {"days", days},
            {"version", version == d.versions.end() ? 0 : version->second},
            {"placed", at != d.programme.placed.end()}};
}

}  // namespace

http::Response session_with(Exchange& ex, const store::Edition& e, const ProgrammeSession& s,
                            const http::Form* typed_settings, const http::Form* typed_move,
                            const FieldErrors& errors, int status, const std::string& notice) {
    auto d = load_draft(ex, e);
    auto conflicts = conflicts_view(d, e, s.id);
    nlohmann::json people = nlohmann::json::array();
    for (const auto& p : s.people)
        people.push_back({{"name", p.name},
                          {"role", code_label("timetable.role.", p.role)},
                          {"zone", p.onsite ? std::string() : p.time_zone}});
    auto place = d.programme.placed.find(s.id);
    auto settings_errors = typed_settings ? errors : FieldErrors{};
    nlohmann::json view = {
        {"title", say("page.programme.timetable_session.title", {{"session", s.code}})},
        {"edition", edition_view(e)},
        {"session",
         {{"id", s.id},
          {"code", s.code},
          {"title", s.title},
          {"duration", s.duration},
          {"expected", s.expected()},
          {"cancelled", s.cancelled},
          {"version", s.version}}},
        {"back", edition_url(e, "/timetable" +
                                    (place == d.programme.placed.end()
                                         ? std::string("#unplaced")
                                         : "?day=" + place->second.start.substr(0, 10) + "#grid"))},
        {"place", place_words(d, s)},
        {"people", people},
        {"has_people", !people.empty()},
        {"conflicts", conflicts},
        {"has_conflicts", !conflicts.empty()},
        {"locked", programme::programme_locked(d.programme.settings, ex.now())},
        {"move", move_fields(d, e, s, typed_move)},
        {"form", settings_fields(d, s, typed_settings, settings_errors)},
        {"notice", notice},
        {"has_notice", !notice.empty()},
        {"errors", error_summary(settings_errors)},
        {"has_errors", !settings_errors.empty()},
        {"saved", ex.request.query_param("saved") == "1"},
    };
    return ex.page("programme/timetable_session", view, status);
}

http::Response timetable_session_page(Exchange& ex) {
    auto e = managed_edition(ex);
    return session_with(ex, e, session_in_path(ex, e), nullptr, nullptr, {}, 200, "");
}

http::Response timetable_session_save(Exchange& ex) {
    auto e = managed_edition(ex);
    auto stored = session_in_path(ex, e);
    const auto& form = ex.form();
    auto all = store::programme_sessions(ex.db(), e.id);
    auto rooms = store::load_programme(ex.db(), e.id).rooms;
    FieldErrors errors;
    auto session = session_settings_in_form(form, stored, all, rooms, errors);
    auto version = form.get("version");
    if (version.empty() || version.size() > 12 ||
        version.find_first_not_of("0123456789") != std::string::npos)
        return session_with(ex, e, stored, &form, nullptr,
                            {{"version", say("timetable.session.changed_since")}}, 409,
                            say("timetable.session.changed_since"));
    if (!errors.empty()) return session_with(ex, e, stored, &form, nullptr, errors, 422, "");
    try {
        save_session_settings(ex, e, session, all, std::stoll(version));
    } catch (const http::Error& err) {
        if (err.status() == 422)
            return session_with(ex, e, stored, &form, nullptr, err.fields(), 422, "");
        if (err.status() != 409) throw;
        auto now = session_in_path(ex, e);
        return session_with(ex, e, now, &form, nullptr, err.fields(), 409, err.detail());
    }
    return http::Response::redirect(session_url(e, stored.id) + "?saved=1#settings");
}

}  // namespace convene::web
