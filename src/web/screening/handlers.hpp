#pragma once
// The handlers of stage 1, screening by the Secretariat:
// plain functions from the exchange to a response, registered in routes.cpp.
#include "http/message.hpp"

namespace convene::web {

class Exchange;

http::Response api_screening_rules_show(Exchange&);
http::Response api_screening_rules_update(Exchange&);
http::Response api_screening_run(Exchange&);
http::Response api_screening_show(Exchange&);
http::Response screening_page(Exchange&);
http::Response screening_run(Exchange&);
http::Response screening_rules_page(Exchange&);
http::Response screening_rules_save(Exchange&);
http::Response screening_decision_form(Exchange&);
http::Response screening_decision(Exchange&);
http::Response screening_csv(Exchange&);
http::Response screening_xlsx(Exchange&);
http::Response screening_json(Exchange&);
http::Response api_screening_override(Exchange&);

}  // namespace convene::web
