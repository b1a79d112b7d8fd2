#pragma once
// Accounts, the roles they hold per edition, sign-in sessions, API tokens and the
// record of failed sign-ins that throttles guessing.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/accounts/roles.hpp"
#include "core/common/ids.hpp"
#include "database/database.hpp"

namespace convene::store {

struct Account {
    AccountId id;
    std::string email;
    std::string name;
    bool email_verified = true;  // the owner followed the link sent to the address
    bool blocked = false;        // the Secretariat blocked it (store/accounts/blocks.hpp)
};

struct RoleGrant {
    Role role;
    std::optional<EditionId> edition_id;  // nullopt: every edition
    std::string edition_name;
};

struct AccountWithRoles {
    Account account;
    std::vector<RoleGrant> roles;
};

std::optional<Account> find_account(db::Connection& c, AccountId id);
// With its password hash, for signing in; the e-mail is matched case-insensitively.
std::optional<std::pair<Account, std::string>> find_account_for_sign_in(db::Connection& c,
                                                                        const std::string& email);
// Throws db::Error(unique_violation) when the e-mail is taken. Accounts made by the
// Secretariat or the command line are verified; self-registered ones verify by link.
AccountId create_account(db::Connection& c, const std::string& email, const std::string& name,
                         const std::string& password_hash, const std::string& now,
                         bool verified = true);
void mark_email_verified(db::Connection& c, AccountId account, const std::string& now);
void set_password_hash(db::Connection& c, AccountId account, const std::string& hash);
std::vector<AccountWithRoles> list_accounts(db::Connection& c);

void grant_role(db::Connection& c, AccountId account, Role role, std::optional<EditionId> edition);
std::vector<RoleGrant> roles_of(db::Connection& c, AccountId account);
// True when the account holds the role for this edition or for all editions.
bool has_role(const std::vector<RoleGrant>& roles, Role role,
              std::optional<EditionId> edition = std::nullopt);

void create_session(db::Connection& c, const std::string& token_hash, AccountId account,
                    const std::string& now, const std::string& expires);
// Nullopt for a blocked account, as for an expired session: whoever holds the cookie is
// signed out from the next request on.
std::optional<Account> account_of_session(db::Connection& c, const std::string& token_hash,
                                          const std::string& now);
void delete_session(db::Connection& c, const std::string& token_hash);
// After a password change: every session of the account but the one (hash) kept.
void end_other_sessions(db::Connection& c, AccountId account, const std::string& keep);
// Removes expired sessions, failures older than `before` and throttled actions older
// than `events_before`, so no table grows forever.
void purge_expired(db::Connection& c, const std::string& now, const std::string& before,
                   const std::string& events_before);
// Holds the key's lock until the transaction ends, so that two requests counting the
// same key's attempts (PostgreSQL runs them side by side) take turns.
void lock_throttle(db::Connection& c, const std::string& key, const std::string& now);

// API tokens: named, optionally expiring, revocable. A token's id is the start of its
// hash (the hash is not secret; the token is never stored).
inline constexpr std::size_t api_token_id_length = 16;
struct ApiToken {
    std::string id, label, created_at, expires_at, revoked_at;  // "" when not set
};
void create_api_token(db::Connection& c, const std::string& token_hash, AccountId account,
                      const std::string& label, const std::string& now,
                      const std::optional<std::string>& expires_at = std::nullopt);
// Nullopt for a blocked account's token, as for a revoked one.
std::optional<Account> account_of_api_token(db::Connection& c, const std::string& token_hash,
                                            const std::string& now);
std::vector<ApiToken> api_tokens_of(db::Connection& c, AccountId account);
// False when the account has no such live token.
bool revoke_api_token(db::Connection& c, AccountId account, const std::string& id,
                      const std::string& now);

std::int64_t failures_since(db::Connection& c, const std::string& key, const std::string& since);
void record_failure(db::Connection& c, const std::string& key, const std::string& now);
// The newest failure under the key ("" when none).
std::string last_failure(db::Connection& c, const std::string& key);
// Devices ("device:<cookie hash>") and addresses ("address:<ip>") that signed in before.
bool is_known_device(db::Connection& c, AccountId account, const std::string& key);
void remember_device(db::Connection& c, AccountId account, const std::string& device_key,
                     const std::string& now);
void clear_failures(db::Connection& c, const std::string& key);

// Actions counted for throttling (registrations per address, invitations per account,
// saves per account): one row per action, purged with the failures.
std::int64_t events_since(db::Connection& c, const std::string& key, const std::string& since);
void record_event(db::Connection& c, const std::string& key, const std::string& now);

// E-mail verification links: single use, bound to the account and address, expiring.
// A link sent with a registration carries the password typed then, set when followed.
struct EmailVerification {
    EmailVerificationId id;
    AccountId account_id;
    std::string email, expires_at, used_at, password_hash;
};
void create_email_verification(db::Connection& c, AccountId account, const std::string& email,
                               const std::string& token_hash, const std::string& now,
                               const std::string& expires_at, const std::string& password_hash);
std::optional<EmailVerification> find_email_verification(db::Connection& c,
                                                         const std::string& token_hash);
// At the first confirmation of an address: every session, API token, known device and
// other confirmation link of the account ends (whoever registered it first keeps none).
void forget_before_verification(db::Connection& c, AccountId account, const std::string& now);
// Marks the link used; false when it was used already (two clicks at once).
bool use_email_verification(db::Connection& c, EmailVerificationId id, const std::string& now);

}  // namespace convene::store
