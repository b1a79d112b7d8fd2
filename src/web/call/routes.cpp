// The addresses of the call for proposals of an edition.
#include "web/call/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_call_routes(App& app) {
    app.route("GET", "/editions/{edition:int}/call", call_form);
    app.route("POST", "/editions/{edition:int}/call", call_update);
    app.route("GET", "/api/v1/editions/{edition:int}/call", api_call_show);
    app.route("PUT", "/api/v1/editions/{edition:int}/call", api_call_update);
}

}  // namespace convene::web
