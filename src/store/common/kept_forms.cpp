#include "store/common/kept_forms.hpp"

namespace convene::store {

void keep_form(db::Connection& c, const std::string& token_hash, const std::string& path,
               const std::string& body, const std::string& now, const std::string& expires_at) {
    c.run(R"sql(DELETE FROM kept_forms WHERE expires_at < ?)sql", {now});
    c.run(R"sql(
        INSERT INTO kept_forms (token_hash, path, body, created_at, expires_at)
        VALUES (?, ?, ?, ?, ?)
    )sql",
          {token_hash, path, body, now, expires_at});
}

std::optional<KeptForm> find_kept_form(db::Connection& c, const std::string& token_hash,
                                       const std::string& now) {
    auto r = c.run(R"sql(
        SELECT id, path, body, account_id, expires_at
        FROM kept_forms
        WHERE token_hash = ? AND expires_at >= ?
    )sql",
                   {token_hash, now});
    if (r.empty()) return std::nullopt;
    const auto& row = r.rows[0];
    KeptForm out{row.integer("id"), row.text("path"), row.text("body"), std::nullopt,
                 row.text("expires_at")};
    if (!row.is_null("account_id")) out.account = row.id<AccountId>("account_id");
    return out;
}

bool claim_kept_form(db::Connection& c, std::int64_t id, AccountId account) {
    c.run(R"sql(UPDATE kept_forms SET account_id = ? WHERE id = ? AND account_id IS NULL)sql",
          {account.value(), id});
    auto r = c.run(R"sql(SELECT account_id FROM kept_forms WHERE id = ?)sql", {id});
    return !r.empty() && !r.rows[0].is_null("account_id") &&
           r.rows[0].id<AccountId>("account_id") == account;
}

}  // namespace convene::store
