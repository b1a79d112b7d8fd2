// The addresses of stage 2, the MAG's evaluation: the Secretariat's round and each member's list.
#include "web/evaluation/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_evaluation_routes(App& app) {
    app.route("GET", "/editions/{edition:int}/evaluation", policy::Gate::secretariat_of_edition,
              evaluation_round_page);
    app.route("POST", "/editions/{edition:int}/evaluation/settings",
              policy::Gate::secretariat_of_edition, evaluation_settings_update);
    app.route("POST", "/editions/{edition:int}/evaluation/groups",
              policy::Gate::secretariat_of_edition, evaluation_groups_update);
    app.long_route("POST", "/editions/{edition:int}/evaluation/assignment",
                   policy::Gate::secretariat_of_edition, assignment_run);
    app.route("POST", "/editions/{edition:int}/evaluation/publish",
              policy::Gate::secretariat_of_edition, assignment_publish);
    app.route("GET", "/editions/{edition:int}/evaluation/progress",
              policy::Gate::secretariat_of_edition, evaluation_progress_page);
    app.long_route("POST", "/editions/{edition:int}/evaluation/reminders",
                   policy::Gate::secretariat_of_edition, evaluation_reminders);
    app.route("POST", "/editions/{edition:int}/evaluation/close",
              policy::Gate::secretariat_of_edition, evaluation_close);
    app.route("GET", "/editions/{edition:int}/evaluation/sheet",
              policy::Gate::secretariat_of_edition, evaluation_sheet);
    app.route("GET", "/editions/{edition:int}/evaluation/sheet.csv",
              policy::Gate::secretariat_of_edition, evaluation_sheet_csv);
    app.route("GET", "/editions/{edition:int}/evaluation/sheet.xlsx",
              policy::Gate::secretariat_of_edition, evaluation_sheet_xlsx);
    // One proposal's evaluators, adjusted by hand once the assignment is published.
    app.route("GET", "/editions/{edition:int}/evaluation/proposal",
              policy::Gate::secretariat_of_edition, proposal_assignment_find);
    app.route("GET", "/editions/{edition:int}/evaluation/proposals/{proposal:int}",
              policy::Gate::secretariat_of_edition, proposal_assignment_page);
    app.route("POST", "/editions/{edition:int}/evaluation/proposals/{proposal:int}/add",
              policy::Gate::secretariat_of_edition, proposal_evaluator_add);
    app.route("POST", "/editions/{edition:int}/evaluation/proposals/{proposal:int}/remove",
              policy::Gate::secretariat_of_edition, proposal_evaluator_remove);
    app.route("GET", "/editions/{edition:int}/evaluations", policy::Gate::member_of_edition,
              my_evaluations);
    app.route("GET", "/editions/{edition:int}/evaluations/{proposal:int}",
              policy::Gate::member_of_edition, evaluation_form);
    app.route("POST", "/editions/{edition:int}/evaluations/{proposal:int}",
              policy::Gate::member_of_edition, evaluation_save);
    app.route("GET", "/editions/{edition:int}/evaluations/{proposal:int}/conflict",
              policy::Gate::member_of_edition, conflict_form);
    app.route("POST", "/editions/{edition:int}/evaluations/{proposal:int}/conflict",
              policy::Gate::member_of_edition, conflict_declare);
    app.route("GET", "/api/v1/editions/{edition:int}/evaluation-settings",
              policy::Gate::secretariat_of_edition, api_evaluation_settings_show);
    app.route("PUT", "/api/v1/editions/{edition:int}/evaluation-settings",
              policy::Gate::secretariat_of_edition, api_evaluation_settings_update);
    app.route("PUT", "/api/v1/editions/{edition:int}/members/{account:int}/groups",
              policy::Gate::secretariat_of_edition, api_member_groups_update);
    app.route("GET", "/api/v1/editions/{edition:int}/assignment",
              policy::Gate::secretariat_of_edition, api_assignment_show);
    app.long_route("POST", "/api/v1/editions/{edition:int}/assignment",
                   policy::Gate::secretariat_of_edition, api_assignment_run);
    app.route("POST", "/api/v1/editions/{edition:int}/assignment/publish",
              policy::Gate::secretariat_of_edition, api_assignment_publish);
    app.route("GET", "/api/v1/editions/{edition:int}/evaluation-progress",
              policy::Gate::secretariat_of_edition, api_evaluation_progress);
    app.long_route("POST", "/api/v1/editions/{edition:int}/evaluation-reminders",
                   policy::Gate::secretariat_of_edition, api_evaluation_reminders);
    app.route("POST", "/api/v1/editions/{edition:int}/evaluation-round/close",
              policy::Gate::secretariat_of_edition, api_evaluation_close);
    app.route("POST", "/api/v1/editions/{edition:int}/evaluation-round/reopen",
              policy::Gate::secretariat_of_edition, api_evaluation_reopen);
    app.route("GET", "/api/v1/editions/{edition:int}/evaluation-sheet",
              policy::Gate::secretariat_of_edition, api_evaluation_sheet);
    app.route("GET", "/api/v1/editions/{edition:int}/evaluations", policy::Gate::member_of_edition,
              api_my_evaluations);
    app.route("GET", "/api/v1/editions/{edition:int}/evaluations/{proposal:int}",
              policy::Gate::member_of_edition, api_evaluation_show);
    app.route("PUT", "/api/v1/editions/{edition:int}/evaluations/{proposal:int}",
              policy::Gate::member_of_edition, api_evaluation_save);
    app.route("POST", "/api/v1/editions/{edition:int}/evaluations/{proposal:int}/conflict",
              policy::Gate::member_of_edition, api_conflict_declare);
    app.route("GET", "/api/v1/proposals/{proposal:int}/evaluations",
              policy::Gate::secretariat_of_edition, api_proposal_evaluations);
    app.route("GET", "/api/v1/proposals/{proposal:int}/evaluations/{account:int}",
              policy::Gate::signed_in, api_proposal_evaluation);
    app.route("GET", "/api/v1/proposals/{proposal:int}/evaluators",
              policy::Gate::secretariat_of_edition, api_proposal_evaluators);
    app.route("POST", "/api/v1/proposals/{proposal:int}/evaluators",
              policy::Gate::secretariat_of_edition, api_proposal_evaluator_add);
    app.route("DELETE", "/api/v1/proposals/{proposal:int}/evaluators/{account:int}",
              policy::Gate::secretariat_of_edition, api_proposal_evaluator_remove);
}

}  // namespace convene::web
