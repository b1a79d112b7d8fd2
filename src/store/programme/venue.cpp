#include "store/programme/venue.hpp"

#include <map>

#include "core/common/text.hpp"

namespace convene::store {

namespace {

std::string joined(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
    return out;
}

std::vector<std::string> codes_in(const std::string& text) {
    return split_items(text, ",");
}

void write_windows(db::Connection& c, RoomId room, const std::vector<programme::OpenWindow>& ws) {
    c.run(R"sql(DELETE FROM room_windows WHERE room_id = ?)sql", {room});
    for (const auto& w : ws)
        c.run(R"sql(INSERT INTO room_windows (room_id, starts_at, ends_at) VALUES (?, ?, ?))sql",
              {room, w.start, w.end});
}

std::vector<StoredRoom> rooms_where(db::Connection& c, EditionId edition,
                                    std::optional<RoomId> only) {
    auto r = c.run(
        R"sql(
        SELECT id, name, capacity, interpreted, features, languages, turnover, version
        FROM rooms
        WHERE edition_id = ? AND (? = 0 OR id = ?)
        ORDER BY id
    )sql",
        {edition, std::int64_t{only ? only->value() : 0}, std::int64_t{only ? only->value() : 0}});
    std::vector<StoredRoom> out;
    std::map<RoomId, std::size_t> index;
    for (const auto& row : r.rows) {
        StoredRoom s;
        s.id = row.id<RoomId>("id");
        s.room.name = row.text("name");
        s.room.capacity = static_cast<int>(row.integer("capacity"));
        s.room.features = codes_in(row.text("features"));
        // Rooms from before the venue had features: the main hall is interpreted.
        if (row.boolean("interpreted") && s.room.features.empty())
            s.room.features = {"interpretation"};
        s.room.languages = codes_in(row.text("languages"));
        s.room.turnover = static_cast<int>(row.integer("turnover"));
        s.version = row.integer("version");
        index[s.id] = out.size();
        out.push_back(std::move(s));
    }
    auto windows = c.run(R"sql(
        SELECT w.room_id, w.starts_at, w.ends_at
        FROM room_windows w
        JOIN rooms r ON r.id = w.room_id
        WHERE r.edition_id = ?
        ORDER BY w.room_id, w.starts_at
    )sql",
                         {edition});
    for (const auto& row : windows.rows)
        if (auto at = index.find(row.id<RoomId>("room_id")); at != index.end())
            out[at->second].room.windows.push_back({row.text("starts_at"), row.text("ends_at")});
    return out;
}

bool interpreted(const programme::VenueRoom& room) {
    for (const auto& f : room.features)
        if (f == "interpretation") return true;
    return false;
}

}  // namespace

std::vector<StoredRoom> venue_rooms(db::Connection& c, EditionId edition) {
    return rooms_where(c, edition, std::nullopt);
}

std::optional<StoredRoom> venue_room(db::Connection& c, EditionId edition, RoomId room) {
    auto rooms = rooms_where(c, edition, room);
    if (rooms.empty()) return std::nullopt;
    return rooms.front();
}

RoomId add_venue_room(db::Connection& c, EditionId edition, const programme::VenueRoom& room) {
    RoomId id{db::scalar(
        c.run(R"sql(
        INSERT INTO rooms (edition_id, name, capacity, interpreted, features, languages, turnover)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        RETURNING id
    )sql",
              {edition, room.name, std::int64_t{room.capacity}, std::int64_t{interpreted(room)},
               joined(room.features), joined(room.languages), std::int64_t{room.turnover}}))};
    write_windows(c, id, room.windows);
    return id;
}

bool save_venue_room(db::Connection& c, RoomId id, const programme::VenueRoom& room,
                     std::int64_t expected_version) {
    auto r = c.run(R"sql(
        UPDATE rooms
        SET name = ?, capacity = ?, interpreted = ?, features = ?, languages = ?, turnover = ?,
            version = version + 1
        WHERE id = ? AND version = ?
    )sql",
                   {room.name, std::int64_t{room.capacity}, std::int64_t{interpreted(room)},
                    joined(room.features), joined(room.languages), std::int64_t{room.turnover}, id,
                    expected_version});
    if (r.changed == 0) return false;
    write_windows(c, id, room.windows);
    return true;
}

}  // namespace convene::store
