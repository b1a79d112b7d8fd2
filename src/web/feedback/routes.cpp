// The addresses of participants' feedback: anyone rates a published session from its end
// on (the form is on the session's page); its organisers and the Secretariat read the
// results; the Secretariat reads every session's, by theme and by session type.
#include "web/feedback/handlers.hpp"
#include "web/feedback/rating_actions.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_feedback_routes(App& app) {
    const std::string session = "/editions/{edition:int}/programme/{code}/feedback";
    app.route("POST", session, policy::Gate::anyone, feedback_save);
    app.route("GET", session, policy::Gate::signed_in, feedback_session_page);
    app.route("GET", "/editions/{edition:int}/feedback", policy::Gate::secretariat_of_edition,
              feedback_edition_page);
    app.route("PUT", "/api/v1" + session, policy::Gate::anyone, api_feedback_save);
    app.route("GET", "/api/v1" + session, policy::Gate::signed_in, api_feedback_session);
    app.route("GET", "/api/v1/editions/{edition:int}/feedback",
              policy::Gate::secretariat_of_edition, api_feedback_edition);
    add_feedback_metrics(app);
}

}  // namespace convene::web
