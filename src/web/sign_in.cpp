#include "core/clock.hpp"
#include "core/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "web/exchange.hpp"
#include "web/handlers.hpp"

namespace convene::web {

namespace {

// Only local paths, so a crafted link cannot send people elsewhere after signing in.
std::string safe_next(const std::string& next) {
    if (next.size() > 1 && next[0] == '/' && next[1] != '/' && next.find('\\') == next.npos)
        return next;
    return "/";
}

http::Response sign_in_page(Exchange& ex, const std::string& email, const std::string& next,
                            const std::string& message, int status) {
    nlohmann::json view = {{"title", "Sign in - Convene"},
                           {"email", email},
                           {"next", next},
                           {"message", message},
                           {"has_message", !message.empty()}};
    return ex.page("sign_in", view, status);
}

// Checks the password, recording failures per account and per address; throws 429 while
// either has failed too often within the window.
std::optional<store::Account> attempt_sign_in(Exchange& ex, const std::string& email,
                                              const std::string& password) {
    const auto& config = ex.app.config();
    auto since = format_utc(Clock::now() - std::chrono::minutes(config.throttle_minutes));
    const std::string account_key = "account:" + email,
                      address_key = "address:" + ex.request.remote_address;
    if (store::failures_since(ex.db(), account_key, since) >= config.max_failures_per_account ||
        store::failures_since(ex.db(), address_key, since) >= config.max_failures_per_address)
        throw http::Error(429, "Too many attempts",
                          "Too many failed sign-ins. Please wait " +
                              std::to_string(config.throttle_minutes) + " minutes and try again.");
    auto found = store::find_account_for_sign_in(ex.db(), email);
    if (found && verify_password(password, found->second)) {
        store::clear_failures(ex.db(), account_key);
        store::purge_expired(ex.db(), ex.now(), since);
        return found->first;
    }
    if (!found) verify_password(password, hash_password("timing"));  // same cost either way
    store::record_failure(ex.db(), account_key, ex.now());
    store::record_failure(ex.db(), address_key, ex.now());
    ex.keep_writes_on_error();
    return std::nullopt;
}

// Starts a session: session cookie, and a fresh CSRF token so none survives from before.
void start_session(Exchange& ex, const store::Account& account) {
    auto token = random_token();
    auto days = ex.app.config().session_days;
    store::create_session(ex.db(), token_hash(token), account.id, ex.now(),
                          format_utc(Clock::now() + std::chrono::hours(24 * days)));
    http::CookieOptions o;
    o.secure = ex.app.secure_cookies();
    o.max_age_seconds = 86400L * days;
    ex.response_headers.emplace_back("set-cookie",
                                     http::set_cookie_value(session_cookie, token, o));
    o.max_age_seconds = -1;
    ex.response_headers.emplace_back("set-cookie",
                                     http::set_cookie_value(csrf_cookie, random_token(), o));
    ex.audit("account.sign_in", "account " + std::to_string(account.id), nlohmann::json::object());
}

void end_session(Exchange& ex) {
    auto token = ex.request.cookie(session_cookie);
    if (!token.empty()) store::delete_session(ex.db(), token_hash(token));
    http::CookieOptions o;
    o.secure = ex.app.secure_cookies();
    o.max_age_seconds = 0;
    ex.response_headers.emplace_back("set-cookie", http::set_cookie_value(session_cookie, "", o));
}

struct Registration {
    std::string name, email, password;
};

// Creates a proposer's account (proposer in every edition) and signs it in.
store::Account register_account(Exchange& ex, const Registration& r) {
    FieldErrors errors;
    if (auto e = check_text({"name", "Name", true, 200}, r.name)) errors.push_back(*e);
    auto email = ascii_lower(trim(r.email));
    if (!looks_like_email(email))
        errors.push_back({"email", "E-mail must be an address like name@example.org."});
    if (count_characters(r.password) < 10 || !is_valid_utf8(r.password))
        errors.push_back({"password", "Password must be at least 10 characters long."});
    else if (r.password.size() > 1000)
        errors.push_back({"password", "Password must be at most 1000 characters long."});
    throw_if_invalid(errors);
    try {
        db::Savepoint attempt(ex.db());
        auto id = store::create_account(ex.db(), email, trim(r.name), hash_password(r.password),
                                        ex.now());
        attempt.release();
        store::grant_role(ex.db(), id, Role::proposer, std::nullopt);
        store::Account account{id, email, trim(r.name)};
        ex.audit("account.register", "account " + std::to_string(id), {{"email", email}});
        start_session(ex, account);
        return account;
    } catch (const db::Error& e) {
        if (e.kind() != db::Error::Kind::unique_violation) throw;
        throw http::conflict("An account with this e-mail address exists.",
                             {{"email",
                               "An account with this e-mail address exists; sign in "
                               "instead."}});
    }
}

http::Response register_page(Exchange& ex, const Registration& r, const std::string& next,
                             const FieldErrors& errors, int status) {
    nlohmann::json view = {{"title", "Create an account - Convene"},
                           {"next", next},
                           {"errors", error_summary(errors)},
                           {"has_errors", !errors.empty()},
                           {"fields",
                            {field_view("name", "Your name", r.name, errors, "text", true),
                             field_view("email", "E-mail", r.email, errors, "email", true),
                             field_view("password", "Password", "", errors, "password", true,
                                        "At least 10 characters.")}}};
    view["fields"][0]["autocomplete"] = "name";
    view["fields"][1]["autocomplete"] = "email";
    view["fields"][2]["autocomplete"] = "new-password";
    return ex.page("register", view, status);
}

}  // namespace

http::Response register_form(Exchange& ex) {
    return register_page(ex, {}, safe_next(ex.request.query_param("next")), {}, 200);
}

http::Response register_submit(Exchange& ex) {
    const auto& form = ex.form();
    Registration r{form.get("name"), form.get("email"), form.get("password")};
    auto next = safe_next(form.get("next"));
    try {
        register_account(ex, r);
        return http::Response::redirect(next == "/" ? "/proposals" : next);
    } catch (const http::Error& e) {
        if (e.status() != 422 && e.status() != 409) throw;
        return register_page(ex, r, next, e.fields(), e.status());
    }
}

http::Response api_register(Exchange& ex) {
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object()) throw http::unprocessable({{"email", "Send name, email and password."}});
    auto text = [&](const char* name) {
        return body.contains(name) && body[name].is_string() ? body[name].get<std::string>()
                                                             : std::string{};
    };
    auto account = register_account(ex, {text("name"), text("email"), text("password")});
    nlohmann::json out = {{"id", account.id}, {"email", account.email}, {"name", account.name}};
    // A script (or the benchmark) may ask for an API token along with the account.
    if (body.value("api_token", false) == true) {
        auto token = random_token();
        store::create_api_token(ex.db(), token_hash(token), account.id, "registration", ex.now());
        out["api_token"] = token;
    }
    return http::Response::json(out, 201);
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
        out["account"] = {
            {"id", ex.account()->id}, {"email", ex.account()->email}, {"name", ex.account()->name}};
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
