// The addresses of the public results and transparency report.
#include "web/results/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_results_routes(App& app) {
    app.route("POST", "/editions/{edition:int}/decisions/publish",
              policy::Gate::secretariat_of_edition, results_publish_post);
    app.route("GET", "/editions/{edition:int}/results", policy::Gate::anyone, results_page,
              App::cacheable);
    app.route("GET", "/editions/{edition:int}/transparency", policy::Gate::anyone,
              transparency_page, App::cacheable);
    app.route("PUT", "/api/v1/editions/{edition:int}/results", policy::Gate::secretariat_of_edition,
              api_results_publish);
    app.route("GET", "/api/v1/editions/{edition:int}/results", policy::Gate::anyone, api_results);
    app.route("GET", "/api/v1/editions/{edition:int}/transparency", policy::Gate::anyone,
              api_transparency);
}

}  // namespace convene::web
