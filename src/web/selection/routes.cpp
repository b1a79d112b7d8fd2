// The addresses of the selection under quotas.
#include "web/selection/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_selection_routes(App& app) {
    app.route("GET", "/editions/{edition:int}/selection", policy::Gate::secretariat_of_edition,
              selection_page);
    app.long_route("POST", "/editions/{edition:int}/selection",
                   policy::Gate::secretariat_of_edition, selection_make);
    app.route("POST", "/editions/{edition:int}/selection/rules",
              policy::Gate::secretariat_of_edition, selection_rules_update);
    app.route("GET", "/api/v1/editions/{edition:int}/selection-instance",
              policy::Gate::secretariat_of_edition, api_selection_instance);
    app.route("GET", "/api/v1/editions/{edition:int}/selection",
              policy::Gate::secretariat_of_edition, api_selection_show);
    app.long_route("POST", "/api/v1/editions/{edition:int}/selection",
                   policy::Gate::secretariat_of_edition, api_selection_make);
}

}  // namespace convene::web
