// The addresses of the site itself: home, health, metrics, static files, the OpenAPI document, test
// hooks.
#include "web/site/app.hpp"
#include "web/site/handlers.hpp"

namespace convene::web {

void add_site_routes(App& app) {
    app.route("GET", "/", home, App::cacheable);
    app.route("GET", "/healthz", healthz);
    app.route("GET", "/metrics", prometheus_metrics);
    app.route("GET", "/static/{file}", static_file);
    if (app.config().test_hooks) app.route("POST", "/_test/clock", test_clock);
    app.route("GET", "/api/v1/openapi.json", api_openapi);
    app.route("GET", "/api/v1/me", api_me);
    app.route("GET", "/api/v1/countries", api_countries);
}

}  // namespace convene::web
