#pragma once
// Accounts, the roles they hold per edition, sign-in sessions, API tokens and the
// record of failed sign-ins that throttles guessing.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/roles.hpp"
#include "storage/database.hpp"

namespace convene::store {

struct Account {
    std::int64_t id = 0;
    std::string email;
    std::string name;
};

struct RoleGrant {
    Role role;
    std::optional<std::int64_t> edition_id;  // nullopt: every edition
    std::string edition_name;
};

struct AccountWithRoles {
    Account account;
    std::vector<RoleGrant> roles;
};

std::optional<Account> find_account(db::Connection& c, std::int64_t id);
// With its password hash, for signing in; the e-mail is matched case-insensitively.
std::optional<std::pair<Account, std::string>> find_account_for_sign_in(db::Connection& c,
                                                                        const std::string& email);
// Throws db::Error(unique_violation) when the e-mail is taken.
std::int64_t create_account(db::Connection& c, const std::string& email, const std::string& name,
                            const std::string& password_hash, const std::string& now);
void set_password_hash(db::Connection& c, std::int64_t account, const std::string& hash);
std::vector<AccountWithRoles> list_accounts(db::Connection& c);

void grant_role(db::Connection& c, std::int64_t account, Role role,
                std::optional<std::int64_t> edition);
std::vector<RoleGrant> roles_of(db::Connection& c, std::int64_t account);
// True when the account holds the role for this edition or for all editions.
bool has_role(const std::vector<RoleGrant>& roles, Role role,
              std::optional<std::int64_t> edition = std::nullopt);

void create_session(db::Connection& c, const std::string& token_hash, std::int64_t account,
                    const std::string& now, const std::string& expires);
std::optional<Account> account_of_session(db::Connection& c, const std::string& token_hash,
                                          const std::string& now);
void delete_session(db::Connection& c, const std::string& token_hash);
// Removes expired sessions and failures older than `before`, so neither table grows forever.
void purge_expired(db::Connection& c, const std::string& now, const std::string& before);

void create_api_token(db::Connection& c, const std::string& token_hash, std::int64_t account,
                      const std::string& label, const std::string& now);
std::optional<Account> account_of_api_token(db::Connection& c, const std::string& token_hash);

std::int64_t failures_since(db::Connection& c, const std::string& key, const std::string& since);
void record_failure(db::Connection& c, const std::string& key, const std::string& now);
void clear_failures(db::Connection& c, const std::string& key);

}  // namespace convene::store
