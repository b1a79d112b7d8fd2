// The addresses of stage 4, the MAG's decisions and their messages.
#include "web/decisions/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_decisions_routes(App& app) {
    app.route("GET", "/editions/{edition:int}/decisions", policy::Gate::secretariat_of_edition,
              decisions_page);
    app.long_route("POST", "/editions/{edition:int}/decisions/from-selection",
                   policy::Gate::secretariat_of_edition, decisions_from_selection_post);
    app.route("GET", "/editions/{edition:int}/decisions/messages",
              policy::Gate::secretariat_of_edition, decision_messages_page);
    app.route("POST", "/editions/{edition:int}/decisions/messages",
              policy::Gate::secretariat_of_edition, decision_messages_post);
    app.route("GET", "/editions/{edition:int}/decisions/texts",
              policy::Gate::secretariat_of_edition, decision_texts_form);
    app.route("POST", "/editions/{edition:int}/decisions/texts",
              policy::Gate::secretariat_of_edition, decision_texts_update);
    app.route("GET", "/editions/{edition:int}/decisions/{proposal:int}",
              policy::Gate::secretariat_of_edition, decision_form);
    app.route("POST", "/editions/{edition:int}/decisions/{proposal:int}",
              policy::Gate::secretariat_of_edition, decision_save);
    app.route("POST", "/editions/{edition:int}/decisions/{proposal:int}/confirm",
              policy::Gate::secretariat_of_edition, decision_confirm_post);
    app.route("GET", "/api/v1/editions/{edition:int}/decisions",
              policy::Gate::secretariat_of_edition, api_decisions);
    app.long_route("POST", "/api/v1/editions/{edition:int}/decisions/from-selection",
                   policy::Gate::secretariat_of_edition, api_decisions_from_selection);
    app.route("GET", "/api/v1/editions/{edition:int}/decision-messages",
              policy::Gate::secretariat_of_edition, api_decision_messages_preview);
    app.route("POST", "/api/v1/editions/{edition:int}/decision-messages",
              policy::Gate::secretariat_of_edition, api_decision_messages);
    app.route("GET", "/api/v1/proposals/{proposal:int}/decision",
              policy::Gate::secretariat_of_edition, api_decision_show);
    app.route("PUT", "/api/v1/proposals/{proposal:int}/decision",
              policy::Gate::secretariat_of_edition, api_decision_save);
    app.route("POST", "/api/v1/proposals/{proposal:int}/decision/confirm",
              policy::Gate::secretariat_of_edition, api_decision_confirm);
}

}  // namespace convene::web
