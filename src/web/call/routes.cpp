// The addresses of the call for proposals of an edition.
#include "web/call/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_call_routes(App& app) {
    app.route("GET", "/editions/{edition:int}/call", policy::Gate::secretariat_of_edition,
              call_form);
    app.route("POST", "/editions/{edition:int}/call", policy::Gate::secretariat_of_edition,
              call_update);
    app.route("GET", "/api/v1/editions/{edition:int}/call", policy::Gate::anyone, api_call_show);
    app.route("PUT", "/api/v1/editions/{edition:int}/call", policy::Gate::secretariat_of_edition,
              api_call_update);
}

}  // namespace convene::web
