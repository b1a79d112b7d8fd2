// The addresses of the public results and transparency report.
#include "web/results/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_results_routes(App& app) {
    app.route("POST", "/editions/{edition:int}/decisions/publish", results_publish_post);
    app.route("GET", "/editions/{edition:int}/results", results_page, App::cacheable);
    app.route("GET", "/editions/{edition:int}/transparency", transparency_page, App::cacheable);
    app.route("PUT", "/api/v1/editions/{edition:int}/results", api_results_publish);
    app.route("GET", "/api/v1/editions/{edition:int}/results", api_results);
    app.route("GET", "/api/v1/editions/{edition:int}/transparency", api_transparency);
}

}  // namespace convene::web
