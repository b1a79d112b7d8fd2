#pragma once
// The handlers of the selection under quotas:
// plain functions from the exchange to a response, registered in routes.cpp.
#include "http/message.hpp"

namespace convene::web {

class Exchange;

http::Response selection_page(Exchange&);
http::Response selection_rules_update(Exchange&);
http::Response selection_make(Exchange&);
http::Response api_selection_instance(Exchange&);
http::Response api_selection_make(Exchange&);
http::Response api_selection_show(Exchange&);

}  // namespace convene::web
