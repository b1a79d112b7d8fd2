// The addresses of editions, their themes and MAG members (with enrolment of existing accounts).
#include "web/editions/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_editions_routes(App& app) {
    app.route("GET", "/enrolment/{token}", policy::Gate::anyone, enrolment_form);
    app.route("POST", "/enrolment/{token}", policy::Gate::anyone, enrolment_accept);
    app.route("GET", "/editions", policy::Gate::anyone, edition_list, App::cacheable);
    app.route("GET", "/editions/new", policy::Gate::secretariat, edition_new_form);
    app.route("POST", "/editions", policy::Gate::secretariat, edition_create);
    app.route("GET", "/editions/{edition:int}", policy::Gate::anyone, edition_show, App::cacheable);
    app.route("POST", "/editions/{edition:int}/themes", policy::Gate::secretariat_of_edition,
              theme_create);
    app.route("GET", "/editions/{edition:int}/members", policy::Gate::secretariat_of_edition,
              member_list);
    app.route("POST", "/editions/{edition:int}/members", policy::Gate::secretariat_of_edition,
              member_create);
    app.route("GET", "/api/v1/editions", policy::Gate::anyone, api_edition_list);
    app.route("POST", "/api/v1/editions", policy::Gate::secretariat, api_edition_create);
    app.route("GET", "/api/v1/editions/{edition:int}", policy::Gate::anyone, api_edition_show);
    app.route("GET", "/api/v1/editions/{edition:int}/themes", policy::Gate::anyone, api_theme_list);
    app.route("POST", "/api/v1/editions/{edition:int}/themes", policy::Gate::secretariat_of_edition,
              api_theme_create);
    app.route("GET", "/api/v1/editions/{edition:int}/members", policy::Gate::secretariat_of_edition,
              api_member_list);
    app.route("POST", "/api/v1/editions/{edition:int}/members",
              policy::Gate::secretariat_of_edition, api_member_create);
}

}  // namespace convene::web
