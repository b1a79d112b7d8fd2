#pragma once
// The handlers of the mail outbox:
// plain functions from the exchange to a response, registered in routes.cpp.
#include "http/message.hpp"

namespace convene::web {

class Exchange;

http::Response outbox_page(Exchange&);
http::Response outbox_retry(Exchange&);
http::Response api_outbox(Exchange&);

}  // namespace convene::web
