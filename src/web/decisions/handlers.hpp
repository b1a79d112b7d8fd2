#pragma once
// The handlers of stage 4, the MAG's decisions and their messages:
// plain functions from the exchange to a response, registered in routes.cpp.
#include "http/message.hpp"

namespace convene::web {

class Exchange;

http::Response decisions_page(Exchange&);
http::Response decisions_from_selection_post(Exchange&);
http::Response decision_messages_page(Exchange&);
http::Response decision_messages_post(Exchange&);
http::Response decision_form(Exchange&);
http::Response decision_save(Exchange&);
http::Response decision_confirm_post(Exchange&);
http::Response decision_texts_form(Exchange&);
http::Response decision_texts_update(Exchange&);
http::Response api_decisions(Exchange&);
http::Response api_decisions_from_selection(Exchange&);
http::Response api_decision_messages_preview(Exchange&);
http::Response api_decision_messages(Exchange&);
http::Response api_decision_show(Exchange&);
http::Response api_decision_save(Exchange&);
http::Response api_decision_confirm(Exchange&);

}  // namespace convene::web
