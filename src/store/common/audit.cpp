#include "store/common/audit.hpp"

namespace convene::store {

void record_audit(db::Connection& c, std::optional<std::int64_t> account, const std::string& action,
                  const std::string& subject, const std::string& detail_json,
                  const std::string& now) {
    db::Value who = account ? db::Value{*account} : db::Value{nullptr};
    c.run("INSERT INTO audit_log (at, account_id, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
          {now, who, action, subject, detail_json});
}

std::vector<AuditEntry> list_audit(db::Connection& c, std::int64_t limit, std::int64_t offset) {
    std::vector<AuditEntry> out;
    auto r = c.run(
        "SELECT l.id, l.at, COALESCE(a.name, 'system'), l.action, l.subject, l.detail FROM "
        "audit_log l LEFT JOIN accounts a ON a.id = l.account_id ORDER BY l.id DESC LIMIT ? "
        "OFFSET ?",
        {limit, offset});
    for (auto& row : r.rows)
        out.push_back(
            {row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5)});
    return out;
}

}  // namespace convene::store
