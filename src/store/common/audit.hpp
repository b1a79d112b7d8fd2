#pragma once
// Who changed what and when. Written in the same transaction as the change itself.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "database/database.hpp"

namespace convene::store {

struct AuditEntry {
    AuditEntryId id;
    std::string at;
    std::string actor;    // account name, or "system"
    std::string action;   // "edition.create"
    std::string subject;  // "edition 3"
    std::string detail;   // JSON text
};

void record_audit(db::Connection& c, std::optional<AccountId> account, const std::string& action,
                  const std::string& subject, const std::string& detail_json,
                  const std::string& now);

std::vector<AuditEntry> list_audit(db::Connection& c, std::int64_t limit, std::int64_t offset);

}  // namespace convene::store
