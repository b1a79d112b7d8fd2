#pragma once
// The handlers of the public results and transparency report:
// plain functions from the exchange to a response, registered in routes.cpp.
#include "http/message.hpp"

namespace convene::web {

class Exchange;

http::Response results_publish_post(Exchange&);
http::Response results_page(Exchange&);
http::Response transparency_page(Exchange&);
http::Response api_results_publish(Exchange&);
http::Response api_results(Exchange&);
http::Response api_transparency(Exchange&);

}  // namespace convene::web
