#pragma once
// The handlers of editions, their themes and MAG members (with enrolment of existing accounts):
// plain functions from the exchange to a response, registered in routes.cpp.
#include "http/message.hpp"

namespace convene::web {

class Exchange;

http::Response enrolment_form(Exchange&);
http::Response enrolment_accept(Exchange&);
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
http::Response member_list(Exchange&);
http::Response member_create(Exchange&);
http::Response api_member_list(Exchange&);
http::Response api_member_create(Exchange&);

}  // namespace convene::web
