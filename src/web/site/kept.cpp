#include "web/site/kept.hpp"

#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/common/kept_forms.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

constexpr std::size_t largest_kept_form = 512 * 1024;
constexpr auto kept_for = std::chrono::hours(24);

// Addresses whose forms hold nothing worth keeping, or secrets never to be stored.
bool never_kept(const std::string& path) {
    for (const char* prefix : {"/login", "/logout", "/register", "/verify/", "/account",
                               "/co-organise/", "/confirm/", "/api/", "/_test/"})
        if (path.rfind(prefix, 0) == 0) return true;
    return false;
}

std::string encoded(const http::Form& form) {
    std::string out;
    for (const auto& [name, value] : form.values()) {
        if (name == csrf_field || ascii_lower(name).find("password") != std::string::npos) continue;
        out += (out.empty() ? "" : "&") + http::percent_encode(name) + "=" +
               http::percent_encode(value);
    }
    return out;
}

}  // namespace

std::optional<http::Response> keep_expired_form(Exchange& ex) {
    const auto& r = ex.request;
    if (r.method != "POST" || http::wants_json(r) || never_kept(r.path) ||
        r.header("authorization").rfind("Bearer ", 0) == 0 || r.body.size() > largest_kept_form ||
        !is_valid_utf8(r.body) ||
        ascii_lower(r.header("content-type")).rfind("application/x-www-form-urlencoded", 0) != 0)
        return std::nullopt;
    // Only a page of this site may have its values kept: a cross-site post could
    // otherwise plant values in a form its victim then saves.
    auto site = ascii_lower(r.header("sec-fetch-site"));
    if (!site.empty() && site != "same-origin" && site != "none") return std::nullopt;
    auto body = encoded(http::parse_urlencoded(r.body));
    auto token = random_token();
    ex.restart_write();
    store::keep_form(ex.db(), token_hash(token), r.path, body, ex.now(),
                     format_utc(ex.clock() + kept_for));
    auto back = "/kept/" + token;
    bool signed_in = false;
    try {
        signed_in = ex.account().has_value();
    } catch (const http::Error&) {
    }
    return http::Response::redirect(signed_in ? back : "/login?next=" + http::percent_encode(back));
}

http::Response kept_form_page(Exchange& ex) {
    const auto& account = ex.require_sign_in();
    auto kept = store::find_kept_form(ex.db(), token_hash(ex.params.text("token")), ex.now());
    if (!kept || !store::claim_kept_form(ex.db(), kept->id, account.id))
        throw http::Error(410, say("site.kept.gone.title"), say("site.kept.gone"));
    auto page = ex.app.refill_page(kept->path);
    if (!page.empty()) return http::Response::redirect(page + "?kept=" + ex.params.text("token"));
    // No form page of its own: the kept fields, sent again with a fresh token on request.
    nlohmann::json fields = nlohmann::json::array();
    auto form = http::parse_urlencoded(kept->body);
    for (const auto& [name, value] : form.values())
        fields.push_back({{"name", name}, {"value", value}});
    nlohmann::json view = {{"title", say("page.title", {{"heading", say("site.kept.heading")}})},
                           {"heading", say("site.kept.heading")},
                           {"action", kept->path},
                           {"fields", fields}};
    return ex.page("site/kept", view);
}

std::optional<http::Form> kept_form(Exchange& ex, const std::string& path) {
    auto token = ex.request.query_param("kept");
    if (token.empty()) return std::nullopt;
    const auto& account = ex.require_sign_in();
    auto kept = store::find_kept_form(ex.db(), token_hash(token), ex.now());
    if (!kept || kept->path != path || !store::claim_kept_form(ex.db(), kept->id, account.id))
        return std::nullopt;
    return http::parse_urlencoded(kept->body);
}

}  // namespace convene::web
