// The addresses of the mail outbox.
#include "web/outbox/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_outbox_routes(App& app) {
    app.route("GET", "/admin/outbox", outbox_page);
    app.route("POST", "/admin/outbox/{message:int}/retry", outbox_retry);
    app.route("GET", "/api/v1/outbox", api_outbox);
}

}  // namespace convene::web
