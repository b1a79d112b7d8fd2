// The addresses of the mail outbox.
#include "web/outbox/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_outbox_routes(App& app) {
    app.route("GET", "/admin/outbox", policy::Gate::secretariat, outbox_page);
    app.route("POST", "/admin/outbox/{message:int}/retry", policy::Gate::secretariat, outbox_retry);
    app.route("GET", "/api/v1/outbox", policy::Gate::secretariat, api_outbox);
}

}  // namespace convene::web
