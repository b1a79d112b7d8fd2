#pragma once
// Choosing a new password through a link sent by mail, shared by the pages and the API.
#include <string>

#include "store/accounts/password_resets.hpp"

namespace convene::web {

class Exchange;

inline constexpr int reset_link_minutes = 60;
inline constexpr int reset_mails_per_account_per_hour = 3;

// Sends a reset link when the address has an account; the same answer and no error
// either way, so nobody learns from it which addresses have accounts. Throttled per
// client address (429) and, silently, per account.
void request_password_reset(Exchange& ex, const std::string& typed_email);

// The link in the path: unknown, used or expired links are refused by name.
store::PasswordReset valid_password_reset(Exchange& ex);

// Uses the link: the password (checked by the usual rules, 422 naming "password") is
// set, the link and the account's other links stop working and every session ends.
void reset_password(Exchange& ex, const std::string& password);

}  // namespace convene::web
