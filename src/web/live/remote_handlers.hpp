#pragma once
// The handlers of remote participation: the Secretariat's "Remote participation" page
// (the date links are published from, each session's link), the online link form of a
// session or a meeting, the remote hubs' pages (register, edit, sessions followed, the
// Secretariat's counts by region), and the same under /api/v1; registered in
// remote_routes.cpp.
#include "http/message.hpp"

namespace convene::web {

class Exchange;

http::Response remote_page(Exchange&);
http::Response remote_save(Exchange&);
http::Response session_online_page(Exchange&);
http::Response session_online_save(Exchange&);
http::Response room_online_page(Exchange&);
http::Response room_online_save(Exchange&);
http::Response hubs_page(Exchange&);
http::Response hub_register(Exchange&);
http::Response hub_regions_page(Exchange&);
http::Response hub_page(Exchange&);
http::Response hub_save(Exchange&);
http::Response hub_follow(Exchange&);

http::Response api_remote_show(Exchange&);
http::Response api_remote_save(Exchange&);
http::Response api_session_online_show(Exchange&);
http::Response api_session_online_save(Exchange&);
http::Response api_room_online_save(Exchange&);
http::Response api_hubs(Exchange&);
http::Response api_hub_register(Exchange&);
http::Response api_hub_regions(Exchange&);
http::Response api_hub(Exchange&);
http::Response api_hub_save(Exchange&);
http::Response api_hub_follow(Exchange&);

}  // namespace convene::web
