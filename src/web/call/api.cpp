// The call for proposals over the API: everybody may read it, the Secretariat sets it.
#include "core/common/text.hpp"
#include "core/editions/edition.hpp"
#include "http/error.hpp"
#include "store/proposals/submissions.hpp"
#include "web/call/actions.hpp"
#include "web/call/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

http::Response api_call_show(Exchange& ex) {
    auto e = edition_in_path(ex);
    return http::Response::json(call_view(ex, store::load_call(ex.db(), e.id), e.time_zone));
}

http::Response api_call_update(Exchange& ex) {
    auto e = managed_edition(ex);
    auto body = http::parse_json_body(ex.request);
    FieldErrors errors;
    auto call = checked_call(body, errors);
    throw_if_invalid(errors);
    store_call(ex, e, call);
    return http::Response::json(call_view(ex, call, e.time_zone));
}

}  // namespace convene::web
