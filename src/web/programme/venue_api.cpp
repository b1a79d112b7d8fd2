// The venue under /api/v1: anyone reads the rooms (the public programme shows their
// features); the Secretariat adds and changes them.
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "http/form.hpp"
#include "web/programme/handlers.hpp"
#include "web/programme/venue_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

http::Response api_venue_show(Exchange& ex) {
    auto e = edition_in_path(ex);
    nlohmann::json rooms = nlohmann::json::array();
    for (const auto& r : store::venue_rooms(ex.db(), e.id)) rooms.push_back(room_json(r));
    return http::Response::json({{"time_zone", e.time_zone},
                                 {"first_day", e.start_date},
                                 {"last_day", e.end_date},
                                 {"rooms", rooms}});
}

http::Response api_venue_room_add(Exchange& ex) {
    auto e = managed_edition(ex);
    auto id = add_room(ex, e, room_in_body(http::parse_json_body(ex.request)));
    return http::Response::json(room_json(*store::venue_room(ex.db(), e.id, id)), 201);
}

http::Response api_venue_room_save(Exchange& ex) {
    auto e = managed_edition(ex);
    auto stored = room_in_path(ex, e);
    auto body = http::parse_json_body(ex.request);
    auto room = room_in_body(body);
    if (!body.contains("version") || !body["version"].is_number_integer())
        throw http::unprocessable({{"version", say("venue.room.send_version")}});
    save_room(ex, e, stored.id, room, body["version"].get<std::int64_t>());
    return http::Response::json(room_json(*store::venue_room(ex.db(), e.id, stored.id)));
}

}  // namespace convene::web
