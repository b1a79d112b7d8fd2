#include <mutex>
#include <unordered_map>

#include "core/common/assets.hpp"
#include "core/common/messages.hpp"
#include "http/compression.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/editions/editions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/handlers.hpp"
#include "web/site/static_assets.hpp"
#include "web/site/views.hpp"

namespace convene::web {

http::Response home(Exchange& ex) {
    nlohmann::json view = {{"title", say("site.convene")}, {"editions", nlohmann::json::array()}};
    for (const auto& e : store::list_editions(ex.db())) view["editions"].push_back(edition_view(e));
    view["has_editions"] = !view["editions"].empty();
    return ex.page("site/home", view);
}

http::Response healthz(Exchange& ex) {
    db::ping(ex.db());
    auto engine = ex.app.database().engine() == db::Engine::sqlite ? "sqlite" : "postgresql";
    return http::Response::json({{"status", "ok"}, {"database", engine}});
}

// The metrics tell load and routes: a bearer token when one is set, else loopback only.
http::Response prometheus_metrics(Exchange& ex) {
    const auto& token = ex.app.config().metrics_token;
    auto authorization = ex.request.header("authorization");
    // Through a proxy that was not named with --trusted-proxy, loopback is everybody.
    bool forwarded =
        !ex.request.header("x-forwarded-for").empty() || !ex.request.header("forwarded").empty();
    bool allowed = token.empty() ? http::is_loopback(ex.client_address()) &&
                                       (!forwarded || !ex.app.config().trusted_proxies.empty())
                                 : authorization.rfind("Bearer ", 0) == 0 &&
                                       same_secret(authorization.substr(7), token);
    if (!allowed) throw http::forbidden(say("site.the_metrics_are_for_the_operators"));
    auto r = http::Response::text(ex.app.metrics().render());
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.set_header("cache-control", "no-store");
    return r;
}

namespace {
std::string content_type_of(std::string_view file) {
    if (file.ends_with(".css")) return "text/css; charset=utf-8";
    if (file.ends_with(".js") || file.ends_with(".mjs")) return "text/javascript; charset=utf-8";
    if (file.ends_with(".svg")) return "image/svg+xml";
    if (file.ends_with(".json")) return "application/json";
    if (file.ends_with(".png")) return "image/png";
    if (file.ends_with(".ico")) return "image/x-icon";
    return "application/octet-stream";
}
}  // namespace

namespace {
// One static file with its ETag (the content's hash, kept per file) and the caching asked.
http::Response static_answer(Exchange& ex, const std::string& file, std::string cache_control) {
    auto content = asset("static/" + file);
    if (!content) throw http::not_found(say("site.static_file.not_found", {{"name", file}}));
    static std::mutex mutex;
    static std::unordered_map<std::string, std::string> etags;
    std::string etag;
    {
        std::lock_guard lock(mutex);
        auto& e = etags[file];
        if (e.empty()) e = "\"" + token_hash(*content).substr(0, 32) + "\"";
        etag = e;
    }
    http::Response r;
    r.set_header("etag", etag);
    r.set_header("cache-control", std::move(cache_control));
    r.content_type = content_type_of(file);
    if (http::etag_matches(ex.request.header("if-none-match"), etag)) {
        r.status = 304;
        return r;
    }
    r.body = std::string(*content);
    return r;
}
}  // namespace

// A name with today's hash never changes content: kept a year. The plain name (pages
// of an older release, bookmarks) and an outdated hash get today's file, kept briefly.
http::Response static_file(Exchange& ex) {
    const auto& name = ex.params.text("file");
    auto resolved = resolve_static_name(name);
    if (!resolved) throw http::not_found(say("site.static_file.not_found", {{"name", name}}));
    return static_answer(
        ex, resolved->file,
        resolved->current_hash ? "public, max-age=31536000, immutable" : "public, max-age=300");
}

// Browsers ask for /favicon.ico on their own and expect an icon file there: they follow
// a permanent redirect to the SVG the pages link (a day's caching, so a release's new
// icon is found).
http::Response favicon(Exchange&) {
    auto r = http::Response::redirect(static_path("favicon.svg"), 301);
    r.set_header("cache-control", "public, max-age=86400");
    return r;
}

}  // namespace convene::web
