#pragma once
// The Secretariat blocks an account and unblocks it, each with a reason, from the
// account's page and through the API. Each change takes the blocks' lock (two Secretariat
// members blocking each other at once are served in turn), asks the policy with facts read
// under it, and keeps the block in the account's history. A block also ends, in the same
// transaction, what let the account in or act: its sessions, API tokens and the captioner
// tokens it made, and its requests waiting in every live room's queue (whose followers are
// told once it commits).
#include <nlohmann/json.hpp>
#include <string>

#include "store/accounts/accounts.hpp"

namespace convene::web {

class Exchange;

// The account named by {account} in the path; 404 when there is none.
store::Account account_in_path(Exchange& ex);
// {"reason": "..."}; 422 naming `reason` for anything else.
std::string reason_in_body(const nlohmann::json& body);

// 422 naming `reason` (missing, too long, control characters); 409 for the actor's own
// account, the last administrator not blocked, or an account blocked already.
void block(Exchange& ex, const store::Account& account, const std::string& reason);
// 422 naming `reason`; 409 when the account is not blocked.
void unblock(Exchange& ex, const store::Account& account, const std::string& reason);

// The account with its roles, whether it is blocked now, and every block, newest first
// ({"blocked_at", "blocked_by_name", "reason", "unblocked_at", ...}).
nlohmann::json account_record_json(Exchange& ex, AccountId account);

}  // namespace convene::web
