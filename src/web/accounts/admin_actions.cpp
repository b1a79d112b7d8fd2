// The Secretariat's lists of accounts and of the audit log, shared by the pages and the API.
#include "web/accounts/admin_actions.hpp"

#include <algorithm>

#include "store/accounts/accounts.hpp"
#include "store/common/audit.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

std::int64_t page_number(Exchange& ex) {
    auto p = ex.request.query_param("page");
    if (p.empty() || p.size() > 6 || p.find_first_not_of("0123456789") != p.npos) return 1;
    return std::max<std::int64_t>(1, std::stoll(p));
}

}  // namespace convene::web
