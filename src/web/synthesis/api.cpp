// The synthesis over the API: the same operations as the pages, in JSON.
#include "http/error.hpp"
#include "web/site/exchange.hpp"
#include "web/synthesis/actions.hpp"
#include "web/synthesis/handlers.hpp"

namespace convene::web {

http::Response api_synthesis(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(synthesis_view(ex, e));
}

http::Response api_synthesis_settings_show(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(to_json(store::synthesis_settings(ex.db(), e.id)));
}

http::Response api_synthesis_settings_update(Exchange& ex) {
    auto e = managed_edition(ex);
    auto s = synthesis_settings_in_body(ex, e, http::parse_json_body(ex.request));
    store::set_synthesis_settings(ex.db(), e.id, s);
    ex.audit("synthesis.settings", "edition " + to_string(e.id), to_json(s));
    return http::Response::json(to_json(s));
}

}  // namespace convene::web
