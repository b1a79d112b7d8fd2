// The Secretariat's draft timetable under /api/v1: read it with its conflicts, move a
// session, complete it with the solver, and the programme's settings.
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "http/form.hpp"
#include "store/programme/sessions.hpp"
#include "web/programme/handlers.hpp"
#include "web/programme/timetable_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

std::int64_t whole_member(const nlohmann::json& body, const char* name, FieldErrors& errors) {
    if (!body.contains(name) || !body[name].is_number_integer() ||
        body[name].get<long long>() < 0) {
        errors.push_back({name, say("timetable.api.whole", {{"name", name}})});
        return 0;
    }
    return body[name].get<std::int64_t>();
}

}  // namespace

http::Response api_timetable_show(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(timetable_json(ex, e));
}

http::Response api_timetable_move(Exchange& ex) {
    auto e = managed_edition(ex);
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object()) throw http::unprocessable({{"body", say("venue.body_not_object")}});
    FieldErrors errors;
    MoveRequest move;
    move.session = SessionId{whole_member(body, "session", errors)};
    if (!body.contains("version"))
        move.version = 0;
    else
        move.version = whole_member(body, "version", errors);
    bool off = !body.contains("room") || body["room"].is_null();
    if (!off) {
        auto room = whole_member(body, "room", errors);
        if (!body.contains("start") || !body["start"].is_string())
            errors.push_back({"start", say("timetable.start_not_time")});
        else
            move.to = programme::Slot{RoomId{room}, body["start"].get<std::string>()};
    }
    throw_if_invalid(errors);
    auto version = move_session(ex, e, move);
    return http::Response::json({{"session", move.session}, {"version", version}});
}

http::Response api_timetable_complete(Exchange& ex) {
    auto e = managed_edition(ex);
    auto body =
        ex.request.body.empty() ? nlohmann::json::object() : http::parse_json_body(ex.request);
    if (!body.is_object()) throw http::unprocessable({{"body", say("venue.body_not_object")}});
    FieldErrors errors;
    bool keep = true;
    if (body.contains("keep_placed")) {
        if (!body["keep_placed"].is_boolean())
            errors.push_back({"keep_placed", say("timetable.api.boolean")});
        else
            keep = body["keep_placed"].get<bool>();
    }
    double limit = 5;
    if (body.contains("time_limit")) {
        if (!body["time_limit"].is_number() || body["time_limit"].get<double>() < 0.1 ||
            body["time_limit"].get<double>() > 60)
            errors.push_back({"time_limit", say("timetable.api.time_limit")});
        else
            limit = body["time_limit"].get<double>();
    }
    throw_if_invalid(errors);
    auto done = complete_timetable(ex, e, keep, limit);
    nlohmann::json unplaced = nlohmann::json::array();
    for (const auto& u : done.result.unplaced)
        unplaced.push_back(
            {{"session", done.instance.sessions[static_cast<std::size_t>(u.session)]},
             {"code", done.instance.instance.sessions[static_cast<std::size_t>(u.session)].id},
             {"reason", u.reason}});
    return http::Response::json({{"brought_in", done.brought_in},
                                 {"placed", done.result.placed},
                                 {"unplaced", unplaced},
                                 {"total", done.result.objective.total},
                                 {"lower_bound", done.result.lower_bound},
                                 {"optimal", done.result.optimal},
                                 {"seconds", done.result.seconds}});
}

http::Response api_timetable_settings_show(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(settings_json(store::programme_settings(ex.db(), e.id)));
}

http::Response api_timetable_settings_save(Exchange& ex) {
    auto e = managed_edition(ex);
    auto s = settings_in_body(http::parse_json_body(ex.request),
                              store::programme_settings(ex.db(), e.id));
    save_settings(ex, e, s);
    return http::Response::json(settings_json(s));
}

}  // namespace convene::web
