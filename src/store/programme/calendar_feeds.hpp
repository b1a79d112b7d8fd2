#pragma once
// A participant's secret calendar address: only the token's hash is kept, one address an
// account, replaced (the old one stops working) when they ask for a new one. The feed
// holds the sessions the account plans to attend and those its person takes part in.
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "database/database.hpp"

namespace convene::store {

// Stores the new address's hash in place of any old one.
void replace_calendar_feed(db::Connection& c, AccountId account, const std::string& token_hash,
                           const std::string& now);
// When the account's address was made (UTC); nullopt when it has none.
std::optional<std::string> calendar_feed_created(db::Connection& c, AccountId account);
// Whose address this is; nullopt for a hash no address has, or a blocked account's.
std::optional<AccountId> calendar_feed_account(db::Connection& c, const std::string& token_hash);

// The editions in which the account marked a session or its person takes part in one.
std::vector<EditionId> calendar_editions(db::Connection& c, AccountId account);

}  // namespace convene::store
