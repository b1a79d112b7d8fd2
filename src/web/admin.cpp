// The Secretariat's views of accounts and of the audit log.
#include <algorithm>

#include "store/accounts.hpp"
#include "store/audit.hpp"
#include "web/exchange.hpp"
#include "web/handlers.hpp"
#include "web/views.hpp"

namespace convene::web {

namespace {
constexpr std::int64_t audit_page_size = 100;

std::int64_t page_number(Exchange& ex) {
    auto p = ex.request.query_param("page");
    if (p.empty() || p.size() > 6 || p.find_first_not_of("0123456789") != p.npos) return 1;
    return std::max<std::int64_t>(1, std::stoll(p));
}
}  // namespace

http::Response account_list(Exchange& ex) {
    ex.require_role(Role::admin);
    nlohmann::json view = {{"title", "Accounts - Convene"}, {"accounts", nlohmann::json::array()}};
    for (const auto& a : store::list_accounts(ex.db())) view["accounts"].push_back(account_view(a));
    return ex.page("accounts", view);
}

http::Response audit_log(Exchange& ex) {
    ex.require_role(Role::admin);
    auto page = page_number(ex);
    auto entries = store::list_audit(ex.db(), audit_page_size + 1, (page - 1) * audit_page_size);
    bool more = entries.size() > static_cast<std::size_t>(audit_page_size);
    if (more) entries.pop_back();
    nlohmann::json view = {{"title", "Audit log - Convene"}, {"entries", nlohmann::json::array()}};
    for (const auto& a : entries) view["entries"].push_back(audit_view(a));
    if (more) view["next_page"] = page + 1;
    if (page > 1) view["previous_page"] = page - 1;
    return ex.page("audit", view);
}

http::Response api_account_list(Exchange& ex) {
    ex.require_role(Role::admin);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : store::list_accounts(ex.db())) out.push_back(account_view(a));
    return http::Response::json({{"accounts", out}});
}

http::Response api_audit_log(Exchange& ex) {
    ex.require_role(Role::admin);
    auto page = page_number(ex);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : store::list_audit(ex.db(), audit_page_size, (page - 1) * audit_page_size))
        out.push_back(audit_view(a));
    return http::Response::json({{"entries", out}, {"page", page}});
}

}  // namespace convene::web
