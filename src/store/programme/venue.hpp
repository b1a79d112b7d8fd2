#pragma once
// The venue in the database: the edition's rooms with their features, languages,
// turnover and open windows (core/programme/venue.hpp checks them before they are saved).
#include <optional>
#include <vector>

#include "core/common/ids.hpp"
#include "core/programme/venue.hpp"
#include "database/database.hpp"

namespace convene::store {

struct StoredRoom {
    RoomId id;
    programme::VenueRoom room;
    std::int64_t version = 1;
};

std::vector<StoredRoom> venue_rooms(db::Connection& c, EditionId edition);
std::optional<StoredRoom> venue_room(db::Connection& c, EditionId edition, RoomId room);
// Adds the room; throws db::Error(unique_violation) when the edition has one of that name.
RoomId add_venue_room(db::Connection& c, EditionId edition, const programme::VenueRoom& room);
// Writes the room when it is still at `expected_version` (its windows replaced); false
// when someone saved it since, and nothing is written. Throws like add_venue_room.
bool save_venue_room(db::Connection& c, RoomId id, const programme::VenueRoom& room,
                     std::int64_t expected_version);

}  // namespace convene::store
