#include "web/feedback/rating_actions.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/feedback/flood_limit.hpp"
#include "core/people/people.hpp"
#include "core/policy/policy.hpp"
#include "http/address.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/programme/agenda.hpp"
#include "web/site/app.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

constexpr std::chrono::seconds flood_window{feedback::flood_window_minutes * 60};

// One count per process: every request of the server meets the same limits.
feedback::FloodLimit& address_limit() {
    static feedback::FloodLimit limit(feedback::ratings_per_address, flood_window);
    return limit;
}
feedback::FloodLimit& person_limit() {
    static feedback::FloodLimit limit(feedback::ratings_per_person, flood_window);
    return limit;
}

bool is_browser_token(const std::string& t) {
    return t.size() == 64 && t.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::string end_utc(const PublicProgramme& p, const programme::ListedSession& s) {
    return listed_json(p, s, false)["end_utc"].get<std::string>();
}

bool organises(Exchange& ex, EditionId edition, SessionId session) {
    if (!ex.account()) return false;
    auto own = store::own_sessions(ex.db(), ex.account()->id, edition);
    auto at = own.find(session);
    return at != own.end() &&
           std::find(at->second.begin(), at->second.end(), "organiser") != at->second.end();
}

std::string session_path(const PublicProgramme& p, const programme::ListedSession& s) {
    return edition_url(p.edition, "/programme/" + s.session.code);
}

nlohmann::json rating_labels() {
    return nlohmann::json::array({say("feedback.rating.1"), say("feedback.rating.2"),
                                  say("feedback.rating.3"), say("feedback.rating.4"),
                                  say("feedback.rating.5")});
}

nlohmann::json summary_json(const feedback::Summary& summary) {
    auto labels = rating_labels();
    nlohmann::json distribution = nlohmann::json::array();
    auto count = summary.count();
    for (int r = feedback::highest_rating; r >= feedback::lowest_rating; --r) {
        auto n = summary.distribution[r - 1];
        auto share = count == 0 ? 0 : static_cast<int>((n * 100 + count / 2) / count);
        distribution.push_back({{"rating", r},
                                {"label", labels[r - 1]},
                                {"count", n},
                                {"share", std::to_string(share) + "%"}});
    }
    double mean = summary.mean();
    return {{"count", count},
            {"mean", count == 0 ? nlohmann::json(nullptr)
                                : nlohmann::json(std::round(mean * 100.0) / 100.0)},
            {"mean_text", count == 0 ? "" : decimal_text(mean)},
            {"rated", count > 0},
            {"distribution", distribution}};
}

std::string group_name(const std::string& code) {
    return code.empty() ? "" : code_label("stakeholder_group.", code);
}

}  // namespace

void check_rating_floods(Exchange& ex) {
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(ex.clock().time_since_epoch()).count();
    auto refuse = [&] {
        ex.response_headers.emplace_back("retry-after", std::to_string(flood_window.count()));
        throw http::Error(
            429, say("feedback.flood.title"),
            say("feedback.flood.detail", {{"minutes", feedback::flood_window_minutes}}));
    };
    auto sessions = ex.request.cookies(ex.app.session_cookie_name());
    bool maybe_signed_in =
        std::any_of(sessions.begin(), sessions.end(), [](const auto& s) { return !s.empty(); }) ||
        !ex.request.header("authorization").empty();
    if (maybe_signed_in && ex.account()) {
        if (!person_limit().allow("account:" + to_string(ex.account()->id), now)) refuse();
        return;
    }
    // Nobody signed in (or a session that finds no account): the address's count first,
    // then the browser's, before the database is asked anything more.
    if (!address_limit().allow("address:" + http::address_group(ex.client_address()), now))
        refuse();
    auto browser = ex.request.cookie(feedback_cookie);
    if (is_browser_token(browser) && !person_limit().allow("browser:" + browser, now)) refuse();
}

std::int64_t refused_ratings() {
    return address_limit().refused() + person_limit().refused();
}

void add_feedback_metrics(App& app) {
    app.metrics().add_gauges([] {
        return std::vector<std::pair<std::string, double>>{
            {"convene_feedback_refused_total", static_cast<double>(refused_ratings())}};
    });
}

store::Rater rater_of(Exchange& ex, bool make) {
    if (ex.account()) return {ex.account()->id, ""};
    auto browser = ex.request.cookie(feedback_cookie);
    if (!is_browser_token(browser)) {
        if (!make) return {std::nullopt, ""};
        browser = random_token();
        http::CookieOptions o;
        o.secure = ex.app.secure_cookies();
        o.max_age_seconds = 86400L * 365;
        ex.response_headers.emplace_back("set-cookie",
                                         http::set_cookie_value(feedback_cookie, browser, o));
    }
    return {std::nullopt, token_hash(browser)};
}

nlohmann::json feedback_view(Exchange& ex, const PublicProgramme& p,
                             const programme::ListedSession& s, const FieldErrors& errors,
                             const feedback::TypedRating* typed, bool saved) {
    const auto& e = p.edition;
    auto end = end_utc(p, s);
    bool ended = feedback::session_ended(end, ex.now());
    nlohmann::json view = {{"ended", ended}, {"opens", time_view(end, e.time_zone)}};
    if (policy::may_read_session_feedback(ex.actor(), {e.id, organises(ex, e.id, s.session.id)}))
        view["results"] = session_path(p, s) + "/feedback";
    if (policy::may_read_edition_feedback(ex.actor(), e.id))
        view["all_results"] = edition_url(e, "/feedback");
    if (!ended) return view;
    // The reader's own rating is on the page: never kept in a shared cache.
    ex.response_headers.emplace_back("cache-control", "no-store");
    auto own = store::own_rating(ex.db(), s.session.id, rater_of(ex, false));
    feedback::TypedRating shown;
    if (typed)
        shown = *typed;
    else if (own)
        shown = {std::to_string(own->rating), own->comment, own->stakeholder_group};
    auto labels = rating_labels();
    nlohmann::json ratings = nlohmann::json::array();
    for (int r = feedback::lowest_rating; r <= feedback::highest_rating; ++r)
        ratings.push_back({{"value", r},
                           {"label", labels[r - 1]},
                           {"id", "rating-" + std::to_string(r)},
                           {"checked", shown.rating == std::to_string(r)}});
    std::vector<std::pair<std::string, std::string>> groups = {{"", say("feedback.group.none")}};
    for (const auto& g : stakeholder_groups())
        groups.emplace_back(std::string(g.code), group_name(std::string(g.code)));
    auto field_error = [&](const char* field) {
        for (const auto& err : errors)
            if (err.field == field) return err.message;
        return std::string();
    };
    view.update(
        {{"action", session_path(p, s) + "/feedback"},
         {"ratings", ratings},
         {"comment", shown.comment},
         {"groups", options_view(groups, shown.stakeholder_group)},
         {"errors", error_summary(errors)},
         {"has_errors", !errors.empty()},
         {"rating_error", field_error("rating")},
         {"comment_error", field_error("comment")},
         {"group_error", field_error("stakeholder_group")},
         {"longest_comment", feedback::longest_comment},
         {"saved", saved && own.has_value()},
         {"own", own ? nlohmann::json{{"rating", own->rating}, {"label", labels[own->rating - 1]}}
                     : nlohmann::json(false)}});
    return view;
}

Rated rate_session(Exchange& ex, const PublicProgramme& p, const programme::ListedSession& s,
                   const feedback::TypedRating& typed) {
    auto end = end_utc(p, s);
    switch (policy::may_rate_session(ex.actor(), feedback::session_ended(end, ex.now()))) {
        case policy::RatingVerdict::blocked:
            throw http::forbidden(say("feedback.blocked"));
        case policy::RatingVerdict::not_ended: {
            auto when = time_view(end, p.edition.time_zone);
            throw http::Error(409, say("feedback.not_yet.title"),
                              say("feedback.not_yet.detail",
                                  {{"time", when.is_object() ? when.value("text", end) : end}}));
        }
        case policy::RatingVerdict::allowed:
            break;
    }
    auto read = feedback::read_rating(typed);
    if (!read.rating) throw http::unprocessable(read.errors);
    Rated out{*read.rating, false};
    out.changed =
        store::save_rating(ex.db(), s.session.id, rater_of(ex, true), out.rating, ex.now());
    return out;
}

nlohmann::json session_results(Exchange& ex, const PublicProgramme& p,
                               const programme::ListedSession& s) {
    const auto& e = p.edition;
    ex.require(
        policy::may_read_session_feedback(ex.actor(), {e.id, organises(ex, e.id, s.session.id)}),
        say("feedback.results.organisers_only"));
    auto per = feedback::summaries(store::rating_counts(ex.db(), s.session.id));
    auto out = summary_json(per[s.session.id]);
    nlohmann::json comments = nlohmann::json::array();
    for (const auto& c : store::session_comments(ex.db(), s.session.id))
        comments.push_back({{"rating", c.rating},
                            {"comment", c.comment},
                            {"stakeholder_group", c.stakeholder_group},
                            {"stakeholder_group_name", group_name(c.stakeholder_group)},
                            {"at", c.updated_at}});
    out.update({{"code", s.session.code},
                {"title", s.session.title},
                {"url", session_path(p, s)},
                {"ended", feedback::session_ended(end_utc(p, s), ex.now())},
                {"comments", comments},
                {"has_comments", !comments.empty()}});
    return out;
}

nlohmann::json edition_results(Exchange& ex, const PublicProgramme& p) {
    const auto& e = p.edition;
    ex.require(policy::may_read_edition_feedback(ex.actor(), e.id), say("policy.secretariat_only"));
    auto per = feedback::summaries(store::rating_counts(ex.db(), e.id));
    std::map<SessionId, std::string> themes, types;
    nlohmann::json sessions = nlohmann::json::array();
    std::int64_t rated = 0;
    for (const auto& s : p.sessions) {
        themes[s.session.id] = s.session.theme;
        types[s.session.id] = s.session.session_type;
        auto found = per.find(s.session.id);
        auto j = summary_json(found == per.end() ? feedback::Summary{} : found->second);
        if (found != per.end()) ++rated;
        auto type = p.type_names.find(s.session.session_type);
        j.update({{"code", s.session.code},
                  {"title", s.session.title},
                  {"theme", s.session.theme},
                  {"type", s.session.session_type},
                  {"type_name", type != p.type_names.end()
                                    ? type->second
                                    : code_label("programme.type.", s.session.session_type)},
                  {"results", session_path(p, s) + "/feedback"}});
        sessions.push_back(std::move(j));
    }
    auto grouped = [&](const std::map<SessionId, std::string>& key_of, bool type) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& [key, summary] : feedback::summed_by(per, key_of)) {
            auto j = summary_json(summary);
            std::string name = key;
            if (type) {
                auto at = p.type_names.find(key);
                name = at != p.type_names.end() ? at->second : code_label("programme.type.", key);
            } else if (key.empty()) {
                name = say("feedback.results.no_theme");
            }
            j.update({{"key", key}, {"name", name}});
            out.push_back(std::move(j));
        }
        return out;
    };
    feedback::Summary all;
    for (const auto& [id, summary] : per)
        if (themes.count(id)) all.add(summary);
    auto out = summary_json(all);
    out.update({{"edition", e.id},
                {"sessions", sessions},
                {"rated_sessions", rated},
                {"by_theme", grouped(themes, false)},
                {"by_type", grouped(types, true)},
                {"refused_floods", refused_ratings()}});
    return out;
}

}  // namespace convene::web
