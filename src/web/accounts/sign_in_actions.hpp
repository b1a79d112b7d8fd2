#pragma once
// Signing in with its throttles, shared by the sign-in page and the API.
#include <algorithm>
#include <vector>

#include "core/common/clock.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "web/accounts/session_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

http::Response sign_in_page(Exchange& ex, const std::string& email, const std::string& next,
                            const std::string& message, int status);

// Seconds left before another attempt under `key`, once it has failed `limit` times in
// the window: attempts go on, one per `pause`, so nobody can lock an account or an
// address out (a proxy's address is everybody's).
long wait_for(Exchange& ex, const std::string& key, int limit, const std::string& since,
              std::chrono::seconds pause);

// One password check whether or not the account exists: the same Argon2 work either
// way, so the time taken does not tell which addresses have accounts.
inline const std::string& stand_in_hash() {
    static const std::string hash = hash_password(random_token());
    return hash;
}

// Checks the password; throws 429 with Retry-After while this caller must wait, and 403
// for the right password of a blocked account or of an address not confirmed yet.
std::optional<store::Account> attempt_sign_in(Exchange& ex, const std::string& typed_email,
                                              const std::string& password);

}  // namespace convene::web
