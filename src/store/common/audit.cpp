#include "store/common/audit.hpp"

namespace convene::store {

void record_audit(db::Connection& c, std::optional<AccountId> account, const std::string& action,
                  const std::string& subject, const std::string& detail_json,
                  const std::string& now) {
    db::Value who = account ? db::Value{account->value()} : db::Value{nullptr};
    c.run(R"sql(
        INSERT INTO audit_log (at, account_id, action, subject, detail) VALUES (?, ?, ?, ?, ?)
    )sql",
          {now, who, action, subject, detail_json});
}

std::vector<AuditEntry> list_audit(db::Connection& c, std::int64_t limit, std::int64_t offset) {
    std::vector<AuditEntry> out;
    auto r = c.run(R"sql(
        SELECT l.id, l.at, COALESCE(a.name, 'system') AS actor, l.action, l.subject, l.detail
        FROM audit_log l
        LEFT JOIN accounts a ON a.id = l.account_id
        ORDER BY l.id DESC
        LIMIT ? OFFSET ?
    )sql",
                   {limit, offset});
    for (auto& row : r.rows)
        out.push_back({row.id<AuditEntryId>("id"), row.text("at"), row.text("actor"),
                       row.text("action"), row.text("subject"), row.text("detail")});
    return out;
}

}  // namespace convene::store
