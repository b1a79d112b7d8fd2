// What the Secretariat adds to the programme by hand, under /api/v1: its own sessions, the
// times people cannot be there, and online speakers' time zones.
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "http/form.hpp"
#include "store/programme/sessions.hpp"
#include "web/programme/handlers.hpp"
#include "web/programme/planning_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

std::string member_text(const nlohmann::json& body, const char* name, FieldErrors& errors) {
    if (!body.contains(name) || !body[name].is_string()) {
        errors.push_back({name, say("venue.not_text")});
        return {};
    }
    return body[name].get<std::string>();
}

nlohmann::json object_body(Exchange& ex) {
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object()) throw http::unprocessable({{"body", say("venue.body_not_object")}});
    return body;
}

}  // namespace

http::Response api_planning_session_add(Exchange& ex) {
    auto e = managed_edition(ex);
    auto id = create_session(ex, e, created_session_in_body(ex, http::parse_json_body(ex.request)));
    auto s = *store::programme_session(ex.db(), e.id, id);
    nlohmann::json people = nlohmann::json::array();
    for (const auto& p : s.people)
        people.push_back({{"person", p.person}, {"name", p.name}, {"role", p.role}});
    nlohmann::json j = {{"id", s.id},
                        {"code", s.code},
                        {"title", s.title},
                        {"session_type", s.session_type},
                        {"duration", s.duration},
                        {"needs", s.needs},
                        {"demand", s.demand},
                        {"people", people}};
    if (s.fixed) j["fixed"] = {{"room", s.fixed->room}, {"start", s.fixed->start}};
    return http::Response::json(j, 201);
}

http::Response api_planning_unavailable_list(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json({{"unavailable", unavailable_json(ex, e)}});
}

http::Response api_planning_unavailable_add(Exchange& ex) {
    auto e = managed_edition(ex);
    auto body = object_body(ex);
    FieldErrors errors;
    auto email = member_text(body, "email", errors);
    auto start = member_text(body, "start", errors);
    auto end = member_text(body, "end", errors);
    throw_if_invalid(errors);
    add_unavailable(ex, e, email, start, end);
    return http::Response::json({{"unavailable", unavailable_json(ex, e)}}, 201);
}

http::Response api_planning_unavailable_remove(Exchange& ex) {
    auto e = managed_edition(ex);
    remove_unavailable(ex, e, ex.params.integer("entry"));
    return http::Response::json({{"unavailable", unavailable_json(ex, e)}});
}

http::Response api_planning_time_zone(Exchange& ex) {
    managed_edition(ex);
    auto body = object_body(ex);
    FieldErrors errors;
    auto email = member_text(body, "email", errors);
    auto zone = member_text(body, "time_zone", errors);
    throw_if_invalid(errors);
    set_time_zone(ex, email, zone);
    return http::Response::json({{"email", email}, {"time_zone", zone}});
}

}  // namespace convene::web
