// The Secretariat's lists of accounts and of the audit log over the API.
#include <algorithm>

#include "store/accounts/accounts.hpp"
#include "store/common/audit.hpp"
#include "web/accounts/admin_actions.hpp"
#include "web/accounts/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

http::Response api_account_list(Exchange& ex) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : store::list_accounts(ex.db())) out.push_back(account_view(a));
    return http::Response::json({{"accounts", out}});
}

http::Response api_audit_log(Exchange& ex) {
    auto page = page_number(ex);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : store::list_audit(ex.db(), audit_page_size, (page - 1) * audit_page_size))
        out.push_back(audit_view(a));
    return http::Response::json({{"entries", out}, {"page", page}});
}

}  // namespace convene::web
