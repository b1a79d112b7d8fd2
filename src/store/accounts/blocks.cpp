// Blocked accounts, kept as history in account_blocks.
#include "store/accounts/blocks.hpp"

#include "store/accounts/accounts.hpp"

namespace convene::store {

void lock_account_blocks(db::Connection& c, const std::string& now) {
    lock_throttle(c, "account-blocks", now);
}

bool account_blocked(db::Connection& c, AccountId account) {
    return !c.run(R"sql(
        SELECT 1 FROM account_blocks WHERE account_id = ? AND unblocked_at IS NULL
    )sql",
                  {account})
                .empty();
}

std::int64_t administrators_besides(db::Connection& c, AccountId besides) {
    return db::scalar(c.run(R"sql(
        SELECT COUNT(DISTINCT r.account_id)
        FROM roles r
        WHERE r.role = 'admin' AND r.edition_id IS NULL AND r.account_id <> ?
          AND NOT EXISTS (SELECT 1 FROM account_blocks b
                          WHERE b.account_id = r.account_id AND b.unblocked_at IS NULL)
    )sql",
                            {besides}));
}

bool block_account(db::Connection& c, AccountId account, AccountId by, const std::string& reason,
                   const std::string& now) {
    auto made = c.run(R"sql(
        INSERT INTO account_blocks (account_id, blocked_by, blocked_at, reason)
        VALUES (?, ?, ?, ?)
        ON CONFLICT DO NOTHING
        RETURNING id
    )sql",
                      {account, by, now, reason});
    if (made.empty()) return false;
    c.run(R"sql(DELETE FROM sessions WHERE account_id = ?)sql", {account});
    c.run(R"sql(
        UPDATE api_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL
    )sql",
          {now, account});
    return true;
}

bool unblock_account(db::Connection& c, AccountId account, AccountId by, const std::string& reason,
                     const std::string& now) {
    return c.run(R"sql(
        UPDATE account_blocks SET unblocked_by = ?, unblocked_at = ?, unblock_reason = ?
        WHERE account_id = ? AND unblocked_at IS NULL
    )sql",
                 {by, now, reason, account})
               .changed > 0;
}

std::vector<AccountBlock> blocks_of(db::Connection& c, AccountId account) {
    auto r = c.run(R"sql(
        SELECT b.id, b.blocked_by, COALESCE(blocker.name, '') AS blocked_by_name, b.blocked_at,
               b.reason, COALESCE(b.unblocked_at, '') AS unblocked_at,
               COALESCE(lifter.name, '') AS unblocked_by_name,
               COALESCE(b.unblock_reason, '') AS unblock_reason
        FROM account_blocks b
        LEFT JOIN accounts blocker ON blocker.id = b.blocked_by
        LEFT JOIN accounts lifter ON lifter.id = b.unblocked_by
        WHERE b.account_id = ?
        ORDER BY b.blocked_at DESC, b.id DESC
    )sql",
                   {account});
    std::vector<AccountBlock> out;
    for (const auto& row : r.rows) {
        AccountBlock b;
        b.id = row.integer("id");
        b.blocked_at = row.text("blocked_at");
        b.blocked_by_name = row.text("blocked_by_name");
        if (!row.is_null("blocked_by")) b.blocked_by = row.id<AccountId>("blocked_by");
        b.reason = row.text("reason");
        b.unblocked_at = row.text("unblocked_at");
        b.unblocked_by_name = row.text("unblocked_by_name");
        b.unblock_reason = row.text("unblock_reason");
        out.push_back(std::move(b));
    }
    return out;
}

}  // namespace convene::store
