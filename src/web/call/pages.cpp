// The call for proposals of an edition: the page the Secretariat sets it on.
#include "core/common/text.hpp"
#include "core/editions/edition.hpp"
#include "http/error.hpp"
#include "store/proposals/submissions.hpp"
#include "web/call/actions.hpp"
#include "web/call/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

http::Response call_form(Exchange& ex) {
    auto e = managed_edition(ex);
    return call_page(ex, e, store::load_call(ex.db(), e.id), {}, 200);
}

http::Response call_update(Exchange& ex) {
    auto e = managed_edition(ex);
    FieldErrors errors;
    auto j = call_json_from_form(ex.form(), errors);
    auto call = checked_call(j, errors);
    if (!errors.empty()) return call_page(ex, e, call, errors, 422);
    store_call(ex, e, call);
    return http::Response::redirect("/editions/" + to_string(e.id) + "#call");
}

}  // namespace convene::web
