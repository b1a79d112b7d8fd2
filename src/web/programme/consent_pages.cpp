// The organisers' side of a change to a published session: the mailed link shows the
// change in words and asks "Accept" or "Decline" (a POST; opening the link changes
// nothing). The link works once, for its addressee, until it expires.
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "web/programme/handlers.hpp"
#include "web/programme/publish_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

nlohmann::json consent_view(Exchange& ex, const Consent& consent) {
    auto names = timetable_names(ex, consent.edition);
    auto view = change_view(ex, names, consent.change, false);
    view["edition_name"] = consent.edition.name;
    view["session_title"] = view["title"];  // "title" is the page's
    view["name"] = consent.name;
    view["email"] = consent.link.email;
    view["expires_at"] = consent.link.expires_at;
    view["expires"] = time_view(consent.link.expires_at, consent.edition.time_zone);
    return view;
}

}  // namespace

http::Response consent_form(Exchange& ex) {
    auto consent = valid_consent(ex);
    auto view = consent_view(ex, consent);
    view["title"] =
        say("page.programme.consent.title", {{"session", view["code"].get<std::string>()}});
    view["token"] = ex.params.text("token");
    view["asking"] = true;
    return ex.page("programme/consent", view);
}

http::Response consent_answer(Exchange& ex) {
    auto consent = valid_consent(ex);
    auto answer = ex.form().get("answer");
    answer_consent(ex, consent, answer);
    consent.change.status = answer == "accept" ? "accepted" : "declined";
    auto view = consent_view(ex, consent);
    view["title"] =
        say("page.programme.consent.title", {{"session", view["code"].get<std::string>()}});
    view["accepted"] = answer == "accept";
    view["declined"] = answer != "accept";
    view["asking"] = false;
    return ex.page("programme/consent", view);
}

}  // namespace convene::web
