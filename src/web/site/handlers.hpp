#pragma once
// The handlers of the site itself: home, health, metrics, static files, the OpenAPI
// document, test hooks: plain functions from the exchange to a response, registered in
// routes.cpp.
#include "http/message.hpp"

namespace convene::web {

class Exchange;

http::Response home(Exchange&);
http::Response healthz(Exchange&);
http::Response prometheus_metrics(Exchange&);
http::Response static_file(Exchange&);
http::Response favicon(Exchange&);
http::Response test_clock(Exchange&);
http::Response test_wait(Exchange&);
http::Response api_openapi(Exchange&);
http::Response api_me(Exchange&);
http::Response api_countries(Exchange&);

}  // namespace convene::web
