// The addresses of stage 3, the synthesis the MAG meets on.
#include "web/site/app.hpp"
#include "web/synthesis/handlers.hpp"

namespace convene::web {

void add_synthesis_routes(App& app) {
    app.route("GET", "/editions/{edition:int}/synthesis", policy::Gate::secretariat_of_edition,
              synthesis_page);
    app.route("POST", "/editions/{edition:int}/synthesis/plan",
              policy::Gate::secretariat_of_edition, synthesis_plan_update);
    app.route("GET", "/editions/{edition:int}/synthesis/themes",
              policy::Gate::secretariat_of_edition, synthesis_themes_page);
    app.route("GET", "/api/v1/editions/{edition:int}/synthesis",
              policy::Gate::secretariat_of_edition, api_synthesis);
    app.route("GET", "/api/v1/editions/{edition:int}/synthesis-settings",
              policy::Gate::secretariat_of_edition, api_synthesis_settings_show);
    app.route("PUT", "/api/v1/editions/{edition:int}/synthesis-settings",
              policy::Gate::secretariat_of_edition, api_synthesis_settings_update);
}

}  // namespace convene::web
