// Creating an account and verifying its e-mail address. Registration answers the same
// whether or not the address has an account (the mail tells an existing owner instead),
// and an account submits or invites only once its owner followed the link sent to it.
#include "core/clock.hpp"
#include "core/password_rules.hpp"
#include "core/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/outbox.hpp"
#include "web/exchange.hpp"
#include "web/handlers.hpp"
#include "web/links.hpp"
#include "web/mail.hpp"
#include "web/sessions.hpp"

namespace convene::web {

namespace {

constexpr int verification_link_days = 3;

struct Registration {
    std::string name, email, password;
};

FieldErrors check_registration(const Registration& r) {
    FieldErrors errors;
    if (auto e = check_text({"name", "Name", true, 200}, r.name)) errors.push_back(*e);
    if (!looks_like_email(normal_email(r.email)))
        errors.push_back({"email", "E-mail must be an address like name@example.org."});
    if (auto e = check_password(r.password, r.email, r.name)) errors.push_back(*e);
    return errors;
}

// A new link to confirm the address (single use, expiring), carrying the password hash
// typed with this registration; following it signs in and goes to `next`.
void send_verification_link(Exchange& ex, std::int64_t account, const std::string& email,
                            const std::string& name, const std::string& password_hash,
                            const std::string& next) {
    auto token = random_token();
    auto expires = format_utc(ex.clock() + std::chrono::hours(24 * verification_link_days));
    store::create_email_verification(ex.db(), account, email, token_hash(token), ex.now(), expires,
                                     password_hash);
    auto link = ex.app.config().base_url + "/verify/" + token;
    if (next != "/") link += "?next=" + http::percent_encode(next);
    auto mail = mail_from_template("verify_email",
                                   {{"name", name}, {"link", link}, {"expires_at", expires}});
    mail.dedupe_key = "verify_email:" + token_hash(token);
    mail.recipient = email;
    store::enqueue_mail(ex.db(), mail, ex.now());
}

// Registers, or (for an address with an account) tells its owner; the same work and
// the same answer either way. A second registration of an unverified account sends a
// new link, which sets the password typed this time only when followed.
void register_account(Exchange& ex, const Registration& r, const std::string& next) {
    const auto& config = ex.app.config();
    throw_if_invalid(check_registration(r));
    throttle(ex, "register:" + ex.client_address(), config.registrations_per_hour,
             std::chrono::hours(1), "registrations from your address");
    auto email = normal_email(r.email);
    auto name = trim(r.name);
    auto password_hash = hash_password(r.password);
    auto existing = store::find_account_for_sign_in(ex.db(), email);
    if (existing && existing->first.email_verified) {
        // The password was hashed all the same: this answer takes as long as a new one.
        auto mail = mail_from_template(
            "account_exists", {{"name", existing->first.name}, {"base_url", config.base_url}});
        // At most one such mail a day, however often somebody tries the address.
        mail.dedupe_key = "account_exists:" + email + ":" + ex.now().substr(0, 10);
        mail.recipient = email;
        store::enqueue_mail(ex.db(), mail, ex.now());
        return;
    }
    std::int64_t id = existing ? existing->first.id : 0;
    if (!existing) {
        try {
            db::Savepoint attempt(ex.db());
            id = store::create_account(ex.db(), email, name, password_hash, ex.now(), false);
            attempt.release();
        } catch (const db::Error& e) {
            // The same address registered at the same moment: that one goes on.
            if (e.kind() != db::Error::Kind::unique_violation) throw;
            return;
        }
        store::grant_role(ex.db(), id, Role::proposer, std::nullopt);
        ex.audit("account.register", "account " + std::to_string(id), {{"email", email}});
    }
    send_verification_link(ex, id, email, name, password_hash, next);
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
                                        "At least 10 characters; a few unrelated words make a "
                                        "good password.")}}};
    view["fields"][0]["autocomplete"] = "name";
    view["fields"][1]["autocomplete"] = "email";
    view["fields"][2]["autocomplete"] = "new-password";
    return ex.page("register", view, status);
}

// The verification link: unknown, used or expired links are refused by name.
store::EmailVerification valid_verification(Exchange& ex) {
    auto found = store::find_email_verification(ex.db(), token_hash(ex.params.text("token")));
    require_usable_link(
        ex, found.has_value(), found ? found->used_at : "", found ? found->expires_at : "",
        {"This confirmation link is not valid. Create your account again to get a new one.",
         "This link was used on {at} (UTC). Sign in with your e-mail address and password.",
         "This link expired on {at} (UTC). Create your account again to get a new one."});
    return *found;
}

// Uses the link with the password typed at that registration (so somebody who registered
// the address first cannot have its owner confirm an account whose password they know):
// the address is verified, that password set, and the owner signed in.
store::Account verify(Exchange& ex, const std::string& password) {
    auto link = valid_verification(ex);
    auto account = store::find_account(ex.db(), link.account_id);
    if (!account || account->email != normal_email(link.email))
        throw http::Error(410, "Link already used", "This link can no longer be used.");
    const std::string failures = "verify:" + std::to_string(link.id);
    auto since = format_utc(ex.clock() - std::chrono::minutes(15));
    if (store::failures_since(ex.db(), failures, since) >= 5)
        throw http::Error(429, "Too many attempts",
                          "Too many wrong passwords for this link. Create your account again "
                          "for a new link.");
    if (!verify_password(password, link.password_hash)) {
        store::record_failure(ex.db(), failures, ex.now());
        ex.keep_writes_on_error();
        throw http::unprocessable(
            {{"password", "Type the password you chose when you created the account."}});
    }
    if (!store::use_email_verification(ex.db(), link.id, ex.now()))
        throw http::Error(410, "Link already used", "This link can no longer be used.");
    if (!account->email_verified) {
        // Whatever was made before the owner confirmed goes: sessions, tokens, devices,
        // the other links sent to the address.
        store::forget_before_verification(ex.db(), account->id, ex.now());
        store::set_password_hash(ex.db(), account->id, link.password_hash);
        store::mark_email_verified(ex.db(), account->id, ex.now());
        account->email_verified = true;
    }
    ex.audit("account.verify_email", "account " + std::to_string(account->id),
             {{"email", account->email}});
    start_session(ex, *account);
    return *account;
}

http::Response verification_page(Exchange& ex, const std::string& email, const std::string& next,
                                 const FieldErrors& errors, int status) {
    nlohmann::json view = {{"title", "Confirm your e-mail address - Convene"},
                           {"email", email},
                           {"token", ex.params.text("token")},
                           {"next", next},
                           {"errors", error_summary(errors)},
                           {"has_errors", !errors.empty()},
                           {"fields",
                            {field_view("password", "Your password", "", errors, "password", true,
                                        "The one you chose when you created the account.")}}};
    view["fields"][0]["autocomplete"] = "current-password";
    return ex.page("verify", view, status);
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
        register_account(ex, r, next);
        return ex.page("register_sent", {{"title", "Check your mail - Convene"},
                                         {"email", normal_email(r.email)},
                                         {"no_mail_server", !ex.app.config().smtp_configured}});
    } catch (const http::Error& e) {
        if (e.status() != 422) throw;
        return register_page(ex, r, next, e.fields(), e.status());
    }
}

http::Response api_register(Exchange& ex) {
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object()) throw http::unprocessable({{"email", "Send name, email and password."}});
    FieldErrors errors;
    auto text = [&](const char* name) {
        if (!body.contains(name)) return std::string{};
        if (!body[name].is_string()) {
            errors.push_back({name, std::string(name) + " must be a text."});
            return std::string{};
        }
        return body[name].get<std::string>();
    };
    Registration r{text("name"), text("email"), text("password")};
    throw_if_invalid(errors);
    register_account(ex, r, "/");
    return http::Response::json(
        {{"status", "pending"},
         {"detail", "If the address can be used, a link to confirm it is on its way to " +
                        normal_email(r.email) + ". Follow it to finish creating the account."}},
        202);
}

http::Response verification_form(Exchange& ex) {
    auto link = valid_verification(ex);
    return verification_page(ex, link.email, safe_next(ex.request.query_param("next")), {}, 200);
}

http::Response verification_use(Exchange& ex) {
    auto next = safe_next(ex.form().get("next"));
    try {
        verify(ex, ex.form().get("password"));
    } catch (const http::Error& e) {
        if (e.status() != 422) throw;
        return verification_page(ex, valid_verification(ex).email, next, e.fields(), 422);
    }
    return http::Response::redirect(next == "/" ? "/proposals?verified=1" : next);
}

http::Response api_verification_use(Exchange& ex) {
    bool want_token = false;
    std::string password;
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object() || !body.contains("password") || !body["password"].is_string())
        throw http::unprocessable(
            {{"password", "Send the password chosen when the account was created."}});
    password = body["password"].get<std::string>();
    if (body.contains("api_token")) {
        if (!body["api_token"].is_boolean())
            throw http::unprocessable({{"api_token", "api_token must be true or false."}});
        want_token = body["api_token"].get<bool>();
    }
    auto account = verify(ex, password);
    nlohmann::json out = {{"id", account.id},
                          {"email", account.email},
                          {"name", account.name},
                          {"email_verified", true}};
    // A script (or the benchmark) may ask for an API token along with the confirmation.
    if (want_token) {
        auto token = random_token();
        store::create_api_token(ex.db(), token_hash(token), account.id, "registration", ex.now());
        out["api_token"] = token;
    }
    return http::Response::json(out);
}

}  // namespace convene::web
