// API-only endpoints: the OpenAPI document, the caller's account, reference data.
#include "core/common/assets.hpp"
#include "core/people/country.hpp"
#include "web/site/exchange.hpp"
#include "web/site/handlers.hpp"
#include "web/site/views.hpp"

namespace convene::web {

http::Response api_openapi(Exchange&) {
    http::Response r;
    r.content_type = "application/json";
    r.body = std::string(asset("api/openapi.json").value());
    return r;
}

http::Response api_me(Exchange& ex) {
    const auto& who = ex.require_sign_in();
    store::AccountWithRoles a{who, ex.roles()};
    return http::Response::json(account_view(a));
}

http::Response api_countries(Exchange&) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : countries())
        out.push_back({{"code", c.code},
                       {"name", c.name},
                       {"regional_group", c.regional_group},
                       {"developing", c.developing},
                       {"least_developed", c.least_developed},
                       {"small_island", c.small_island}});
    return http::Response::json({{"countries", out}});
}

}  // namespace convene::web
