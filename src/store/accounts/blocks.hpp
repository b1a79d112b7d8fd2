#pragma once
// Blocked accounts: the Secretariat blocks an account and unblocks it, each with a reason,
// and every block is kept (who blocked, when and why; who unblocked, when and why). An
// account is blocked while one of its blocks is not lifted: its sessions and API tokens
// then find no account (accounts.hpp), so it is signed out everywhere at once.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "database/database.hpp"

namespace convene::store {

struct AccountBlock {
    std::int64_t id = 0;
    std::string blocked_at, blocked_by_name, reason;
    std::optional<AccountId> blocked_by;
    // "" while the block is in force.
    std::string unblocked_at, unblocked_by_name, unblock_reason;
    bool in_force() const { return unblocked_at.empty(); }
};

// Blocks and unblocks take turns until the transaction ends, so two Secretariat members
// blocking each other at once are served one after the other and the second sees the
// first's block.
void lock_account_blocks(db::Connection& c, const std::string& now);

bool account_blocked(db::Connection& c, AccountId account);
// The accounts holding the admin role for every edition and not blocked, leaving out
// `besides`.
std::int64_t administrators_besides(db::Connection& c, AccountId besides);

// Records the block and ends what let the account in: its sessions are deleted and its
// API tokens revoked (unblocking brings neither back). False when a block is in force
// already.
bool block_account(db::Connection& c, AccountId account, AccountId by, const std::string& reason,
                   const std::string& now);
// Lifts the block in force; false when there is none.
bool unblock_account(db::Connection& c, AccountId account, AccountId by, const std::string& reason,
                     const std::string& now);
// Every block of the account, the newest first.
std::vector<AccountBlock> blocks_of(db::Connection& c, AccountId account);

}  // namespace convene::store
