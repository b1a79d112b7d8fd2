#pragma once
// The handlers of stage 3, the synthesis the MAG meets on:
// plain functions from the exchange to a response, registered in routes.cpp.
#include "http/message.hpp"

namespace convene::web {

class Exchange;

http::Response synthesis_page(Exchange&);
http::Response synthesis_plan_update(Exchange&);
http::Response synthesis_themes_page(Exchange&);
http::Response api_synthesis(Exchange&);
http::Response api_synthesis_settings_show(Exchange&);
http::Response api_synthesis_settings_update(Exchange&);

}  // namespace convene::web
