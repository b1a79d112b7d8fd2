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
    app.route("POST", "/editions/{edition:int}/live-rooms/{room:int}/queue",
              policy::Gate::signed_in, live_room_ask);
    app.route("POST", "/editions/{edition:int}/live-rooms/{room:int}/queue/withdraw",
              policy::Gate::signed_in, live_room_withdraw);
    app.route("POST", "/editions/{edition:int}/live-rooms/{room:int}/chair",
              policy::Gate::signed_in, live_room_act);

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
}

}  // namespace convene::web
