#pragma once
// The handlers of the call for proposals of an edition:
// plain functions from the exchange to a response, registered in routes.cpp.
#include "http/message.hpp"

namespace convene::web {

class Exchange;

http::Response call_form(Exchange&);
http::Response call_update(Exchange&);
http::Response api_call_show(Exchange&);
http::Response api_call_update(Exchange&);

}  // namespace convene::web
