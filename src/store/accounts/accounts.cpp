#include "store/accounts/accounts.hpp"

#include <map>

#include "core/common/text.hpp"

namespace convene::store {

namespace {
// Columns: id, email, name and, where the statement gives them, email_verified and
// blocked (1 or 0).
Account account_from(const db::Row& r) {
    Account a{r.id<AccountId>("id"), r.text("email"), r.text("name")};
    if (r.has("email_verified")) a.email_verified = r.boolean("email_verified");
    if (r.has("blocked")) a.blocked = r.boolean("blocked");
    return a;
}
}  // namespace

std::optional<Account> find_account(db::Connection& c, AccountId id) {
    auto r = c.run(R"sql(
        SELECT a.id, a.email, a.name,
               CASE WHEN a.email_verified_at IS NULL THEN 0 ELSE 1 END AS email_verified,
               CASE WHEN EXISTS (SELECT 1 FROM account_blocks b
                                 WHERE b.account_id = a.id AND b.unblocked_at IS NULL)
                    THEN 1 ELSE 0 END AS blocked
        FROM accounts a
        WHERE a.id = ?
    )sql",
                   {id.value()});
    if (r.empty()) return std::nullopt;
    return account_from(r.rows[0]);
}

std::optional<std::pair<Account, std::string>> find_account_for_sign_in(db::Connection& c,
                                                                        const std::string& email) {
    auto r = c.run(R"sql(
        SELECT a.id, a.email, a.name,
               CASE WHEN a.email_verified_at IS NULL THEN 0 ELSE 1 END AS email_verified,
               CASE WHEN EXISTS (SELECT 1 FROM account_blocks b
                                 WHERE b.account_id = a.id AND b.unblocked_at IS NULL)
                    THEN 1 ELSE 0 END AS blocked,
               a.password_hash
        FROM accounts a
        WHERE a.email = ?
    )sql",
                   {normal_email(email)});
    if (r.empty()) return std::nullopt;
    return std::make_pair(account_from(r.rows[0]), r.rows[0].text("password_hash"));
}

AccountId create_account(db::Connection& c, const std::string& email, const std::string& name,
                         const std::string& password_hash, const std::string& now, bool verified) {
    db::Value verified_at = verified ? db::Value{now} : db::Value{nullptr};
    return AccountId{
        db::scalar(c.run(R"sql(
            INSERT INTO accounts (email, name, password_hash, created_at, email_verified_at)
            VALUES (?, ?, ?, ?, ?)
            RETURNING id
        )sql",
                         {normal_email(email), name, password_hash, now, verified_at}))};
}

void mark_email_verified(db::Connection& c, AccountId account, const std::string& now) {
    c.run(R"sql(
        UPDATE accounts SET email_verified_at = ?
        WHERE id = ? AND email_verified_at IS NULL
    )sql",
          {now, account.value()});
}

void set_password_hash(db::Connection& c, AccountId account, const std::string& hash) {
    c.run(R"sql(UPDATE accounts SET password_hash = ? WHERE id = ?)sql", {hash, account.value()});
}

std::vector<AccountWithRoles> list_accounts(db::Connection& c) {
    std::vector<AccountWithRoles> out;
    std::map<std::int64_t, std::size_t> index;
    auto accounts = c.run(R"sql(
        SELECT a.id, a.email, a.name,
               CASE WHEN EXISTS (SELECT 1 FROM account_blocks b
                                 WHERE b.account_id = a.id AND b.unblocked_at IS NULL)
                    THEN 1 ELSE 0 END AS blocked
        FROM accounts a
        ORDER BY a.name, a.id
    )sql");
    for (auto& r : accounts.rows) {
        index[r.integer("id")] = out.size();
        out.push_back({account_from(r), {}});
    }
    auto grants = c.run(R"sql(
        SELECT r.account_id, r.role, r.edition_id, e.name AS edition_name
        FROM roles r
        LEFT JOIN editions e ON e.id = r.edition_id
        ORDER BY r.account_id, r.role
    )sql");
    for (auto& r : grants.rows) {
        auto role = parse_role(r.text("role"));
        auto at = index.find(r.integer("account_id"));
        if (!role || at == index.end()) continue;
        std::optional<EditionId> edition;
        if (!r.is_null("edition_id")) edition = r.id<EditionId>("edition_id");
        out[at->second].roles.push_back({*role, edition, r.text("edition_name")});
    }
    return out;
}

void grant_role(db::Connection& c, AccountId account, Role role, std::optional<EditionId> edition) {
    db::Value e = edition ? db::Value{edition->value()} : db::Value{nullptr};
    auto existing = c.run(
        R"sql(
        SELECT 1
        FROM roles
        WHERE account_id = ? AND COALESCE(edition_id, 0) = ? AND role = ?
    )sql",
        {account.value(), edition.value_or(EditionId{}).value(), std::string(role_name(role))});
    if (!existing.empty()) return;
    c.run(R"sql(INSERT INTO roles (account_id, edition_id, role) VALUES (?, ?, ?))sql",
          {account.value(), e, std::string(role_name(role))});
}

std::vector<RoleGrant> roles_of(db::Connection& c, AccountId account) {
    std::vector<RoleGrant> out;
    auto r = c.run(R"sql(
        SELECT r.role, r.edition_id, e.name AS edition_name
        FROM roles r
        LEFT JOIN editions e ON e.id = r.edition_id
        WHERE r.account_id = ?
    )sql",
                   {account.value()});
    for (auto& row : r.rows) {
        auto role = parse_role(row.text("role"));
        if (!role) continue;
        std::optional<EditionId> edition;
        if (!row.is_null("edition_id")) edition = row.id<EditionId>("edition_id");
        out.push_back({*role, edition, row.text("edition_name")});
    }
    return out;
}

bool has_role(const std::vector<RoleGrant>& roles, Role role, std::optional<EditionId> edition) {
    for (auto& g : roles)
        if (g.role == role && (!g.edition_id || g.edition_id == edition)) return true;
    return false;
}

void create_session(db::Connection& c, const std::string& token_hash, AccountId account,
                    const std::string& now, const std::string& expires) {
    c.run(R"sql(
        INSERT INTO sessions (token_hash, account_id, created_at, expires_at)
        VALUES (?, ?, ?, ?)
    )sql",
          {token_hash, account.value(), now, expires});
}

std::optional<Account> account_of_session(db::Connection& c, const std::string& token_hash,
                                          const std::string& now) {
    auto r = c.run(R"sql(
        SELECT a.id, a.email, a.name,
               CASE WHEN a.email_verified_at IS NULL THEN 0 ELSE 1 END AS email_verified
        FROM sessions s
        JOIN accounts a ON a.id = s.account_id
        WHERE s.token_hash = ? AND s.expires_at > ?
          AND NOT EXISTS (SELECT 1 FROM account_blocks b
                          WHERE b.account_id = a.id AND b.unblocked_at IS NULL)
    )sql",
                   {token_hash, now});
    if (r.empty()) return std::nullopt;
    return account_from(r.rows[0]);
}

void delete_session(db::Connection& c, const std::string& token_hash) {
    c.run(R"sql(DELETE FROM sessions WHERE token_hash = ?)sql", {token_hash});
}

void end_other_sessions(db::Connection& c, AccountId account, const std::string& keep) {
    c.run(R"sql(DELETE FROM sessions WHERE account_id = ? AND token_hash <> ?)sql",
          {account.value(), keep});
}

void purge_expired(db::Connection& c, const std::string& now, const std::string& before,
                   const std::string& events_before) {
    c.run(R"sql(DELETE FROM sessions WHERE expires_at <= ?)sql", {now});
    c.run(R"sql(DELETE FROM login_failures WHERE failed_at <= ?)sql", {before});
    c.run(R"sql(DELETE FROM throttle_events WHERE at <= ?)sql", {events_before});
    // throttle_locks stay (one short row per key): deleting rows that other requests
    // hold would make two sign-ins wait for each other.
}

void lock_throttle(db::Connection& c, const std::string& key, const std::string& now) {
    c.run(R"sql(
        INSERT INTO throttle_locks (throttle_key, at) VALUES (?, ?)
        ON CONFLICT DO NOTHING
    )sql",
          {key, now});
    // Updating the row holds its lock until the transaction ends.
    c.run(R"sql(UPDATE throttle_locks SET at = ? WHERE throttle_key = ?)sql", {now, key});
}

void create_api_token(db::Connection& c, const std::string& token_hash, AccountId account,
                      const std::string& label, const std::string& now,
                      const std::optional<std::string>& expires_at) {
    db::Value expires = expires_at ? db::Value{*expires_at} : db::Value{nullptr};
    c.run(R"sql(
        INSERT INTO api_tokens (token_hash, account_id, label, created_at, expires_at)
        VALUES (?, ?, ?, ?, ?)
    )sql",
          {token_hash, account.value(), label, now, expires});
}

std::optional<Account> account_of_api_token(db::Connection& c, const std::string& token_hash,
                                            const std::string& now) {
    auto r = c.run(R"sql(
        SELECT a.id, a.email, a.name,
               CASE WHEN a.email_verified_at IS NULL THEN 0 ELSE 1 END AS email_verified
        FROM api_tokens t
        JOIN accounts a ON a.id = t.account_id
        WHERE t.token_hash = ? AND t.revoked_at IS NULL
          AND (t.expires_at IS NULL OR t.expires_at > ?)
          AND NOT EXISTS (SELECT 1 FROM account_blocks b
                          WHERE b.account_id = a.id AND b.unblocked_at IS NULL)
    )sql",
                   {token_hash, now});
    if (r.empty()) return std::nullopt;
    return account_from(r.rows[0]);
}

std::vector<ApiToken> api_tokens_of(db::Connection& c, AccountId account) {
    std::vector<ApiToken> out;
    auto tokens = c.run(R"sql(
        SELECT token_hash, label, created_at,
               COALESCE(expires_at, '') AS expires_at,
               COALESCE(revoked_at, '') AS revoked_at
        FROM api_tokens
        WHERE account_id = ?
        ORDER BY created_at, token_hash
    )sql",
                        {account.value()});
    for (const auto& r : tokens.rows)
        out.push_back({r.text("token_hash").substr(0, api_token_id_length), r.text("label"),
                       r.text("created_at"), r.text("expires_at"), r.text("revoked_at")});
    return out;
}

bool revoke_api_token(db::Connection& c, AccountId account, const std::string& id,
                      const std::string& now) {
    if (id.size() != api_token_id_length || id.find_first_not_of("0123456789abcdef") != id.npos)
        return false;
    return c.run(R"sql(
        UPDATE api_tokens SET revoked_at = ?
        WHERE account_id = ? AND revoked_at IS NULL AND substr(token_hash, 1, 16) = ?
    )sql",
                 {now, account.value(), id})
               .changed > 0;
}

std::int64_t failures_since(db::Connection& c, const std::string& key, const std::string& since) {
    return db::scalar(c.run(R"sql(
        SELECT COUNT(*) FROM login_failures WHERE throttle_key = ? AND failed_at > ?
    )sql",
                            {key, since}));
}

std::string last_failure(db::Connection& c, const std::string& key) {
    auto r = c.run(R"sql(
        SELECT MAX(failed_at) AS last_failed_at FROM login_failures WHERE throttle_key = ?
    )sql",
                   {key});
    return r.empty() || r.rows[0].is_null("last_failed_at") ? std::string()
                                                            : r.rows[0].text("last_failed_at");
}

bool is_known_device(db::Connection& c, AccountId account, const std::string& key) {
    return !c.run(R"sql(SELECT 1 FROM known_devices WHERE account_id = ? AND device_key = ?)sql",
                  {account.value(), key})
                .empty();
}

void remember_device(db::Connection& c, AccountId account, const std::string& device_key,
                     const std::string& now) {
    c.run(R"sql(
        INSERT INTO known_devices (account_id, device_key, last_used_at) VALUES (?, ?, ?)
        ON CONFLICT (account_id, device_key) DO UPDATE SET last_used_at = excluded.last_used_at
    )sql",
          {account.value(), device_key, now});
}

void record_failure(db::Connection& c, const std::string& key, const std::string& now) {
    c.run(R"sql(INSERT INTO login_failures (throttle_key, failed_at) VALUES (?, ?))sql",
          {key, now});
}

void clear_failures(db::Connection& c, const std::string& key) {
    c.run(R"sql(DELETE FROM login_failures WHERE throttle_key = ?)sql", {key});
}

}  // namespace convene::store

namespace convene::store {

std::int64_t events_since(db::Connection& c, const std::string& key, const std::string& since) {
    return db::scalar(
        c.run(R"sql(SELECT COUNT(*) FROM throttle_events WHERE throttle_key = ? AND at > ?)sql",
              {key, since}));
}

void record_event(db::Connection& c, const std::string& key, const std::string& now) {
    c.run(R"sql(INSERT INTO throttle_events (throttle_key, at) VALUES (?, ?))sql", {key, now});
}

void create_email_verification(db::Connection& c, AccountId account, const std::string& email,
                               const std::string& token_hash, const std::string& now,
                               const std::string& expires_at, const std::string& password_hash) {
    c.run(R"sql(
        INSERT INTO email_verifications
            (account_id, email, token_hash, created_at, expires_at, password_hash)
        VALUES (?, ?, ?, ?, ?, ?)
    )sql",
          {account.value(), email, token_hash, now, expires_at, password_hash});
}

std::optional<EmailVerification> find_email_verification(db::Connection& c,
                                                         const std::string& token_hash) {
    auto r = c.run(R"sql(
        SELECT id, account_id, email, expires_at, COALESCE(used_at, '') AS used_at, password_hash
        FROM email_verifications
        WHERE token_hash = ?
    )sql",
                   {token_hash});
    if (r.empty()) return std::nullopt;
    const auto& row = r.rows[0];
    return EmailVerification{row.id<EmailVerificationId>("id"),
                             row.id<AccountId>("account_id"),
                             row.text("email"),
                             row.text("expires_at"),
                             row.text("used_at"),
                             row.text("password_hash")};
}

void forget_before_verification(db::Connection& c, AccountId account, const std::string& now) {
    c.run(R"sql(DELETE FROM sessions WHERE account_id = ?)sql", {account.value()});
    c.run(R"sql(
        UPDATE api_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL
    )sql",
          {now, account.value()});
    c.run(R"sql(DELETE FROM known_devices WHERE account_id = ?)sql", {account.value()});
    c.run(R"sql(
        UPDATE email_verifications SET used_at = ? WHERE account_id = ? AND used_at IS NULL
    )sql",
          {now, account.value()});
}

bool use_email_verification(db::Connection& c, EmailVerificationId id, const std::string& now) {
    return c.run(R"sql(
        UPDATE email_verifications SET used_at = ? WHERE id = ? AND used_at IS NULL
    )sql",
                 {now, id.value()})
               .changed > 0;
}

}  // namespace convene::store
