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

    if (config_.test_hooks) route("POST", "/_test/clock", test_clock);

    route("GET", "/login", sign_in_form);
    route("POST", "/login", sign_in);
    route("POST", "/logout", sign_out);
    route("GET", "/register", register_form);
    route("POST", "/register", register_submit);
    route("GET", "/account", account_show);
    route("POST", "/account/password", account_password);
    route("POST", "/account/tokens", account_token_create);
    route("POST", "/account/tokens/{token}/revoke", account_token_revoke);
    route("GET", "/enrolment/{token}", enrolment_form);
    route("POST", "/enrolment/{token}", enrolment_accept);
    route("GET", "/verify/{token}", verification_form);
    route("POST", "/verify/{token}", verification_use);

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

    route("GET", "/editions/{edition:int}/call", call_form);
    route("POST", "/editions/{edition:int}/call", call_update);

    route("GET", "/editions/{edition:int}/evaluation", evaluation_round_page);
    route("POST", "/editions/{edition:int}/evaluation/settings", evaluation_settings_update);
    route("POST", "/editions/{edition:int}/evaluation/groups", evaluation_groups_update);
    route("POST", "/editions/{edition:int}/evaluation/assignment", assignment_run);
    route("POST", "/editions/{edition:int}/evaluation/publish", assignment_publish);
    route("GET", "/editions/{edition:int}/evaluation/progress", evaluation_progress_page);
    route("POST", "/editions/{edition:int}/evaluation/reminders", evaluation_reminders);
    route("POST", "/editions/{edition:int}/evaluation/close", evaluation_close);
    route("GET", "/editions/{edition:int}/evaluation/sheet", evaluation_sheet);
    route("GET", "/editions/{edition:int}/evaluation/sheet.csv", evaluation_sheet_csv);
    route("GET", "/editions/{edition:int}/evaluation/sheet.xlsx", evaluation_sheet_xlsx);
    route("GET", "/editions/{edition:int}/synthesis", synthesis_page);
    route("POST", "/editions/{edition:int}/synthesis/plan", synthesis_plan_update);
    route("GET", "/editions/{edition:int}/synthesis/themes", synthesis_themes_page);
    route("GET", "/editions/{edition:int}/selection", selection_page);
    route("POST", "/editions/{edition:int}/selection", selection_make);
    route("POST", "/editions/{edition:int}/selection/rules", selection_rules_update);
    route("GET", "/editions/{edition:int}/decisions", decisions_page);
    route("POST", "/editions/{edition:int}/decisions/from-selection",
          decisions_from_selection_post);
    route("POST", "/editions/{edition:int}/decisions/messages", decision_messages_post);
    route("POST", "/editions/{edition:int}/decisions/publish", results_publish_post);
    route("GET", "/editions/{edition:int}/decisions/texts", decision_texts_form);
    route("POST", "/editions/{edition:int}/decisions/texts", decision_texts_update);
    route("GET", "/editions/{edition:int}/decisions/{proposal:int}", decision_form);
    route("POST", "/editions/{edition:int}/decisions/{proposal:int}", decision_save);
    route("POST", "/editions/{edition:int}/decisions/{proposal:int}/confirm",
          decision_confirm_post);
    route("GET", "/editions/{edition:int}/results", results_page, cacheable);
    route("GET", "/editions/{edition:int}/transparency", transparency_page, cacheable);
    route("GET", "/editions/{edition:int}/evaluations", my_evaluations);
    route("GET", "/editions/{edition:int}/evaluations/{proposal:int}", evaluation_form);
    route("POST", "/editions/{edition:int}/evaluations/{proposal:int}", evaluation_save);
    route("GET", "/editions/{edition:int}/evaluations/{proposal:int}/conflict", conflict_form);
    route("POST", "/editions/{edition:int}/evaluations/{proposal:int}/conflict", conflict_declare);

    route("GET", "/proposals", my_proposals);
    route("GET", "/editions/{edition:int}/proposals/new", proposal_new_form);
    route("POST", "/editions/{edition:int}/proposals", proposal_create);
    route("GET", "/proposals/{proposal:int}", proposal_show);
    route("POST", "/proposals/{proposal:int}", proposal_update);
    route("GET", "/proposals/{proposal:int}/edit", proposal_edit_form);
    route("GET", "/proposals/{proposal:int}/revisions", proposal_revisions);
    route("GET", "/proposals/{proposal:int}/compare", proposal_compare);
    route("POST", "/proposals/{proposal:int}/co-organisers", co_organiser_invite);
    route("GET", "/co-organise/{token}", co_organise_form);
    route("POST", "/co-organise/{token}", co_organise_accept);
    route("GET", "/confirm/{token}", speaker_link_form);
    route("POST", "/confirm/{token}", speaker_link_answer);

    route("GET", "/admin/outbox", outbox_page);
    route("POST", "/admin/outbox/{message:int}/retry", outbox_retry);
    route("GET", "/admin/accounts", account_list);
    route("GET", "/admin/audit", audit_log);

    route("GET", "/api/v1/openapi.json", api_openapi);
    route("GET", "/api/v1/session", api_session);
    route("POST", "/api/v1/session", api_sign_in);
    route("DELETE", "/api/v1/session", api_sign_out);
    route("GET", "/api/v1/me", api_me);
    route("PUT", "/api/v1/me/password", api_password_change);
    route("GET", "/api/v1/me/tokens", api_tokens_list);
    route("POST", "/api/v1/me/tokens", api_token_create);
    route("DELETE", "/api/v1/me/tokens/{token}", api_token_revoke);
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
    route("POST", "/api/v1/registrations", api_register);
    route("POST", "/api/v1/verifications/{token}", api_verification_use);
    route("GET", "/api/v1/editions/{edition:int}/call", api_call_show);
    route("PUT", "/api/v1/editions/{edition:int}/call", api_call_update);
    route("POST", "/api/v1/editions/{edition:int}/proposals", api_proposal_create);
    route("PUT", "/api/v1/proposals/{proposal:int}", api_proposal_update);
    route("GET", "/api/v1/proposals/{proposal:int}/revisions", api_proposal_revisions);
    route("GET", "/api/v1/proposals/{proposal:int}/revisions/{version:int}", api_proposal_revision);
    route("POST", "/api/v1/proposals/{proposal:int}/co-organisers", api_co_organiser_invite);
    route("GET", "/api/v1/me/proposals", api_my_proposals);
    route("GET", "/api/v1/confirmations/{token}", api_speaker_link_show);
    route("POST", "/api/v1/confirmations/{token}", api_speaker_link_answer);
    route("GET", "/api/v1/outbox", api_outbox);
    route("GET", "/api/v1/editions/{edition:int}/evaluation-settings",
          api_evaluation_settings_show);
    route("PUT", "/api/v1/editions/{edition:int}/evaluation-settings",
          api_evaluation_settings_update);
    route("PUT", "/api/v1/editions/{edition:int}/members/{account:int}/groups",
          api_member_groups_update);
    route("GET", "/api/v1/editions/{edition:int}/assignment", api_assignment_show);
    route("POST", "/api/v1/editions/{edition:int}/assignment", api_assignment_run);
    route("POST", "/api/v1/editions/{edition:int}/assignment/publish", api_assignment_publish);
    route("GET", "/api/v1/editions/{edition:int}/evaluation-progress", api_evaluation_progress);
    route("POST", "/api/v1/editions/{edition:int}/evaluation-reminders", api_evaluation_reminders);
    route("POST", "/api/v1/editions/{edition:int}/evaluation-round/close", api_evaluation_close);
    route("POST", "/api/v1/editions/{edition:int}/evaluation-round/reopen", api_evaluation_reopen);
    route("GET", "/api/v1/editions/{edition:int}/evaluation-sheet", api_evaluation_sheet);
    route("GET", "/api/v1/editions/{edition:int}/synthesis", api_synthesis);
    route("GET", "/api/v1/editions/{edition:int}/synthesis-settings", api_synthesis_settings_show);
    route("PUT", "/api/v1/editions/{edition:int}/synthesis-settings",
          api_synthesis_settings_update);
    route("GET", "/api/v1/editions/{edition:int}/selection-instance", api_selection_instance);
    route("GET", "/api/v1/editions/{edition:int}/selection", api_selection_show);
    route("POST", "/api/v1/editions/{edition:int}/selection", api_selection_make);
    route("GET", "/api/v1/editions/{edition:int}/decisions", api_decisions);
    route("POST", "/api/v1/editions/{edition:int}/decisions/from-selection",
          api_decisions_from_selection);
    route("POST", "/api/v1/editions/{edition:int}/decision-messages", api_decision_messages);
    route("PUT", "/api/v1/editions/{edition:int}/results", api_results_publish);
    route("GET", "/api/v1/editions/{edition:int}/results", api_results);
    route("GET", "/api/v1/editions/{edition:int}/transparency", api_transparency);
    route("GET", "/api/v1/proposals/{proposal:int}/decision", api_decision_show);
    route("PUT", "/api/v1/proposals/{proposal:int}/decision", api_decision_save);
    route("POST", "/api/v1/proposals/{proposal:int}/decision/confirm", api_decision_confirm);
    route("GET", "/api/v1/editions/{edition:int}/evaluations", api_my_evaluations);
    route("GET", "/api/v1/editions/{edition:int}/evaluations/{proposal:int}", api_evaluation_show);
    route("PUT", "/api/v1/editions/{edition:int}/evaluations/{proposal:int}", api_evaluation_save);
    route("POST", "/api/v1/editions/{edition:int}/evaluations/{proposal:int}/conflict",
          api_conflict_declare);
    route("GET", "/api/v1/proposals/{proposal:int}/evaluations", api_proposal_evaluations);
    route("GET", "/api/v1/proposals/{proposal:int}/evaluations/{account:int}",
          api_proposal_evaluation);
    route("GET", "/api/v1/accounts", api_account_list);
    route("GET", "/api/v1/audit", api_audit_log);
}

}  // namespace convene::web
