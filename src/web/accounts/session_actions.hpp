#pragma once
// Signing in and staying signed in, shared by sign-in, registration, e-mail verification
// and the account page: sessions with their cookies, and where an account signed in
// before (a device cookie or an address), which keeps its owner out of others' throttles.
#include <chrono>
#include <string>

#include "store/accounts/accounts.hpp"

namespace convene::web {

class Exchange;

inline constexpr const char* device_cookie = "convene_device";

// Starts a session: session cookie, a fresh CSRF token so none survives from before,
// and this device remembered for the account.
void start_session(Exchange& ex, const store::Account& account);
// Ends the sessions named by the request's cookies and clears the cookie.
void end_session(Exchange& ex);

// Only a path of this site, free of control characters; "/" otherwise.
std::string safe_next(const std::string& next);

// Counts one action under `key` (an address, an account) and throws 429 naming the wait
// when `limit` such actions happened within the window; `what_key` is the message key
// naming the actions ("throttle.saves").
void throttle(Exchange& ex, const std::string& key, int limit, std::chrono::seconds window,
              const std::string& what_key);

}  // namespace convene::web
