// The addresses of stage 4, the MAG's decisions and their messages.
#include "web/decisions/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_decisions_routes(App& app) {
    app.route("GET", "/editions/{edition:int}/decisions", decisions_page);
    app.route("POST", "/editions/{edition:int}/decisions/from-selection",
              decisions_from_selection_post);
    app.route("POST", "/editions/{edition:int}/decisions/messages", decision_messages_post);
    app.route("GET", "/editions/{edition:int}/decisions/texts", decision_texts_form);
    app.route("POST", "/editions/{edition:int}/decisions/texts", decision_texts_update);
    app.route("GET", "/editions/{edition:int}/decisions/{proposal:int}", decision_form);
    app.route("POST", "/editions/{edition:int}/decisions/{proposal:int}", decision_save);
    app.route("POST", "/editions/{edition:int}/decisions/{proposal:int}/confirm",
              decision_confirm_post);
    app.route("GET", "/api/v1/editions/{edition:int}/decisions", api_decisions);
    app.route("POST", "/api/v1/editions/{edition:int}/decisions/from-selection",
              api_decisions_from_selection);
    app.route("POST", "/api/v1/editions/{edition:int}/decision-messages", api_decision_messages);
    app.route("GET", "/api/v1/proposals/{proposal:int}/decision", api_decision_show);
    app.route("PUT", "/api/v1/proposals/{proposal:int}/decision", api_decision_save);
    app.route("POST", "/api/v1/proposals/{proposal:int}/decision/confirm", api_decision_confirm);
}

}  // namespace convene::web
