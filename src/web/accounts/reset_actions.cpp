// Password reset by mail link: single use, bound to the account, expiring, throttled,
// answering the same whether or not an account uses the address.
#include "web/accounts/reset_actions.hpp"

#include "core/accounts/password_rules.hpp"
#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/common/times.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/accounts/accounts.hpp"
#include "store/accounts/blocks.hpp"
#include "store/common/outbox.hpp"
#include "web/accounts/session_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/links.hpp"
#include "web/site/mail.hpp"

namespace convene::web {

void request_password_reset(Exchange& ex, const std::string& typed_email) {
    auto email = normal_email(typed_email);
    if (!looks_like_email(email))
        throw http::unprocessable({{"email", say("accounts.e_mail_must_be_an_address")}});
    throttle(ex, "reset:" + ex.client_address(), ex.app.config().registrations_per_hour,
             std::chrono::hours(1), "throttle.password_resets");
    auto found = store::find_account_for_sign_in(ex.db(), email);
    if (!found || found->first.blocked) return;  // a blocked account gets no link
    const auto& account = found->first;
    // Per account without a word: a 429 here would tell that the account exists.
    const std::string key = "reset-account:" + to_string(account.id);
    store::lock_throttle(ex.db(), key, ex.now());
    if (store::events_since(ex.db(), key, format_utc(ex.clock() - std::chrono::hours(1))) >=
        reset_mails_per_account_per_hour)
        return;
    store::record_event(ex.db(), key, ex.now());
    auto token = random_token();
    auto expires = format_utc(ex.clock() + std::chrono::minutes(reset_link_minutes));
    store::create_password_reset(ex.db(), account.id, token_hash(token), ex.now(), expires);
    auto mail = mail_from_template("password_reset",
                                   {{"name", account.name},
                                    {"link", ex.app.config().base_url + "/password-reset/" + token},
                                    {"expires_at", stored_time(expires, "UTC").text}});
    mail.dedupe_key = "password_reset:" + token_hash(token);
    mail.recipient = account.email;
    store::enqueue_mail(ex.db(), mail, ex.now());
    ex.audit("account.password_reset_requested", "account " + to_string(account.id), {});
}

store::PasswordReset valid_password_reset(Exchange& ex) {
    auto found = store::find_password_reset(ex.db(), token_hash(ex.params.text("token")));
    require_usable_link(
        ex, found.has_value(), found ? found->used_at : "", found ? found->expires_at : "",
        {"accounts.reset.link.unknown", "accounts.reset.link.used", "accounts.reset.link.expired"});
    // Links sent before the account was blocked open nothing while it is.
    if (store::account_blocked(ex.db(), found->account_id))
        throw http::Error(410, say("link.no_longer_works"),
                          say("accounts.this_link_can_no_longer_be"));
    return *found;
}

void reset_password(Exchange& ex, const std::string& password) {
    auto link = valid_password_reset(ex);
    auto account = store::find_account(ex.db(), link.account_id);
    if (!account) throw http::Error(404, say("link.used"), say("accounts.reset.link.unknown"));
    if (auto e = check_password(password, account->email, account->name))
        throw http::unprocessable({*e});
    if (!store::use_password_reset(ex.db(), link.id, ex.now()))
        throw http::Error(410, say("link.used"),
                          say("accounts.reset.link.used", {{"at", ex.now()}}));
    if (!account->email_verified) {
        // Following the link proves the address, as a confirmation link does: whatever
        // was made before (by whoever registered it) goes.
        store::forget_before_verification(ex.db(), account->id, ex.now());
        store::mark_email_verified(ex.db(), account->id, ex.now());
    }
    store::set_password_hash(ex.db(), account->id, hash_password(password));
    store::after_password_reset(ex.db(), account->id, ex.now());
    ex.audit("account.password_reset", "account " + to_string(account->id), {});
}

}  // namespace convene::web
