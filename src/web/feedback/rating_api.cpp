// Feedback under /api/v1: rating a session (JSON {rating, comment, stakeholder_group};
// 201 the first time, 200 when it changes the rating), a session's results and the
// edition's, as the pages show them.
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "http/form.hpp"
#include "web/feedback/handlers.hpp"
#include "web/feedback/rating_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

// The body's members as typed; a member of the wrong type is named.
feedback::TypedRating typed_rating(const nlohmann::json& body) {
    if (!body.is_object()) throw http::unprocessable({{"body", say("feedback.api.object")}});
    feedback::TypedRating typed;
    FieldErrors errors;
    if (body.contains("rating")) {
        const auto& r = body["rating"];
        if (r.is_number_integer() && r.get<std::int64_t>() >= 0 && r.get<std::int64_t>() <= 9)
            typed.rating = std::to_string(r.get<std::int64_t>());
        else
            typed.rating.push_back('?');  // not a whole number from 1 to 5: named as "rating"
    }
    auto text = [&](const char* name, std::string& into) {
        if (!body.contains(name) || body[name].is_null()) return;
        if (body[name].is_string())
            into = body[name].get<std::string>();
        else
            errors.push_back({name, say("feedback.api.text")});
    };
    text("comment", typed.comment);
    text("stakeholder_group", typed.stakeholder_group);
    if (!errors.empty()) throw http::unprocessable(errors);
    return typed;
}

}  // namespace

http::Response api_feedback_save(Exchange& ex) {
    check_rating_floods(ex);
    auto e = edition_in_path(ex);
    auto p = public_programme(ex, e);
    const auto& s = session_in_path(ex, p);
    auto typed = typed_rating(http::parse_json_body(ex.request));
    auto rated = rate_session(ex, p, s, typed);
    return http::Response::json({{"code", s.session.code},
                                 {"rating", rated.rating.rating},
                                 {"comment", rated.rating.comment},
                                 {"stakeholder_group", rated.rating.stakeholder_group},
                                 {"changed", rated.changed}},
                                rated.changed ? 200 : 201);
}

http::Response api_feedback_session(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto p = public_programme(ex, e);
    const auto& s = session_in_path(ex, p);
    return http::Response::json(session_results(ex, p, s));
}

http::Response api_feedback_edition(Exchange& ex) {
    auto e = managed_edition(ex);
    auto p = public_programme(ex, e);
    return http::Response::json(edition_results(ex, p));
}

}  // namespace convene::web
