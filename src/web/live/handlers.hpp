#pragma once
// The handlers of live rooms: the Secretariat's list of an edition's rooms with the form
// that opens one, each room's public page (the queue, who speaks, the rule in force; a
// participant's request; the chair's and the online moderator's controls), and the same
// under /api/v1; registered in routes.cpp.
#include "http/message.hpp"

namespace convene::web {

class Exchange;

http::Response live_rooms_page(Exchange&);
http::Response live_room_open(Exchange&);
http::Response live_room_page(Exchange&);
http::Response live_room_ask(Exchange&);
http::Response live_room_withdraw(Exchange&);
http::Response live_room_act(Exchange&);
// The full-screen caption view (public): ?language=, &size=, &contrast=.
http::Response live_room_captions_page(Exchange&);

http::Response api_live_rooms(Exchange&);
http::Response api_live_room_open(Exchange&);
http::Response api_live_room(Exchange&);
http::Response api_live_room_ask(Exchange&);
http::Response api_live_room_withdraw(Exchange&);
http::Response api_live_room_act(Exchange&);

}  // namespace convene::web
