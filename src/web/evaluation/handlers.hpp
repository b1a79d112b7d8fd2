#pragma once
// The handlers of stage 2, the MAG's evaluation: the Secretariat's round and each member's list:
// plain functions from the exchange to a response, registered in routes.cpp.
#include "http/message.hpp"

namespace convene::web {

class Exchange;

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
http::Response my_evaluations(Exchange&);
http::Response evaluation_form(Exchange&);
http::Response evaluation_save(Exchange&);
http::Response conflict_form(Exchange&);
http::Response conflict_declare(Exchange&);
http::Response api_my_evaluations(Exchange&);
http::Response api_evaluation_show(Exchange&);
http::Response api_evaluation_save(Exchange&);
http::Response api_conflict_declare(Exchange&);
http::Response proposal_assignment_page(Exchange&);
http::Response proposal_assignment_find(Exchange&);
http::Response proposal_evaluator_add(Exchange&);
http::Response proposal_evaluator_remove(Exchange&);
http::Response api_proposal_evaluators(Exchange&);
http::Response api_proposal_evaluator_add(Exchange&);
http::Response api_proposal_evaluator_remove(Exchange&);

}  // namespace convene::web
