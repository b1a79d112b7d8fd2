// The addresses of stage 2, the MAG's evaluation: the Secretariat's round and each member's list.
#include "web/evaluation/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_evaluation_routes(App& app) {
    app.route("GET", "/editions/{edition:int}/evaluation", evaluation_round_page);
    app.route("POST", "/editions/{edition:int}/evaluation/settings", evaluation_settings_update);
    app.route("POST", "/editions/{edition:int}/evaluation/groups", evaluation_groups_update);
    app.route("POST", "/editions/{edition:int}/evaluation/assignment", assignment_run);
    app.route("POST", "/editions/{edition:int}/evaluation/publish", assignment_publish);
    app.route("GET", "/editions/{edition:int}/evaluation/progress", evaluation_progress_page);
    app.route("POST", "/editions/{edition:int}/evaluation/reminders", evaluation_reminders);
    app.route("POST", "/editions/{edition:int}/evaluation/close", evaluation_close);
    app.route("GET", "/editions/{edition:int}/evaluation/sheet", evaluation_sheet);
    app.route("GET", "/editions/{edition:int}/evaluation/sheet.csv", evaluation_sheet_csv);
    app.route("GET", "/editions/{edition:int}/evaluation/sheet.xlsx", evaluation_sheet_xlsx);
    app.route("GET", "/editions/{edition:int}/evaluations", my_evaluations);
    app.route("GET", "/editions/{edition:int}/evaluations/{proposal:int}", evaluation_form);
    app.route("POST", "/editions/{edition:int}/evaluations/{proposal:int}", evaluation_save);
    app.route("GET", "/editions/{edition:int}/evaluations/{proposal:int}/conflict", conflict_form);
    app.route("POST", "/editions/{edition:int}/evaluations/{proposal:int}/conflict",
              conflict_declare);
    app.route("GET", "/api/v1/editions/{edition:int}/evaluation-settings",
              api_evaluation_settings_show);
    app.route("PUT", "/api/v1/editions/{edition:int}/evaluation-settings",
              api_evaluation_settings_update);
    app.route("PUT", "/api/v1/editions/{edition:int}/members/{account:int}/groups",
              api_member_groups_update);
    app.route("GET", "/api/v1/editions/{edition:int}/assignment", api_assignment_show);
    app.route("POST", "/api/v1/editions/{edition:int}/assignment", api_assignment_run);
    app.route("POST", "/api/v1/editions/{edition:int}/assignment/publish", api_assignment_publish);
    app.route("GET", "/api/v1/editions/{edition:int}/evaluation-progress", api_evaluation_progress);
    app.route("POST", "/api/v1/editions/{edition:int}/evaluation-reminders",
              api_evaluation_reminders);
    app.route("POST", "/api/v1/editions/{edition:int}/evaluation-round/close",
              api_evaluation_close);
    app.route("POST", "/api/v1/editions/{edition:int}/evaluation-round/reopen",
              api_evaluation_reopen);
    app.route("GET", "/api/v1/editions/{edition:int}/evaluation-sheet", api_evaluation_sheet);
    app.route("GET", "/api/v1/editions/{edition:int}/evaluations", api_my_evaluations);
    app.route("GET", "/api/v1/editions/{edition:int}/evaluations/{proposal:int}",
              api_evaluation_show);
    app.route("PUT", "/api/v1/editions/{edition:int}/evaluations/{proposal:int}",
              api_evaluation_save);
    app.route("POST", "/api/v1/editions/{edition:int}/evaluations/{proposal:int}/conflict",
              api_conflict_declare);
    app.route("GET", "/api/v1/proposals/{proposal:int}/evaluations", api_proposal_evaluations);
    app.route("GET", "/api/v1/proposals/{proposal:int}/evaluations/{account:int}",
              api_proposal_evaluation);
}

}  // namespace convene::web
