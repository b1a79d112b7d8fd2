// The route table: one line per stage; each stage lists its own addresses in
// web/<stage>/routes.cpp.
#include "web/site/app.hpp"

namespace convene::web {

void add_site_routes(App&);
void add_accounts_routes(App&);
void add_editions_routes(App&);
void add_call_routes(App&);
void add_proposals_routes(App&);
void add_screening_routes(App&);
void add_evaluation_routes(App&);
void add_synthesis_routes(App&);
void add_selection_routes(App&);
void add_decisions_routes(App&);
void add_results_routes(App&);
void add_programme_routes(App&);
void add_live_routes(App&);
void add_transcripts_routes(App&);
void add_feedback_routes(App&);
void add_messages_routes(App&);
void add_outbox_routes(App&);
void add_reports_routes(App&);

void App::add_routes() {
    add_site_routes(*this);
    add_accounts_routes(*this);
    add_editions_routes(*this);
    add_call_routes(*this);
    add_proposals_routes(*this);
    add_screening_routes(*this);
    add_evaluation_routes(*this);
    add_synthesis_routes(*this);
    add_selection_routes(*this);
    add_decisions_routes(*this);
    add_results_routes(*this);
    add_programme_routes(*this);
    add_live_routes(*this);
    add_transcripts_routes(*this);
    add_feedback_routes(*this);
    add_messages_routes(*this);
    add_outbox_routes(*this);
    add_reports_routes(*this);
}

}  // namespace convene::web
