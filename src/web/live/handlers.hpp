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
http::Response live_figures_page(Exchange&);
// The full-screen caption view (public): ?language=, &size=, &contrast=.
http::Response live_room_captions_page(Exchange&);

http::Response api_live_rooms(Exchange&);
http::Response api_live_room_open(Exchange&);
http::Response api_live_room(Exchange&);
http::Response api_live_room_ask(Exchange&);
http::Response api_live_room_withdraw(Exchange&);
http::Response api_live_room_act(Exchange&);
http::Response api_live_figures(Exchange&);

// Live captions (caption_api.cpp, caption_pages.cpp).
http::Response api_captions_push(Exchange&);
http::Response api_captions_token_push(Exchange&);
http::Response api_captions_pull(Exchange&);
http::Response api_captioner_tokens(Exchange&);
http::Response api_captioner_token_create(Exchange&);
http::Response api_captioner_token_revoke(Exchange&);
http::Response api_caption_languages(Exchange&);
http::Response api_caption_turns(Exchange&);
http::Response captioner_page(Exchange&);
http::Response captioner_send(Exchange&);
http::Response captioner_token_create(Exchange&);
http::Response captioner_token_revoke(Exchange&);
http::Response captioner_languages(Exchange&);

}  // namespace convene::web
