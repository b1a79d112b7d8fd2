#include "store/accounts.hpp"

#include <map>

#include "core/text.hpp"

namespace convene::store {

namespace {
Account account_from(const db::Row& r) {
    return {r.integer(0), r.text(1), r.text(2)};
}
}  // namespace

std::optional<Account> find_account(db::Connection& c, std::int64_t id) {
    auto r = c.run("SELECT id, email, name FROM accounts WHERE id = ?", {id});
    if (r.empty()) return std::nullopt;
    return account_from(r.rows[0]);
}

std::optional<std::pair<Account, std::string>> find_account_for_sign_in(db::Connection& c,
                                                                        const std::string& email) {
    auto r = c.run("SELECT id, email, name, password_hash FROM accounts WHERE email = ?",
                   {ascii_lower(trim(email))});
    if (r.empty()) return std::nullopt;
    return std::make_pair(account_from(r.rows[0]), r.rows[0].text(3));
}

std::int64_t create_account(db::Connection& c, const std::string& email, const std::string& name,
                            const std::string& password_hash, const std::string& now) {
    return db::scalar(
        c.run("INSERT INTO accounts (email, name, password_hash, created_at) VALUES (?, ?, ?, ?) "
              "RETURNING id",
              {ascii_lower(trim(email)), name, password_hash, now}));
}

void set_password_hash(db::Connection& c, std::int64_t account, const std::string& hash) {
    c.run("UPDATE accounts SET password_hash = ? WHERE id = ?", {hash, account});
}

std::vector<AccountWithRoles> list_accounts(db::Connection& c) {
    std::vector<AccountWithRoles> out;
    std::map<std::int64_t, std::size_t> index;
    for (auto& r : c.run("SELECT id, email, name FROM accounts ORDER BY name, id").rows) {
        index[r.integer(0)] = out.size();
        out.push_back({account_from(r), {}});
    }
    auto grants = c.run(
        "SELECT r.account_id, r.role, r.edition_id, e.name FROM roles r "
        "LEFT JOIN editions e ON e.id = r.edition_id ORDER BY r.account_id, r.role");
    for (auto& r : grants.rows) {
        auto role = parse_role(r.text(1));
        auto at = index.find(r.integer(0));
        if (!role || at == index.end()) continue;
        std::optional<std::int64_t> edition;
        if (!r.is_null(2)) edition = r.integer(2);
        out[at->second].roles.push_back({*role, edition, r.text(3)});
    }
    return out;
}

void grant_role(db::Connection& c, std::int64_t account, Role role,
                std::optional<std::int64_t> edition) {
    db::Value e = edition ? db::Value{*edition} : db::Value{nullptr};
    auto existing = c.run(
        "SELECT 1 FROM roles WHERE account_id = ? AND COALESCE(edition_id, 0) = ? AND role = ?",
        {account, edition.value_or(0), std::string(role_name(role))});
    if (!existing.empty()) return;
    c.run("INSERT INTO roles (account_id, edition_id, role) VALUES (?, ?, ?)",
          {account, e, std::string(role_name(role))});
}

std::vector<RoleGrant> roles_of(db::Connection& c, std::int64_t account) {
    std::vector<RoleGrant> out;
    auto r = c.run(
        "SELECT r.role, r.edition_id, e.name FROM roles r LEFT JOIN editions e ON e.id = "
        "r.edition_id WHERE r.account_id = ?",
        {account});
    for (auto& row : r.rows) {
        auto role = parse_role(row.text(0));
        if (!role) continue;
        std::optional<std::int64_t> edition;
        if (!row.is_null(1)) edition = row.integer(1);
        out.push_back({*role, edition, row.text(2)});
    }
    return out;
}

bool has_role(const std::vector<RoleGrant>& roles, Role role, std::optional<std::int64_t> edition) {
    for (auto& g : roles)
        if (g.role == role && (!g.edition_id || g.edition_id == edition)) return true;
    return false;
}

void create_session(db::Connection& c, const std::string& token_hash, std::int64_t account,
                    const std::string& now, const std::string& expires) {
    c.run(
        "INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        {token_hash, account, now, expires});
}

std::optional<Account> account_of_session(db::Connection& c, const std::string& token_hash,
                                          const std::string& now) {
    auto r = c.run(
        "SELECT a.id, a.email, a.name FROM sessions s JOIN accounts a ON a.id = s.account_id "
        "WHERE s.token_hash = ? AND s.expires_at > ?",
        {token_hash, now});
    if (r.empty()) return std::nullopt;
    return account_from(r.rows[0]);
}

void delete_session(db::Connection& c, const std::string& token_hash) {
    c.run("DELETE FROM sessions WHERE token_hash = ?", {token_hash});
}

void purge_expired(db::Connection& c, const std::string& now, const std::string& before) {
    c.run("DELETE FROM sessions WHERE expires_at <= ?", {now});
    c.run("DELETE FROM login_failures WHERE failed_at <= ?", {before});
}

void create_api_token(db::Connection& c, const std::string& token_hash, std::int64_t account,
                      const std::string& label, const std::string& now) {
    c.run("INSERT INTO api_tokens (token_hash, account_id, label, created_at) VALUES (?, ?, ?, ?)",
          {token_hash, account, label, now});
}

std::optional<Account> account_of_api_token(db::Connection& c, const std::string& token_hash) {
    auto r = c.run(
        "SELECT a.id, a.email, a.name FROM api_tokens t JOIN accounts a ON a.id = t.account_id "
        "WHERE t.token_hash = ?",
        {token_hash});
    if (r.empty()) return std::nullopt;
    return account_from(r.rows[0]);
}

std::int64_t failures_since(db::Connection& c, const std::string& key, const std::string& since) {
    return db::scalar(
        c.run("SELECT COUNT(*) FROM login_failures WHERE throttle_key = ? AND failed_at > ?",
              {key, since}));
}

void record_failure(db::Connection& c, const std::string& key, const std::string& now) {
    c.run("INSERT INTO login_failures (throttle_key, failed_at) VALUES (?, ?)", {key, now});
}

void clear_failures(db::Connection& c, const std::string& key) {
    c.run("DELETE FROM login_failures WHERE throttle_key = ?", {key});
}

}  // namespace convene::store
