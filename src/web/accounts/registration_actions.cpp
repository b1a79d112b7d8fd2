// Registering an account and confirming its address, shared by the pages and the API.
#include "web/accounts/registration_actions.hpp"

#include "core/accounts/password_rules.hpp"
#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/common/times.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/accounts/blocks.hpp"
#include "store/common/outbox.hpp"
#include "web/accounts/session_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/links.hpp"
#include "web/site/mail.hpp"

namespace convene::web {

FieldErrors check_registration(const Registration& r) {
    FieldErrors errors;
    if (auto e = check_text({"name", say("accounts.name"), true, 200}, r.name))
        errors.push_back(*e);
    if (!looks_like_email(normal_email(r.email)))
        errors.push_back({"email", say("accounts.e_mail_must_be_an_address")});
    if (auto e = check_password(r.password, r.email, r.name)) errors.push_back(*e);
    return errors;
}

// A new link to confirm the address (single use, expiring), carrying the password hash
// typed with this registration; following it signs in and goes to `next`.
void send_verification_link(Exchange& ex, AccountId account, const std::string& email,
                            const std::string& name, const std::string& password_hash,
                            const std::string& next) {
    auto token = random_token();
    auto expires = format_utc(ex.clock() + std::chrono::hours(24 * verification_link_days));
    store::create_email_verification(ex.db(), account, email, token_hash(token), ex.now(), expires,
                                     password_hash);
    auto link = ex.app.config().base_url + "/verify/" + token;
    if (next != "/") link += "?next=" + http::percent_encode(next);
    auto mail = mail_from_template(
        "verify_email",
        {{"name", name}, {"link", link}, {"expires_at", stored_time(expires, "UTC").text}});
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
             std::chrono::hours(1), "throttle.registrations");
    auto email = normal_email(r.email);
    auto name = trim(r.name);
    auto password_hash = hash_password(r.password);
    auto existing = store::find_account_for_sign_in(ex.db(), email);
    if (existing && existing->first.blocked) return;  // no mail, no link: the same answer
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
    AccountId id = existing ? existing->first.id : AccountId{};
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
        ex.audit("account.register", "account " + to_string(id), {{"email", email}});
    }
    send_verification_link(ex, id, email, name, password_hash, next);
}

http::Response register_page(Exchange& ex, const Registration& r, const std::string& next,
                             const FieldErrors& errors, int status) {
    nlohmann::json view = {
        {"title", say("page.accounts.create_an_account.title")},
        {"next", next},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()},
        {"fields",
         {field_view("name", say("accounts.your_name"), r.name, errors, "text", true),
          field_view("email", "E-mail", r.email, errors, "email", true),
          field_view("password", say("accounts.password"), "", errors, "password", true,
                     say("accounts.at_least_10_characters_a_few"))}}};
    view["fields"][0]["autocomplete"] = "name";
    view["fields"][1]["autocomplete"] = "email";
    view["fields"][2]["autocomplete"] = "new-password";
    return ex.page("accounts/register", view, status);
}

// The verification link: unknown, used or expired links are refused by name.
store::EmailVerification valid_verification(Exchange& ex) {
    auto found = store::find_email_verification(ex.db(), token_hash(ex.params.text("token")));
    require_usable_link(ex, found.has_value(), found ? found->used_at : "",
                        found ? found->expires_at : "",
                        {"accounts.link.unknown", "accounts.link.used", "accounts.link.expired"});
    // Links sent before the account was blocked open nothing while it is.
    if (store::account_blocked(ex.db(), found->account_id))
        throw http::Error(410, say("link.no_longer_works"),
                          say("accounts.this_link_can_no_longer_be"));
    return *found;
}

// Uses the link with the password typed at that registration (so somebody who registered
// the address first cannot have its owner confirm an account whose password they know):
// the address is verified, that password set, and the owner signed in.
store::Account verify(Exchange& ex, const std::string& password) {
    auto link = valid_verification(ex);
    auto account = store::find_account(ex.db(), link.account_id);
    if (!account || account->email != normal_email(link.email))
        throw http::Error(410, say("accounts.link_already_used"),
                          say("accounts.this_link_can_no_longer_be"));
    const std::string failures = "verify:" + to_string(link.id);
    auto since = format_utc(ex.clock() - std::chrono::minutes(15));
    if (store::failures_since(ex.db(), failures, since) >= 5)
        throw http::Error(429, say("accounts.too_many_attempts"),
                          say("accounts.too_many_wrong_passwords_for_this"));
    if (!verify_password(password, link.password_hash)) {
        store::record_failure(ex.db(), failures, ex.now());
        ex.keep_writes_on_error();
        throw http::unprocessable({{"password", say("accounts.type_the_password_you_chose_when")}});
    }
    if (!store::use_email_verification(ex.db(), link.id, ex.now()))
        throw http::Error(410, say("accounts.link_already_used"),
                          say("accounts.this_link_can_no_longer_be"));
    if (!account->email_verified) {
        // Whatever was made before the owner confirmed goes: sessions, tokens, devices,
        // the other links sent to the address.
        store::forget_before_verification(ex.db(), account->id, ex.now());
        store::set_password_hash(ex.db(), account->id, link.password_hash);
        store::mark_email_verified(ex.db(), account->id, ex.now());
        account->email_verified = true;
    }
    ex.audit("account.verify_email", "account " + to_string(account->id),
             {{"email", account->email}});
    start_session(ex, *account);
    return *account;
}

http::Response verification_page(Exchange& ex, const std::string& email, const std::string& next,
                                 const FieldErrors& errors, int status) {
    nlohmann::json view = {
        {"title", say("page.accounts.confirm_your_e_mail.title")},
        {"email", email},
        {"token", ex.params.text("token")},
        {"next", next},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()},
        {"fields",
         {field_view("password", say("accounts.your_password"), "", errors, "password", true,
                     say("accounts.the_one_you_chose_when_you"))}}};
    view["fields"][0]["autocomplete"] = "current-password";
    return ex.page("accounts/verify", view, status);
}

}  // namespace convene::web
