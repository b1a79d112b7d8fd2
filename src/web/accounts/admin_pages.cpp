// The Secretariat's pages of accounts and of the audit log.
#include <algorithm>

#include "core/common/messages.hpp"
#include "store/accounts/accounts.hpp"
#include "store/common/audit.hpp"
#include "web/accounts/admin_actions.hpp"
#include "web/accounts/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

http::Response account_list(Exchange& ex) {
    nlohmann::json view = {{"title", say("page.accounts.accounts.title")},
                           {"accounts", nlohmann::json::array()}};
    for (const auto& a : store::list_accounts(ex.db())) view["accounts"].push_back(account_view(a));
    return ex.page("accounts/accounts", view);
}

http::Response audit_log(Exchange& ex) {
    auto page = page_number(ex);
    auto entries = store::list_audit(ex.db(), audit_page_size + 1, (page - 1) * audit_page_size);
    bool more = entries.size() > static_cast<std::size_t>(audit_page_size);
    if (more) entries.pop_back();
    nlohmann::json view = {{"title", say("page.accounts.audit_log.title")},
                           {"entries", nlohmann::json::array()}};
    for (const auto& a : entries) {
        auto entry = audit_view(a);
        entry["when"] = time_view(a.at);  // the log spans editions: UTC
        view["entries"].push_back(entry);
    }
    if (more) view["next_page"] = page + 1;
    if (page > 1) view["previous_page"] = page - 1;
    return ex.page("accounts/audit", view);
}

}  // namespace convene::web
