// Live rooms under /api/v1: anyone reads the rooms and each room's queue and figures;
// a signed-in participant asks for the floor and withdraws; the chair and the online
// moderator act (their room roles checked); the Secretariat opens rooms.
#include "http/error.hpp"
#include "http/form.hpp"
#include "web/live/handlers.hpp"
#include "web/live/room_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

http::Response room_answer(Exchange& ex, const store::Edition& e, LiveRoomId id, int status = 200) {
    auto room = store::live_room(ex.db(), e.id, id);
    std::string me = ex.account() ? person_key(ex.account()->id) : "";
    return http::Response::json(live_room_json(*room, now_seconds(ex), me), status);
}

}  // namespace

http::Response api_live_rooms(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto now = now_seconds(ex);
    nlohmann::json rooms = nlohmann::json::array();
    for (const auto& room : store::live_rooms(ex.db(), e.id))
        rooms.push_back(live_room_json(room, now));
    return http::Response::json({{"rooms", rooms}});
}

http::Response api_live_room_open(Exchange& ex) {
    auto e = managed_edition(ex);
    auto id = open_room(ex, e, opening_in_body(http::parse_json_body(ex.request)));
    return room_answer(ex, e, id, 201);
}

http::Response api_live_room(Exchange& ex) {
    auto e = edition_in_path(ex);
    return room_answer(ex, e, live_room_in_path(ex, e).id);
}

http::Response api_live_room_ask(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto id = live_room_in_path(ex, e).id;
    ask_floor(ex, e, id, ask_in_body(http::parse_json_body(ex.request)));
    return room_answer(ex, e, id, 201);
}

http::Response api_live_room_withdraw(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto id = live_room_in_path(ex, e).id;
    withdraw_floor(ex, e, id);
    return room_answer(ex, e, id);
}

http::Response api_live_room_act(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto id = live_room_in_path(ex, e).id;
    act_in_room(ex, e, id, chair_action_in_body(http::parse_json_body(ex.request)));
    return room_answer(ex, e, id);
}

}  // namespace convene::web
