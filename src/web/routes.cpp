// The route table: one line per address the application answers.
#include "web/app.hpp"
#include "web/handlers.hpp"

namespace convene::web {

void App::add_routes() {
    const bool cacheable = true;
    route("GET", "/", home, cacheable);
    route("GET", "/healthz", healthz);
    route("GET", "/metrics", prometheus_metrics);
    route("GET", "/static/{file}", static_file);

    route("GET", "/login", sign_in_form);
    route("POST", "/login", sign_in);
    route("POST", "/logout", sign_out);

    route("GET", "/editions", edition_list, cacheable);
    route("GET", "/editions/new", edition_new_form);
    route("POST", "/editions", edition_create);
    route("GET", "/editions/{edition:int}", edition_show, cacheable);
    route("POST", "/editions/{edition:int}/themes", theme_create);
    route("GET", "/editions/{edition:int}/members", member_list);
    route("POST", "/editions/{edition:int}/members", member_create);

    route("GET", "/editions/{edition:int}/screening", screening_page);
    route("POST", "/editions/{edition:int}/screening", screening_run);
    route("GET", "/editions/{edition:int}/screening/{proposal:int}", screening_decision_form);
    route("POST", "/editions/{edition:int}/screening/{proposal:int}", screening_decision);
    route("GET", "/editions/{edition:int}/screening.csv", screening_csv);
    route("GET", "/editions/{edition:int}/screening.xlsx", screening_xlsx);
    route("GET", "/editions/{edition:int}/screening.json", screening_json);

    route("GET", "/admin/accounts", account_list);
    route("GET", "/admin/audit", audit_log);

    route("GET", "/api/v1/openapi.json", api_openapi);
    route("GET", "/api/v1/session", api_session);
    route("POST", "/api/v1/session", api_sign_in);
    route("DELETE", "/api/v1/session", api_sign_out);
    route("GET", "/api/v1/me", api_me);
    route("GET", "/api/v1/countries", api_countries);
    route("GET", "/api/v1/editions", api_edition_list);
    route("POST", "/api/v1/editions", api_edition_create);
    route("GET", "/api/v1/editions/{edition:int}", api_edition_show);
    route("GET", "/api/v1/editions/{edition:int}/themes", api_theme_list);
    route("POST", "/api/v1/editions/{edition:int}/themes", api_theme_create);
    route("GET", "/api/v1/editions/{edition:int}/members", api_member_list);
    route("POST", "/api/v1/editions/{edition:int}/members", api_member_create);
    route("GET", "/api/v1/editions/{edition:int}/proposals", api_proposal_list);
    route("GET", "/api/v1/proposals/{proposal:int}", api_proposal_show);
    route("GET", "/api/v1/editions/{edition:int}/screening-rules", api_screening_rules_show);
    route("PUT", "/api/v1/editions/{edition:int}/screening-rules", api_screening_rules_update);
    route("GET", "/api/v1/editions/{edition:int}/screening", api_screening_show);
    route("POST", "/api/v1/editions/{edition:int}/screening", api_screening_run);
    route("POST", "/api/v1/proposals/{proposal:int}/screening-override", api_screening_override);
    route("GET", "/api/v1/accounts", api_account_list);
    route("GET", "/api/v1/audit", api_audit_log);
}

}  // namespace convene::web
