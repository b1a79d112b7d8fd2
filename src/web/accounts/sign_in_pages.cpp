// Signing in and out. Failed attempts slow down further attempts on the same account
// (and from the same address) instead of blocking them, and the right password from a
// device or address the account used before is never slowed by others' failures.
#include <algorithm>
#include <vector>

#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "web/accounts/handlers.hpp"
#include "web/accounts/session_actions.hpp"
#include "web/accounts/sign_in_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

std::string safe_next(const std::string& next) {
    // Browsers drop tabs and newlines from addresses, so "/\t/evil.example" would be
    // "//evil.example", another site; control characters would reach the headers.
    if (next.empty() || next.size() > 2000 || next[0] != '/') return "/";
    for (char c : next) {
        auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == '\\') return "/";
    }
    if (next.size() > 1 && next[1] == '/') return "/";
    return next;
}

void throttle(Exchange& ex, const std::string& key, int limit, std::chrono::seconds window,
              const std::string& what_key) {
    store::lock_throttle(ex.db(), key, ex.now());
    auto since = format_utc(ex.clock() - window);
    if (store::events_since(ex.db(), key, since) >= limit) {
        ex.keep_writes_on_error();
        auto minutes = std::to_string((window.count() + 59) / 60);
        throw http::Error(
            429, say("accounts.too_many_attempts"),
            say("throttle.too_many", {{"what", say(what_key)}, {"minutes", minutes}}));
    }
    store::record_event(ex.db(), key, ex.now());
}

void start_session(Exchange& ex, const store::Account& account) {
    auto token = random_token();
    auto days = ex.app.config().session_days;
    store::create_session(ex.db(), token_hash(token), account.id, ex.now(),
                          format_utc(ex.clock() + std::chrono::hours(24 * days)));
    http::CookieOptions o;
    o.secure = ex.app.secure_cookies();
    o.max_age_seconds = 86400L * days;
    ex.response_headers.emplace_back(
        "set-cookie", http::set_cookie_value(ex.app.session_cookie_name(), token, o));
    // The device: kept a year, so its owner is recognised at the next sign-in.
    auto device = ex.request.cookie(device_cookie);
    if (device.size() != 64) {
        device = random_token();
        http::CookieOptions d = o;
        d.max_age_seconds = 86400L * 365;
        d.same_site = "Strict";
        ex.response_headers.emplace_back("set-cookie",
                                         http::set_cookie_value(device_cookie, device, d));
    }
    store::remember_device(ex.db(), account.id, "device:" + token_hash(device), ex.now());
    store::remember_device(ex.db(), account.id, "address:" + ex.client_address(), ex.now());
    o.max_age_seconds = -1;
    ex.response_headers.emplace_back(
        "set-cookie", http::set_cookie_value(ex.app.csrf_cookie_name(), random_token(), o));
    ex.audit("account.sign_in", "account " + to_string(account.id), nlohmann::json::object());
}

void end_session(Exchange& ex) {
    for (const auto& token : ex.request.cookies(ex.app.session_cookie_name()))
        if (!token.empty()) store::delete_session(ex.db(), token_hash(token));
    http::CookieOptions o;
    o.secure = ex.app.secure_cookies();
    o.max_age_seconds = 0;
    ex.response_headers.emplace_back("set-cookie",
                                     http::set_cookie_value(ex.app.session_cookie_name(), "", o));
}

http::Response sign_in_form(Exchange& ex) {
    return sign_in_page(ex, "", safe_next(ex.request.query_param("next")), "", 200);
}

http::Response sign_in(Exchange& ex) {
    const auto& form = ex.form();
    auto email = form.get("email"), next = safe_next(form.get("next"));
    try {
        auto account = attempt_sign_in(ex, email, form.get("password"));
        if (!account)
            return sign_in_page(ex, email, next, say("accounts.the_e_mail_address_or_the"), 401);
        start_session(ex, *account);
        return http::Response::redirect(next);
    } catch (const http::Error& e) {
        // Waiting, a blocked account or an address not confirmed: said on the form.
        if (e.status() != 429 && e.status() != 403) throw;
        return sign_in_page(ex, email, next, e.detail(), e.status());
    }
}

http::Response sign_out(Exchange& ex) {
    end_session(ex);
    return http::Response::redirect("/");
}

}  // namespace convene::web
