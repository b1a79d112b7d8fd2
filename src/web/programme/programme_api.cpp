// The public programme under /api/v1: anyone reads the published sessions (the same
// filters as the page) and each session; a signed-in participant marks "I plan to
// attend" and reads their agenda.
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "http/form.hpp"
#include "web/live/remote_actions.hpp"
#include "web/programme/handlers.hpp"
#include "web/programme/programme_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

http::Response api_programme_list(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto filter = filter_in_query(ex.request);
    auto p = public_programme(ex, e);
    auto marks = reader_marks(ex, e.id);
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto& s : programme::filtered(p.sessions, filter)) {
        auto j = listed_json(p, s, false);
        if (ex.account()) j["attending"] = marks.count(s.session.id) > 0;
        sessions.push_back(std::move(j));
    }
    return http::Response::json({{"edition", e.id},
                                 {"time_zone", e.time_zone},
                                 {"published", p.published},
                                 {"sessions", sessions}});
}

http::Response api_programme_session(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto p = public_programme(ex, e);
    const auto& s = session_in_path(ex, p);
    auto j = listed_json(p, s, true);
    if (ex.account()) j["attending"] = reader_marks(ex, e.id).count(s.session.id) > 0;
    j["online"] = public_online_view(ex, e, store::session_online_link(ex.db(), s.session.id));
    return http::Response::json(j);
}

http::Response api_programme_attendance(Exchange& ex) {
    auto e = edition_in_path(ex);
    ex.require_sign_in();
    auto p = public_programme(ex, e);
    const auto& s = session_in_path(ex, p);
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object() || !body.contains("attending") || !body["attending"].is_boolean())
        throw http::unprocessable({{"attending", say("programme.public.attending_value")}});
    bool attending = body["attending"].get<bool>();
    int marks = set_reader_attendance(ex, e.id, s, attending);
    return http::Response::json(
        {{"code", s.session.code}, {"attending", attending}, {"marks", marks}});
}

http::Response api_agenda(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto p = public_programme(ex, e);
    return http::Response::json(agenda_json(ex, p));
}

}  // namespace convene::web
