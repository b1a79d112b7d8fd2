// The addresses of live rooms. The room's page and its state are public, as the forum's
// rules make the queue; asking for the floor needs an account; what the chair and the
// online moderator do is checked against the room's roles in the handler.
#include "web/live/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_remote_routes(App& app);  // remote_routes.cpp

void add_live_routes(App& app) {
    add_remote_routes(app);
    app.route("GET", "/editions/{edition:int}/live-rooms", policy::Gate::secretariat_of_edition,
              live_rooms_page);
    app.route("POST", "/editions/{edition:int}/live-rooms", policy::Gate::secretariat_of_edition,
              live_room_open);
    app.route("GET", "/editions/{edition:int}/live-rooms/{room:int}", policy::Gate::anyone,
              live_room_page);
    app.route("GET", "/editions/{edition:int}/live-rooms/{room:int}/captions", policy::Gate::anyone,
              live_room_captions_page);
    app.route("POST", "/editions/{edition:int}/live-rooms/{room:int}/queue",
              policy::Gate::signed_in, live_room_ask);
    app.route("POST", "/editions/{edition:int}/live-rooms/{room:int}/queue/withdraw",
              policy::Gate::signed_in, live_room_withdraw);
    app.route("POST", "/editions/{edition:int}/live-rooms/{room:int}/chair",
              policy::Gate::signed_in, live_room_act);
    // The edition's figures of turns: its Secretariat and MAG (checked in the handler).
    app.route("GET", "/editions/{edition:int}/live-rooms/figures", policy::Gate::signed_in,
              live_figures_page);

    app.route("GET", "/api/v1/editions/{edition:int}/live-rooms", policy::Gate::anyone,
              api_live_rooms);
    app.route("POST", "/api/v1/editions/{edition:int}/live-rooms",
              policy::Gate::secretariat_of_edition, api_live_room_open);
    app.route("GET", "/api/v1/editions/{edition:int}/live-rooms/{room:int}", policy::Gate::anyone,
              api_live_room);
    app.route("POST", "/api/v1/editions/{edition:int}/live-rooms/{room:int}/queue",
              policy::Gate::signed_in, api_live_room_ask);
    app.route("POST", "/api/v1/editions/{edition:int}/live-rooms/{room:int}/queue/withdraw",
              policy::Gate::signed_in, api_live_room_withdraw);
    app.route("POST", "/api/v1/editions/{edition:int}/live-rooms/{room:int}/chair",
              policy::Gate::signed_in, api_live_room_act);
    app.route("GET", "/api/v1/editions/{edition:int}/live-rooms/figures", policy::Gate::signed_in,
              api_live_figures);

    // Captions: pushed by the room's captioners (or by software with a captioner token,
    // which carries its own credential), read by anyone who may read the room.
    const std::string captions = "/editions/{edition:int}/live-rooms/{room:int}/captions";
    app.route("GET", captions + "/write", policy::Gate::signed_in, captioner_page);
    app.route("POST", captions + "/write", policy::Gate::signed_in, captioner_send);
    app.route("POST", captions + "/tokens", policy::Gate::signed_in, captioner_token_create);
    app.route("POST", captions + "/tokens/{token:int}/revoke", policy::Gate::signed_in,
              captioner_token_revoke);
    app.route("POST", captions + "/languages", policy::Gate::signed_in, captioner_languages);
    app.route("POST", "/api/v1" + captions, policy::Gate::signed_in, api_captions_push);
    app.route("GET", "/api/v1" + captions, policy::Gate::anyone, api_captions_pull);
    app.token_route("POST", "/api/v1/captions", api_captions_token_push);
    app.route("GET", "/api/v1/editions/{edition:int}/live-rooms/{room:int}/caption-turns",
              policy::Gate::anyone, api_caption_turns);
    const std::string tokens =
        "/api/v1/editions/{edition:int}/live-rooms/{room:int}/captioner-tokens";
    app.route("GET", tokens, policy::Gate::signed_in, api_captioner_tokens);
    app.route("POST", tokens, policy::Gate::signed_in, api_captioner_token_create);
    app.route("DELETE", tokens + "/{token:int}", policy::Gate::signed_in,
              api_captioner_token_revoke);
    app.route("PUT", "/api/v1/editions/{edition:int}/live-rooms/{room:int}/caption-languages",
              policy::Gate::signed_in, api_caption_languages);
}

}  // namespace convene::web
