// The selection under quotas over the API: its instance, running it, reading it.
#include "core/common/messages.hpp"
#include "core/selection/selection.hpp"
#include "http/error.hpp"
#include "web/selection/actions.hpp"
#include "web/selection/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/synthesis/actions.hpp"

namespace convene::web {

http::Response api_selection_instance(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(
        to_json(selection_instance(ex, e, store::synthesis_settings(ex.db(), e.id))));
}

http::Response api_selection_make(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(make_selection(ex, e));
}

http::Response api_selection_show(Exchange& ex) {
    auto e = managed_edition(ex);
    auto view = selection_view(ex, e);
    if (view.is_null()) throw http::not_found(say("selection.none_yet"));
    return http::Response::json(view);
}

}  // namespace convene::web
