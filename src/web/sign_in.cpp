// Signing in and out. Failed attempts slow down further attempts on the same account
// (and from the same address) instead of blocking them, and the right password from a
// device or address the account used before is never slowed by others' failures.
#include <algorithm>
#include <vector>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "web/exchange.hpp"
#include "web/handlers.hpp"
#include "web/sessions.hpp"

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
              const std::string& what) {
    store::lock_throttle(ex.db(), key, ex.now());
    auto since = format_utc(ex.clock() - window);
    if (store::events_since(ex.db(), key, since) >= limit) {
        ex.keep_writes_on_error();
        auto minutes = std::to_string((window.count() + 59) / 60);
        throw http::Error(429, "Too many attempts",
                          "Too many " + what + " in a short time. Please wait up to " + minutes +
                              " minutes and try again.");
    }
    store::record_event(ex.db(), key, ex.now());
}

namespace {

http::Response sign_in_page(Exchange& ex, const std::string& email, const std::string& next,
                            const std::string& message, int status) {
    nlohmann::json view = {{"title", "Sign in - Convene"},
                           {"email", email},
                           {"next", next},
                           {"message", message},
                           {"has_message", !message.empty()}};
    return ex.page("sign_in", view, status);
}

// Seconds left before another attempt under `key`, once it has failed `limit` times in
// the window: attempts go on, one per `pause`, so nobody can lock an account or an
// address out (a proxy's address is everybody's).
long wait_for(Exchange& ex, const std::string& key, int limit, const std::string& since,
              std::chrono::seconds pause) {
    if (store::failures_since(ex.db(), key, since) < limit) return 0;
    auto last = parse_utc(store::last_failure(ex.db(), key));
    if (!last) return 0;
    auto left = std::chrono::duration_cast<std::chrono::seconds>(*last + pause - ex.clock());
    return left.count() > 0 ? static_cast<long>(left.count()) : 0;
}

// One password check whether or not the account exists: the same Argon2 work either
// way, so the time taken does not tell which addresses have accounts.
const std::string& stand_in_hash() {
    static const std::string hash = hash_password(random_token());
    return hash;
}

// Checks the password; throws 429 with Retry-After while this caller must wait.
std::optional<store::Account> attempt_sign_in(Exchange& ex, const std::string& typed_email,
                                              const std::string& password) {
    const auto& config = ex.app.config();
    auto since = format_utc(ex.clock() - std::chrono::minutes(config.throttle_minutes));
    const auto email = normal_email(typed_email);
    const auto device = ex.request.cookie(device_cookie);
    const std::string account_key = "account:" + email,
                      address_key = "address:" + ex.client_address(),
                      device_key = "device:" + token_hash(device);
    auto found = store::find_account_for_sign_in(ex.db(), email);
    // A device cookie the account signed in with before has a bucket of its own; else an
    // address it signed in from (shared by whoever else is there, whatever cookie they
    // send); anyone else shares the account's bucket and the address's.
    bool by_device = found && device.size() == 64 &&
                     store::is_known_device(ex.db(), found->first.id, device_key);
    bool by_address =
        found && !by_device && store::is_known_device(ex.db(), found->first.id, address_key);
    bool known = by_device || by_address;
    const auto pause = std::chrono::seconds(config.sign_in_pause_seconds);
    const std::string own_key = known ? "known:" + std::to_string(found->first.id) + ":" +
                                            (by_device ? device_key : address_key)
                                      : account_key;
    // Attempts on one key wait for each other (PostgreSQL runs them side by side); the
    // keys are locked in one order, so two requests never wait on each other's.
    std::vector<std::string> keys = {own_key};
    if (!by_device) keys.push_back(address_key);
    std::sort(keys.begin(), keys.end());
    for (const auto& key : keys) store::lock_throttle(ex.db(), key, ex.now());
    long wait = wait_for(ex, own_key, config.max_failures_per_account, since, pause);
    if (!by_device)
        wait = std::max(wait,
                        wait_for(ex, address_key, config.max_failures_per_address, since, pause));
    if (wait > 0) {
        ex.response_headers.emplace_back("retry-after", std::to_string(wait));
        throw http::Error(429, "Too many attempts",
                          "Too many failed sign-ins. Please wait " + std::to_string(wait) +
                              " seconds and try again.");
    }
    bool right = verify_password(password, found ? found->second : stand_in_hash());
    if (found && right && !found->first.email_verified)
        throw http::Error(403, "Address not confirmed yet",
                          "Confirm your e-mail address first: follow the link we sent to " +
                              found->first.email +
                              ". No link? Create the account again to get a new one.");
    if (found && right) {
        store::clear_failures(ex.db(), own_key);
        store::purge_expired(ex.db(), ex.now(), since,
                             format_utc(ex.clock() - std::chrono::hours(2)));
        return found->first;
    }
    store::record_failure(ex.db(), own_key, ex.now());
    if (!by_device) store::record_failure(ex.db(), address_key, ex.now());
    ex.keep_writes_on_error();
    return std::nullopt;
}

}  // namespace

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
    ex.audit("account.sign_in", "account " + std::to_string(account.id), nlohmann::json::object());
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
            return sign_in_page(ex, email, next, "The e-mail address or the password is wrong.",
                                401);
        start_session(ex, *account);
        return http::Response::redirect(next);
    } catch (const http::Error& e) {
        if (e.status() != 429) throw;
        return sign_in_page(ex, email, next, e.detail(), 429);
    }
}

http::Response sign_out(Exchange& ex) {
    end_session(ex);
    return http::Response::redirect("/");
}

http::Response api_session(Exchange& ex) {
    nlohmann::json out = {{"signed_in", ex.account().has_value()}, {"csrf_token", ex.csrf_token()}};
    if (ex.account())
        out["account"] = {{"id", ex.account()->id},
                          {"email", ex.account()->email},
                          {"name", ex.account()->name},
                          {"email_verified", ex.account()->email_verified}};
    return http::Response::json(out);
}

http::Response api_sign_in(Exchange& ex) {
    const auto& form = ex.form();
    auto account = attempt_sign_in(ex, form.get("email"), form.get("password"));
    if (!account)
        throw http::Error(401, "Sign-in failed", "The e-mail address or the password is wrong.");
    start_session(ex, *account);
    return http::Response::json(
        {{"signed_in", true},
         {"account", {{"id", account->id}, {"email", account->email}, {"name", account->name}}}});
}

http::Response api_sign_out(Exchange& ex) {
    end_session(ex);
    http::Response r;
    r.status = 204;
    r.content_type = "application/json";
    return r;
}

}  // namespace convene::web
