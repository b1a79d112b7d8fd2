#include "web/site/app.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/compression.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/proposals/proposals.hpp"
#include "store/proposals/submissions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/kept.hpp"
#include "web/site/render.hpp"
#include "web/site/static_assets.hpp"

namespace convene::web {

namespace {

void add_security_headers(http::Response& r) {
    r.set_header("x-content-type-options", "nosniff");
    r.set_header("referrer-policy", "same-origin");
    r.set_header("x-frame-options", "DENY");
    r.set_header("content-security-policy",
                 "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                 "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
}

// Unsafe requests carry the CSRF token (form field or X-CSRF-Token header) that matches
// the browser's CSRF cookie; scripts with a bearer token have no ambient credential.
void check_csrf(Exchange& ex) {
    if (ex.request.header("authorization").rfind("Bearer ", 0) == 0) return;
    std::string sent(ex.request.header("x-csrf-token"));
    auto type = ascii_lower(ex.request.header("content-type"));
    if (sent.empty() && (type.rfind("application/x-www-form-urlencoded", 0) == 0 ||
                         type.rfind("multipart/form-data", 0) == 0))
        sent = ex.form().get(csrf_field);
    // Over https the __Host- prefix keeps planted cookies out (see App::csrf_cookie_name).
    if (!same_secret(ex.request.cookie(ex.app.csrf_cookie_name()), sent))
        throw http::Error(403, say("site.form_expired"), say("site.this_form_s_security_token_is"));
}

}  // namespace

App::App(Config config, std::unique_ptr<db::Database> database)
    : config_(std::move(config)), database_(std::move(database)) {
    add_routes();
    metrics_.add_gauges([this] {
        auto fanout = live_.fanout_times();
        return std::vector<std::pair<std::string, double>>{
            {"convene_db_pool_size", static_cast<double>(database_->pool_size())},
            {"convene_db_pool_in_use", static_cast<double>(database_->in_use())},
            {"convene_live_subscribers", static_cast<double>(live_.subscribers())},
            // The latest live fan-outs (publish to the last follower's socket), in seconds.
            {"convene_live_fanout_p50_seconds", fanout.p50},
            {"convene_live_fanout_p99_seconds", fanout.p99},
            {"convene_live_fanout_max_seconds", fanout.max},
            // With several nodes on one PostgreSQL: 1 while this node hears the others.
            {"convene_nodes_listening", other_nodes_.listening() ? 1.0 : 0.0}};
    });
}

http::Response App::handle(http::Request& request) {
    auto started = std::chrono::steady_clock::now();
    auto match = router_.match(request.method, request.path);
    std::string route_name = match.pattern ? *match.pattern : "unmatched";
    http::Response response;
    // Nobody signed in: no session cookie with a value (however many are sent), no token.
    auto sessions = request.cookies(session_cookie_name());
    const bool anonymous =
        std::all_of(sessions.begin(), sessions.end(), [](const auto& s) { return s.empty(); }) &&
        request.header("authorization").empty();
    if (!is_valid_utf8(request.path)) {
        response = error_page(request, 400, say("site.bad_request"),
                              say("site.the_address_is_not_valid_utf"));
    } else if (!match.handler) {
        response =
            match.method_not_allowed
                ? error_page(request, 405, say("site.method_not_allowed"),
                             say("site.method_not_allowed.detail", {{"method", request.method}}))
                : error_page(request, 404, say("site.not_found"),
                             say("site.there_is_no_page_at_this"));
    } else {
        bool use_cache = match.handler->cacheable && anonymous && request.is_safe_method() &&
                         !http::wants_json(request);
        const auto key = request.target;
        std::optional<http::Response> cached;
        if (use_cache) {
            std::shared_lock lock(cache_mutex_);
            auto it = cache_.find(key);
            if (it != cache_.end() && it->second.generation == generation_ &&
                std::chrono::steady_clock::now() - it->second.stored < std::chrono::seconds(5))
                cached = it->second.response;
        }
        if (cached) {
            response = std::move(*cached);
        } else {
            response = dispatch(request, *match.handler, match.params);
            // A page that says how it may be kept (a reader's own answers) is not shared.
            if (use_cache && response.status == 200 && response.header("set-cookie").empty() &&
                response.header("cache-control").empty()) {
                response.set_header("etag", "\"" + token_hash(response.body).substr(0, 32) + "\"");
                std::unique_lock lock(cache_mutex_);
                if (cache_.size() > 1000) cache_.clear();
                cache_[key] = {generation_, std::chrono::steady_clock::now(), response};
            }
        }
        if (use_cache) {
            response.set_header("vary", "Cookie");
            auto etag = response.header("etag");
            if (http::etag_matches(request.header("if-none-match"), etag)) {
                response.status = 304;
                response.body.clear();
            }
        }
    }
    add_security_headers(response);
    // Pages for a signed-in account, forms and capability links stay out of shared and
    // back-button caches; only the public cacheable pages and static files may be kept.
    bool public_page = match.handler && match.handler->cacheable && anonymous;
    if (response.header("cache-control").empty() && !public_page &&
        request.path.rfind("/static/", 0) != 0)
        response.set_header("cache-control", "no-store");
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    metrics_.record(request.method, route_name, response.status, took.count());
    return response;
}

namespace {

// The edition a gated request is about: {edition} in the path, else the {proposal}'s.
std::optional<EditionId> edition_of_request(Exchange& ex) {
    if (ex.params.has("edition")) return ex.params.id<EditionId>("edition");
    if (ex.params.has("proposal")) {
        auto edition = store::edition_of_proposal(ex.db(), ex.params.id<ProposalId>("proposal"));
        if (!edition) throw http::not_found(say("site.no_such_proposal"));
        return edition;
    }
    return std::nullopt;
}

// The route's gate, before the handler: 401 for nobody signed in, 403 for the wrong role.
void check_gate(Exchange& ex, policy::Gate gate) {
    if (gate == policy::Gate::anyone) return;
    if (!ex.account()) throw http::unauthorized();
    std::optional<EditionId> edition;
    if (policy::needs_edition(gate)) edition = edition_of_request(ex);
    if (policy::pass(gate, ex.actor(), edition) == policy::Verdict::allowed) return;
    throw http::forbidden(gate == policy::Gate::member_of_edition ? say("policy.members_only")
                                                                  : say("policy.secretariat_only"));
}

}  // namespace

std::vector<App::RouteEntry> App::route_table() const {
    std::vector<RouteEntry> out;
    router_.each([&](const std::string& method, const std::string& pattern, const Route& r) {
        out.push_back({method, pattern, r.gate});
    });
    return out;
}

http::Response App::dispatch(http::Request& request, const Route& route,
                             const http::PathParams& params) {
    Exchange ex(*this, request, params);
    auto finish = [&](http::Response r) {
        for (auto& h : ex.response_headers) r.headers.push_back(h);
        return r;
    };
    bool csrf_failed = false;
    try {
        if (!request.is_safe_method() && !route.own_token) {
            csrf_failed = true;
            check_csrf(ex);
            csrf_failed = false;
        }
        check_gate(ex, route.gate);
        auto response = route.handler(ex);
        if (response.status < 400 || ex.keeps_writes()) {
            ex.commit();
            for (const auto& [topic, message] : ex.pending_events()) live_.publish(topic, message);
        } else {
            ex.rollback();
        }
        return finish(std::move(response));
    } catch (const http::Error& e) {
        // A form sent after its sign-in or token expired: kept, and the sender sent to
        // sign in (or straight back to it), never to a page that drops what they typed.
        if (e.status() == 401 || (e.status() == 403 && csrf_failed))
            if (auto kept = keep_expired_form(ex)) {
                ex.commit();
                return finish(std::move(*kept));
            }
        if (ex.keeps_writes())
            ex.commit();
        else
            ex.rollback();
        if (e.status() == 401 && request.method == "GET" && !http::wants_json(request))
            return finish(
                http::Response::redirect("/login?next=" + http::percent_encode(request.target)));
        return finish(error_page(request, e.status(), e.title(), e.detail(), e.fields()));
    } catch (const nlohmann::json::exception& e) {
        // A member of the body had a type the handler did not check for: still the
        // sender's mistake, never the server's.
        ex.rollback();
        spdlog::warn("unchecked JSON type on {} {}: {}", request.method,
                     http::redacted_target(request.target), e.what());
        return finish(error_page(
            request, 422, say("site.some_fields_need_attention"),
            say("site.wrong_type.detail", {{"what", std::string(e.what()).substr(0, 200)}}),
            {{"body", say("site.a_member_of_the_request_has")}}));
    } catch (const db::Error& e) {
        ex.rollback();
        if (e.kind() == db::Error::Kind::busy) {
            auto r = error_page(request, 503, say("site.busy"),
                                say("site.the_database_is_busy_please_try"));
            r.set_header("retry-after", "1");
            return finish(std::move(r));
        }
        spdlog::error("database error on {} {}: {}", request.method,
                      http::redacted_target(request.target), e.what());
        return finish(error_page(request, 500, say("site.server_error"),
                                 say("site.the_server_could_not_complete_this")));
    }
}

std::string App::refill_page(const std::string& path) const {
    auto match = router_.match("POST", path);
    if (!match.pattern) return "";
    for (const auto& [pattern, suffix] : refills_)
        if (pattern == *match.pattern) return path + suffix;
    return "";
}

bool App::may_follow(const http::Request& request, const std::string& topic) {
    auto parsed = policy::parse_live_topic(topic);
    if (!parsed) return false;
    if (parsed->kind != policy::LiveTopic::Kind::proposal) return true;
    try {
        http::Request copy = request;
        copy.method = "GET";
        http::PathParams params;
        Exchange ex(*this, copy, params);
        std::optional<policy::ProposalFacts> facts;
        if (auto edition = store::edition_of_proposal(ex.db(), parsed->proposal); edition)
            facts = policy::ProposalFacts{
                *edition,
                ex.account() && store::is_editor(ex.db(), parsed->proposal, ex.account()->id)};
        return policy::may_follow(ex.actor(), *parsed, facts);
    } catch (const std::exception& e) {
        spdlog::warn("live topic {}: {}", topic, e.what());
        return false;
    }
}

http::Response App::error_page(const http::Request& request, int status, const std::string& title,
                               const std::string& detail, const FieldErrors& fields) {
    if (http::wants_json(request)) {
        nlohmann::json problem = {
            {"type", "about:blank"}, {"title", title}, {"status", status}, {"detail", detail}};
        if (!fields.empty()) {
            problem["errors"] = nlohmann::json::array();
            for (const auto& f : fields)
                problem["errors"].push_back({{"field", f.field}, {"message", f.message}});
        }
        auto r = http::Response::json(problem, status);
        r.content_type = "application/problem+json";
        return r;
    }
    nlohmann::json view = {{"title", say("page.title", {{"heading", title}})},
                           {"heading", title},
                           {"detail", detail},
                           {"status", status},
                           {"errors", error_summary(fields)},
                           {"has_errors", !fields.empty()}};
    try {
        view["content"] = render_template("site/error", view);
        view["static"] = static_paths();
        return http::Response::html(render_template("site/layout", view), status);
    } catch (const std::exception& e) {
        spdlog::error("error page failed: {}", e.what());
        return http::Response::text(title + ": " + detail, status);
    }
}

}  // namespace convene::web
