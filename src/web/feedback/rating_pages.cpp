// Feedback's pages: the rating form's answer (back to the session's page with a
// confirmation, or the form again with each wrong field named and what was typed kept),
// a session's results, and the edition's results by theme and session type.
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "web/feedback/handlers.hpp"
#include "web/feedback/rating_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

http::Response feedback_save(Exchange& ex) {
    check_rating_floods(ex);
    auto e = edition_in_path(ex);
    auto p = public_programme(ex, e);
    const auto& s = session_in_path(ex, p);
    const auto& form = ex.form();
    feedback::TypedRating typed{form.get("rating"), form.get("comment"),
                                form.get("stakeholder_group")};
    auto path = edition_url(e, "/programme/" + s.session.code);
    try {
        rate_session(ex, p, s, typed);
    } catch (const http::Error& err) {
        if (err.status() != 422) throw;
        nlohmann::json view = {
            {"title", say("page.feedback.rate.title", {{"code", s.session.code}})},
            {"edition", edition_view(e)},
            {"session", {{"code", s.session.code}, {"title", s.session.title}, {"url", path}}},
            {"feedback", feedback_view(ex, p, s, err.fields(), &typed)}};
        return ex.page("feedback/rate", view, 422);
    }
    return http::Response::redirect(path + "?feedback=saved#feedback-saved");
}

http::Response feedback_session_page(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto p = public_programme(ex, e);
    const auto& s = session_in_path(ex, p);
    auto results = session_results(ex, p, s);
    results["one"] = results["count"] == 1;
    for (auto& c : results["comments"])
        c["when"] = time_view(c["at"].get<std::string>(), e.time_zone);
    nlohmann::json view = {
        {"title", say("page.feedback.session.title", {{"code", s.session.code}})},
        {"edition", edition_view(e)},
        {"results", results}};
    if (policy::may_read_edition_feedback(ex.actor(), e.id))
        view["all_results"] = edition_url(e, "/feedback");
    return ex.page("feedback/session", view);
}

http::Response feedback_edition_page(Exchange& ex) {
    auto e = managed_edition(ex);
    auto p = public_programme(ex, e);
    auto results = edition_results(ex, p);
    results["one"] = results["count"] == 1;
    results["one_session"] = results["rated_sessions"] == 1;
    nlohmann::json view = {{"title", say("page.feedback.edition.title", {{"edition", e.name}})},
                           {"edition", edition_view(e)},
                           {"results", results},
                           {"published", p.published}};
    return ex.page("feedback/edition", view);
}

}  // namespace convene::web
