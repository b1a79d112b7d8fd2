#pragma once
// Registering an account and confirming its address, shared by the pages and the API.
#include "core/accounts/password_rules.hpp"
#include "core/common/clock.hpp"
#include "core/common/ids.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/common/outbox.hpp"
#include "web/accounts/session_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/links.hpp"
#include "web/site/mail.hpp"

namespace convene::web {

inline constexpr int verification_link_days = 3;

struct Registration {
    std::string name, email, password;
};

FieldErrors check_registration(const Registration& r);

// A new link to confirm the address (single use, expiring), carrying the password hash
// typed with this registration; following it signs in and goes to `next`.
void send_verification_link(Exchange& ex, AccountId account, const std::string& email,
                            const std::string& name, const std::string& password_hash,
                            const std::string& next);

// Registers, or (for an address with an account) tells its owner; the same work and
// the same answer either way. A second registration of an unverified account sends a
// new link, which sets the password typed this time only when followed.
void register_account(Exchange& ex, const Registration& r, const std::string& next);

http::Response register_page(Exchange& ex, const Registration& r, const std::string& next,
                             const FieldErrors& errors, int status);

// The verification link: unknown, used or expired links are refused by name.
store::EmailVerification valid_verification(Exchange& ex);

// Uses the link with the password typed at that registration (so somebody who registered
// the address first cannot have its owner confirm an account whose password they know):
// the address is verified, that password set, and the owner signed in.
store::Account verify(Exchange& ex, const std::string& password);

http::Response verification_page(Exchange& ex, const std::string& email, const std::string& next,
                                 const FieldErrors& errors, int status);

}  // namespace convene::web
