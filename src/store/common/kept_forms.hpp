#pragma once
// Forms kept when they arrived after their sender's sign-in or form token expired: the
// posted fields, under the hash of a one-time token, until the sender signs in again.
#include <cstdint>
#include <optional>
#include <string>

#include "core/common/ids.hpp"
#include "database/database.hpp"

namespace convene::store {

struct KeptForm {
    std::int64_t id = 0;
    std::string path, body;            // body: the fields, urlencoded, without token or password
    std::optional<AccountId> account;  // who took it back first; nobody else may
    std::string expires_at;
};

// Keeps the form and drops the expired ones.
void keep_form(db::Connection& c, const std::string& token_hash, const std::string& path,
               const std::string& body, const std::string& now, const std::string& expires_at);
// The unexpired form under the token.
std::optional<KeptForm> find_kept_form(db::Connection& c, const std::string& token_hash,
                                       const std::string& now);
// Binds the form to the account that took it back; false when another account has it.
bool claim_kept_form(db::Connection& c, std::int64_t id, AccountId account);

}  // namespace convene::store
