#pragma once
// Password reset links: single use, bound to one account, expiring; the token is never
// stored, only its hash.
#include <cstdint>
#include <optional>
#include <string>

#include "core/common/ids.hpp"
#include "database/database.hpp"

namespace convene::store {

struct PasswordReset {
    std::int64_t id = 0;
    AccountId account_id;
    std::string expires_at, used_at;  // used_at "" when unused
};

void create_password_reset(db::Connection& c, AccountId account, const std::string& token_hash,
                           const std::string& now, const std::string& expires_at);
std::optional<PasswordReset> find_password_reset(db::Connection& c, const std::string& token_hash);
// Marks the link used; false when it was used already (two clicks at once).
bool use_password_reset(db::Connection& c, std::int64_t id, const std::string& now);
// Once the password changed: the account's other reset links stop working and every
// session of the account ends.
void after_password_reset(db::Connection& c, AccountId account, const std::string& now);

}  // namespace convene::store
