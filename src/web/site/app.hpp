#pragma once
// The web application: every request passes through App::handle, which finds the
// route, checks CSRF, opens the request's transaction, calls the handler, commits or
// rolls back, and renders any error as an HTML page or a JSON problem document.
#include <atomic>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "core/common/clock.hpp"
#include "core/common/field_error.hpp"
#include "core/policy/policy.hpp"
#include "database/database.hpp"
#include "http/address.hpp"
#include "http/live.hpp"
#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "web/site/other_nodes.hpp"

namespace convene::web {

class Exchange;
using Handler = http::Response (*)(Exchange&);

struct Config {
    std::string base_url = "http://127.0.0.1:8080";
    int session_days = 14;
    int throttle_minutes = 15;
    int max_failures_per_account = 5;
    int max_failures_per_address = 20;
    int sign_in_pause_seconds = 30;   // after too many failures, one attempt per pause
    int registrations_per_hour = 20;  // per address
    int invitations_per_hour = 20;    // co-organiser invitations per account
    int saves_per_minute = 60;        // proposal saves per account
    int speaker_link_days = 30;       // how long a speaker's confirmation link works
    bool smtp_configured = false;
    std::vector<http::AddressRange> trusted_proxies;  // whose X-Forwarded-For is believed
    std::string metrics_token;                        // empty: /metrics for loopback only
    bool test_hooks = false;  // POST /_test/clock moves the clock (tests only; see cli)
};

class App {
  public:
    App(Config config, std::unique_ptr<db::Database> database);

    http::Response handle(http::Request& request);
    http::Response error_page(const http::Request& request, int status, const std::string& title,
                              const std::string& detail, const FieldErrors& fields = {});

    const Config& config() const { return config_; }
    // Once the port is known (listening on port 0), before the first request.
    void set_base_url(std::string url) { config_.base_url = std::move(url); }
    db::Database& database() { return *database_; }
    http::Metrics& metrics() { return metrics_; }
    bool secure_cookies() const { return config_.base_url.rfind("https://", 0) == 0; }
    // Over https the cookies carry the __Host- prefix: a browser accepts them only from
    // this host, so no sibling domain can plant a session or CSRF cookie.
    const char* session_cookie_name() const {
        return secure_cookies() ? "__Host-convene_session" : "convene_session";
    }
    const char* csrf_cookie_name() const {
        return secure_cookies() ? "__Host-convene_csrf" : "convene_csrf";
    }

    http::LiveHub& live() { return live_; }
    // The other nodes on the same PostgreSQL (other_nodes.hpp).
    OtherNodes& other_nodes() { return other_nodes_; }

    // The server's clock: every deadline, expiry and throttle window of the web layer
    // reads it. Tests move it through the test hooks; nothing else can.
    Clock::time_point now() const { return Clock::now() + std::chrono::seconds(clock_offset_); }
    void move_clock(std::chrono::seconds by) { clock_offset_ += by.count(); }
    void reset_clock() { clock_offset_ = 0; }
    // Each stage adds its addresses (web/<stage>/routes.cpp).
    // Every route names the gate (core/policy) its caller must pass before the handler
    // runs; the handler decides about the object at hand through the policy as well.
    static constexpr bool cacheable = true;
    void route(std::string method, std::string pattern, policy::Gate gate, Handler h,
               bool cacheable = false) {
        router_.add(std::move(method), std::move(pattern), Route{h, gate, cacheable});
    }
    // A route whose work may take seconds (a solver, a run over a whole edition, a bulk
    // import): the server runs it on threads apart from the ones reading and writing
    // connections, so the connections that share its thread do not wait for it.
    void long_route(std::string method, std::string pattern, policy::Gate gate, Handler h) {
        if (method == "GET" || method == "HEAD") throw std::logic_error("a long route is a write");
        long_routes_.add(method, pattern, true);
        route(std::move(method), std::move(pattern), gate, std::move(h));
    }
    // Whether the request goes to a long route (matched among those few only).
    bool runs_long(const http::Request& request) const {
        return !request.is_safe_method() &&
               long_routes_.match(request.method, request.path).handler != nullptr;
    }
    // A route whose caller proves itself with a token of its own (in the address or an
    // Authorization header), never with a cookie: no ambient credential, so no CSRF
    // check, as for bearer API tokens (captioning software pushing captions).
    void token_route(std::string method, std::string pattern, Handler h) {
        router_.add(std::move(method), std::move(pattern),
                    Route{h, policy::Gate::anyone, false, true});
    }
    // A form kept after its sender's sign-in expired comes back in this page: the form
    // page is the POST address plus `suffix` ("/edit"), given the kept form's token.
    void refill(std::string post_pattern, std::string suffix) {
        refills_.emplace_back(std::move(post_pattern), std::move(suffix));
    }
    // The page that shows a form posted to `path` again, filled; "" when there is none.
    std::string refill_page(const std::string& path) const;
    struct RouteEntry {
        std::string method, pattern;
        policy::Gate gate;
    };
    // The route table as served, with each route's gate.
    std::vector<RouteEntry> route_table() const;
    // Whether this request may follow the live topic (GET /live/<topic>).
    bool may_follow(const http::Request& request, const std::string& topic);

    // Public pages are cached until the next committed write (or a few seconds, so
    // nodes sharing one PostgreSQL see each other's writes).
    void invalidate_cache() { ++generation_; }

  private:
    struct Route {
        Handler handler;
        policy::Gate gate;
        bool cacheable = false;  // anonymous GETs may be served from the page cache
        bool own_token = false;  // see token_route
    };
    struct CachedPage {
        std::uint64_t generation;
        std::chrono::steady_clock::time_point stored;
        http::Response response;
    };

    http::Response dispatch(http::Request& request, const Route& route,
                            const http::PathParams& params);
    void add_routes();

    Config config_;
    std::unique_ptr<db::Database> database_;
    http::Router<Route> router_;
    http::Router<bool> long_routes_;  // the routes added by long_route(), all writes
    http::Metrics metrics_;
    http::LiveHub live_;
    std::atomic<std::uint64_t> generation_{0};
    std::atomic<std::int64_t> clock_offset_{0};
    std::shared_mutex cache_mutex_;
    std::unordered_map<std::string, CachedPage> cache_;
    std::vector<std::pair<std::string, std::string>> refills_;
    // Last: its thread calls into the members above, so it stops first.
    OtherNodes other_nodes_{*this};
};

}  // namespace convene::web
