#pragma once
// Every route's handler: a plain function from the exchange to a response.
// HTML pages and their /api/v1 twins share the domain work and differ only in form.
#include <vector>

#include "core/screening.hpp"
#include "http/message.hpp"
#include "store/editions.hpp"

namespace convene::web {

class Exchange;

// home.cpp: public pages and machinery
http::Response home(Exchange&);
http::Response healthz(Exchange&);
http::Response prometheus_metrics(Exchange&);
http::Response static_file(Exchange&);

// sign_in.cpp
http::Response sign_in_form(Exchange&);
http::Response sign_in(Exchange&);
http::Response sign_out(Exchange&);
http::Response api_session(Exchange&);
http::Response api_sign_in(Exchange&);
http::Response api_sign_out(Exchange&);
// members.cpp (enrolment of existing accounts)
http::Response enrolment_form(Exchange&);
http::Response enrolment_accept(Exchange&);
// test_hooks.cpp
http::Response test_clock(Exchange&);
// account.cpp
http::Response account_show(Exchange&);
http::Response account_password(Exchange&);
http::Response account_token_create(Exchange&);
http::Response account_token_revoke(Exchange&);
http::Response api_password_change(Exchange&);
http::Response api_tokens_list(Exchange&);
http::Response api_token_create(Exchange&);
http::Response api_token_revoke(Exchange&);
// registration.cpp
http::Response register_form(Exchange&);
http::Response register_submit(Exchange&);
http::Response api_register(Exchange&);
http::Response verification_form(Exchange&);
http::Response verification_use(Exchange&);
http::Response api_verification_use(Exchange&);

// editions.cpp
http::Response edition_list(Exchange&);
http::Response edition_new_form(Exchange&);
http::Response edition_create(Exchange&);
http::Response edition_show(Exchange&);
http::Response theme_create(Exchange&);
http::Response api_edition_list(Exchange&);
http::Response api_edition_create(Exchange&);
http::Response api_edition_show(Exchange&);
http::Response api_theme_list(Exchange&);
http::Response api_theme_create(Exchange&);

// members.cpp: MAG members of an edition
http::Response member_list(Exchange&);
http::Response member_create(Exchange&);
http::Response api_member_list(Exchange&);
http::Response api_member_create(Exchange&);

// admin.cpp
http::Response account_list(Exchange&);
http::Response audit_log(Exchange&);
http::Response api_account_list(Exchange&);
http::Response api_audit_log(Exchange&);

// screening.cpp
// Screens every proposal of the edition, stores the results and audits the run.
std::vector<ScreeningResult> run_screening(Exchange&, const store::Edition&);
http::Response api_proposal_list(Exchange&);
http::Response api_screening_rules_show(Exchange&);
http::Response api_screening_rules_update(Exchange&);
http::Response api_screening_run(Exchange&);
http::Response api_screening_show(Exchange&);

// screening_pages.cpp
http::Response screening_page(Exchange&);
http::Response screening_run(Exchange&);
http::Response screening_decision_form(Exchange&);
http::Response screening_decision(Exchange&);
http::Response screening_csv(Exchange&);
http::Response screening_xlsx(Exchange&);
http::Response screening_json(Exchange&);
http::Response api_screening_override(Exchange&);

// call.cpp: the call for proposals of an edition
http::Response call_form(Exchange&);
http::Response call_update(Exchange&);
http::Response api_call_show(Exchange&);
http::Response api_call_update(Exchange&);

// proposals.cpp: the proposers' pages
http::Response my_proposals(Exchange&);
http::Response proposal_new_form(Exchange&);
http::Response proposal_create(Exchange&);
http::Response proposal_show(Exchange&);
http::Response proposal_edit_form(Exchange&);
http::Response proposal_update(Exchange&);
http::Response proposal_revisions(Exchange&);
http::Response proposal_compare(Exchange&);

// proposal_api.cpp
http::Response api_proposal_show(Exchange&);
http::Response api_proposal_create(Exchange&);
http::Response api_proposal_update(Exchange&);
http::Response api_proposal_revisions(Exchange&);
http::Response api_proposal_revision(Exchange&);
http::Response api_my_proposals(Exchange&);

// invitations.cpp: links sent by e-mail to co-organisers and speakers
http::Response co_organiser_invite(Exchange&);
http::Response api_co_organiser_invite(Exchange&);
http::Response co_organise_form(Exchange&);
http::Response co_organise_accept(Exchange&);
http::Response speaker_link_form(Exchange&);
http::Response speaker_link_answer(Exchange&);
http::Response api_speaker_link_show(Exchange&);
http::Response api_speaker_link_answer(Exchange&);

// assignment.cpp: the MAG members' assignment to proposals
http::Response api_evaluation_settings_show(Exchange&);
http::Response api_evaluation_settings_update(Exchange&);
http::Response api_member_groups_update(Exchange&);
http::Response api_assignment_run(Exchange&);
http::Response api_assignment_show(Exchange&);
http::Response api_assignment_publish(Exchange&);
http::Response api_evaluation_progress(Exchange&);
http::Response api_evaluation_reminders(Exchange&);
http::Response api_evaluation_close(Exchange&);
http::Response api_evaluation_reopen(Exchange&);
http::Response api_evaluation_sheet(Exchange&);
http::Response api_proposal_evaluations(Exchange&);
http::Response api_proposal_evaluation(Exchange&);

// evaluation_pages.cpp: the Secretariat's pages of the evaluation round
http::Response evaluation_round_page(Exchange&);
http::Response evaluation_settings_update(Exchange&);
http::Response evaluation_groups_update(Exchange&);
http::Response assignment_run(Exchange&);
http::Response assignment_publish(Exchange&);
http::Response evaluation_progress_page(Exchange&);
http::Response evaluation_reminders(Exchange&);
http::Response evaluation_close(Exchange&);
http::Response evaluation_sheet(Exchange&);
http::Response evaluation_sheet_csv(Exchange&);
http::Response evaluation_sheet_xlsx(Exchange&);

// evaluations.cpp: a MAG member's list, evaluation form and conflicts
http::Response my_evaluations(Exchange&);
http::Response evaluation_form(Exchange&);
http::Response evaluation_save(Exchange&);
http::Response conflict_form(Exchange&);
http::Response conflict_declare(Exchange&);
http::Response api_my_evaluations(Exchange&);
http::Response api_evaluation_show(Exchange&);
http::Response api_evaluation_save(Exchange&);
http::Response api_conflict_declare(Exchange&);

// synthesis_pages.cpp: the synthesis and the selection under quotas
http::Response synthesis_page(Exchange&);
http::Response synthesis_plan_update(Exchange&);
http::Response synthesis_themes_page(Exchange&);
http::Response selection_page(Exchange&);
http::Response selection_rules_update(Exchange&);
http::Response selection_make(Exchange&);

// decision_pages.cpp: decisions, their messages, public results and transparency
http::Response decisions_page(Exchange&);
http::Response decisions_from_selection_post(Exchange&);
http::Response decision_messages_post(Exchange&);
http::Response results_publish_post(Exchange&);
http::Response decision_form(Exchange&);
http::Response decision_save(Exchange&);
http::Response decision_confirm_post(Exchange&);
http::Response decision_texts_form(Exchange&);
http::Response decision_texts_update(Exchange&);
http::Response results_page(Exchange&);
http::Response transparency_page(Exchange&);

// synthesis_api.cpp
http::Response api_synthesis(Exchange&);
http::Response api_synthesis_settings_show(Exchange&);
http::Response api_synthesis_settings_update(Exchange&);
http::Response api_selection_instance(Exchange&);
http::Response api_selection_make(Exchange&);
http::Response api_selection_show(Exchange&);
http::Response api_decisions(Exchange&);
http::Response api_decisions_from_selection(Exchange&);
http::Response api_decision_messages(Exchange&);
http::Response api_results_publish(Exchange&);
http::Response api_results(Exchange&);
http::Response api_transparency(Exchange&);
http::Response api_decision_show(Exchange&);
http::Response api_decision_save(Exchange&);
http::Response api_decision_confirm(Exchange&);

// outbox.cpp
http::Response outbox_page(Exchange&);
http::Response outbox_retry(Exchange&);
http::Response api_outbox(Exchange&);

// api.cpp
http::Response api_openapi(Exchange&);
http::Response api_me(Exchange&);
http::Response api_countries(Exchange&);

}  // namespace convene::web
