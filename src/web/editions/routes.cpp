// The addresses of editions, their themes and MAG members (with enrolment of existing accounts).
#include "web/editions/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_editions_routes(App& app) {
    app.route("GET", "/enrolment/{token}", enrolment_form);
    app.route("POST", "/enrolment/{token}", enrolment_accept);
    app.route("GET", "/editions", edition_list, App::cacheable);
    app.route("GET", "/editions/new", edition_new_form);
    app.route("POST", "/editions", edition_create);
    app.route("GET", "/editions/{edition:int}", edition_show, App::cacheable);
    app.route("POST", "/editions/{edition:int}/themes", theme_create);
    app.route("GET", "/editions/{edition:int}/members", member_list);
    app.route("POST", "/editions/{edition:int}/members", member_create);
    app.route("GET", "/api/v1/editions", api_edition_list);
    app.route("POST", "/api/v1/editions", api_edition_create);
    app.route("GET", "/api/v1/editions/{edition:int}", api_edition_show);
    app.route("GET", "/api/v1/editions/{edition:int}/themes", api_theme_list);
    app.route("POST", "/api/v1/editions/{edition:int}/themes", api_theme_create);
    app.route("GET", "/api/v1/editions/{edition:int}/members", api_member_list);
    app.route("POST", "/api/v1/editions/{edition:int}/members", api_member_create);
}

}  // namespace convene::web
