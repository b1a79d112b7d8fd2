#pragma once
// JSON shapes shared by pages and the API: one function per domain word, so the HTML
// and the JSON of the same thing never drift apart.
#include <nlohmann/json.hpp>

#include "store/accounts/accounts.hpp"
#include "store/common/audit.hpp"
#include "store/editions/editions.hpp"

namespace convene::web {

nlohmann::json edition_view(const store::Edition& e);
nlohmann::json theme_view(const store::Theme& t);
nlohmann::json room_view(const store::Room& r);
nlohmann::json member_view(const store::Member& m);
nlohmann::json account_view(const store::AccountWithRoles& a);
nlohmann::json audit_view(const store::AuditEntry& a);

// The address of an edition's page: "/editions/7" + `page` ("/decisions").
std::string edition_url(const store::Edition& e, std::string_view page = "");
// A whole number as typed, or the text itself so the core names the field; null when empty.
nlohmann::json number_or_text(const std::string& typed);

// A stored UTC time for the {{>time}} partial: {datetime, zone, text, short_text}, in the
// venue's `zone` (UTC where no edition is in context) and UTC; null when there is none.
nlohmann::json time_view(const std::string& utc, std::string_view zone = "UTC");

// Options for a <select>: [{value, label, selected}] with `current` selected.
nlohmann::json options_view(const std::vector<std::pair<std::string, std::string>>& choices,
                            const std::string& current);

}  // namespace convene::web
