#pragma once
// The Secretariat's lists of accounts and of the audit log, shared by the pages and the API.
#include <algorithm>

#include "store/accounts/accounts.hpp"
#include "store/common/audit.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

inline constexpr std::int64_t audit_page_size = 100;

std::int64_t page_number(Exchange& ex);

}  // namespace convene::web
