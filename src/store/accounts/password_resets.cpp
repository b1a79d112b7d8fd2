// Password reset links, stored as hashes like e-mail confirmations.
#include "store/accounts/password_resets.hpp"

namespace convene::store {

void create_password_reset(db::Connection& c, AccountId account, const std::string& token_hash,
                           const std::string& now, const std::string& expires_at) {
    c.run(R"sql(
        INSERT INTO password_resets (account_id, token_hash, created_at, expires_at)
        VALUES (?, ?, ?, ?)
    )sql",
          {account.value(), token_hash, now, expires_at});
}

std::optional<PasswordReset> find_password_reset(db::Connection& c, const std::string& token_hash) {
    auto r = c.run(R"sql(
        SELECT id, account_id, expires_at, COALESCE(used_at, '') AS used_at
        FROM password_resets
        WHERE token_hash = ?
    )sql",
                   {token_hash});
    if (r.empty()) return std::nullopt;
    const auto& row = r.rows[0];
    return PasswordReset{row.integer("id"), row.id<AccountId>("account_id"), row.text("expires_at"),
                         row.text("used_at")};
}

bool use_password_reset(db::Connection& c, std::int64_t id, const std::string& now) {
    return c.run(R"sql(
        UPDATE password_resets SET used_at = ? WHERE id = ? AND used_at IS NULL
    )sql",
                 {now, id})
               .changed > 0;
}

void after_password_reset(db::Connection& c, AccountId account, const std::string& now) {
    c.run(R"sql(
        UPDATE password_resets SET used_at = ? WHERE account_id = ? AND used_at IS NULL
    )sql",
          {now, account.value()});
    c.run(R"sql(DELETE FROM sessions WHERE account_id = ?)sql", {account.value()});
}

}  // namespace convene::store
