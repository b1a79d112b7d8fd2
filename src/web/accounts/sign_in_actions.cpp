// Signing in with its throttles, shared by the sign-in page and the API.
#include "web/accounts/sign_in_actions.hpp"

#include <algorithm>
#include <vector>

#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "web/accounts/session_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

http::Response sign_in_page(Exchange& ex, const std::string& email, const std::string& next,
                            const std::string& message, int status) {
    nlohmann::json view = {{"title", say("page.accounts.sign_in.title")},
                           {"email", email},
                           {"next", next},
                           {"message", message},
                           {"has_message", !message.empty()},
                           {"kept", next.rfind("/kept/", 0) == 0 ? say("site.kept.sign_in") : ""}};
    return ex.page("accounts/sign_in", view, status);
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
    const std::string own_key =
        known ? "known:" + to_string(found->first.id) + ":" + (by_device ? device_key : address_key)
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
        throw http::Error(429, say("accounts.too_many_attempts"),
                          say("accounts.sign_in.too_many", {{"seconds", wait}}));
    }
    bool right = verify_password(password, found ? found->second : stand_in_hash());
    // Told only to whoever knows the password, and without the Secretariat's reason.
    if (found && right && found->first.blocked)
        throw http::Error(403, say("accounts.sign_in_refused"), say("accounts.sign_in.blocked"));
    if (found && right && !found->first.email_verified)
        throw http::Error(403, say("accounts.address_not_confirmed_yet"),
                          say("accounts.sign_in.not_confirmed", {{"email", found->first.email}}));
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

}  // namespace convene::web
