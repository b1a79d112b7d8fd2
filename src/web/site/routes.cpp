// The addresses of the site itself: home, health, metrics, static files, the OpenAPI document, test
// hooks.
#include "web/site/app.hpp"
#include "web/site/handlers.hpp"
#include "web/site/kept.hpp"

namespace convene::web {

void add_site_routes(App& app) {
    app.route("GET", "/", policy::Gate::anyone, home, App::cacheable);
    app.route("GET", "/healthz", policy::Gate::anyone, healthz);
    app.route("GET", "/metrics", policy::Gate::anyone, prometheus_metrics);
    app.route("GET", "/static/{file}", policy::Gate::anyone, static_file);
    app.route("GET", "/favicon.ico", policy::Gate::anyone, favicon);
    if (app.config().test_hooks) {
        app.route("POST", "/_test/clock", policy::Gate::secretariat, test_clock);
        app.long_route("POST", "/_test/wait", policy::Gate::secretariat, test_wait);
    }
    app.route("GET", "/kept/{token}", policy::Gate::signed_in, kept_form_page);
    app.route("GET", "/api/v1/openapi.json", policy::Gate::anyone, api_openapi);
    app.route("GET", "/api/v1/me", policy::Gate::signed_in, api_me);
    app.route("GET", "/api/v1/countries", policy::Gate::anyone, api_countries);
}

}  // namespace convene::web
