// The addresses of stage 1, screening by the Secretariat.
#include "web/screening/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_screening_routes(App& app) {
    app.route("GET", "/editions/{edition:int}/screening", policy::Gate::secretariat_of_edition,
              screening_page);
    app.long_route("POST", "/editions/{edition:int}/screening",
                   policy::Gate::secretariat_of_edition, screening_run);
    app.route("GET", "/editions/{edition:int}/screening/rules",
              policy::Gate::secretariat_of_edition, screening_rules_page);
    app.route("POST", "/editions/{edition:int}/screening/rules",
              policy::Gate::secretariat_of_edition, screening_rules_save);
    app.route("GET", "/editions/{edition:int}/screening/{proposal:int}",
              policy::Gate::secretariat_of_edition, screening_decision_form);
    app.route("POST", "/editions/{edition:int}/screening/{proposal:int}",
              policy::Gate::secretariat_of_edition, screening_decision);
    app.route("GET", "/editions/{edition:int}/screening.csv", policy::Gate::secretariat_of_edition,
              screening_csv);
    app.route("GET", "/editions/{edition:int}/screening.xlsx", policy::Gate::secretariat_of_edition,
              screening_xlsx);
    app.route("GET", "/editions/{edition:int}/screening.json", policy::Gate::secretariat_of_edition,
              screening_json);
    app.route("GET", "/api/v1/editions/{edition:int}/screening-rules",
              policy::Gate::secretariat_of_edition, api_screening_rules_show);
    app.route("PUT", "/api/v1/editions/{edition:int}/screening-rules",
              policy::Gate::secretariat_of_edition, api_screening_rules_update);
    app.route("GET", "/api/v1/editions/{edition:int}/screening",
              policy::Gate::secretariat_of_edition, api_screening_show);
    app.long_route("POST", "/api/v1/editions/{edition:int}/screening",
                   policy::Gate::secretariat_of_edition, api_screening_run);
    app.route("POST", "/api/v1/proposals/{proposal:int}/screening-override",
              policy::Gate::secretariat_of_edition, api_screening_override);
}

}  // namespace convene::web
