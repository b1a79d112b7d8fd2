// MAG members of an edition over the API.
#include "core/common/clock.hpp"
#include "core/common/text.hpp"
#include "core/people/country.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/accounts/enrolments.hpp"
#include "store/editions/editions.hpp"
#include "store/evaluation/assignment.hpp"
#include "web/editions/handlers.hpp"
#include "web/editions/member_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/links.hpp"
#include "web/site/mail.hpp"
#include "web/site/views.hpp"

namespace convene::web {

http::Response api_member_list(Exchange& ex) {
    auto e = managed_edition(ex);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : store::list_members(ex.db(), e.id)) out.push_back(member_view(m));
    return http::Response::json({{"members", out}});
}

http::Response api_member_create(Exchange& ex) {
    auto e = managed_edition(ex);
    auto added = add_member(ex, e, member_draft(ex.form()));
    if (added.invited)
        return http::Response::json({{"account_id", added.account_id}, {"enrolment", "pending"}},
                                    202);
    nlohmann::json out = {{"account_id", added.account_id}, {"person_id", added.person_id}};
    if (!added.temporary_password.empty()) out["temporary_password"] = added.temporary_password;
    return http::Response::json(out, 201);
}

}  // namespace convene::web
