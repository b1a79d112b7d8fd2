#include "store/programme/timetable.hpp"

#include <nlohmann/json.hpp>

#include "store/programme/sessions.hpp"
#include "store/programme/venue.hpp"

namespace convene::store {

namespace {

std::map<SessionId, programme::Slot> slots_from_json(const std::string& text) {
    std::map<SessionId, programme::Slot> out;
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& item : j)
        if (item.is_object() && item.value("session", nlohmann::json()).is_number_integer() &&
            item.value("room", nlohmann::json()).is_number_integer() &&
            item.value("start", nlohmann::json()).is_string())
            out[SessionId{item["session"].get<std::int64_t>()}] = {
                RoomId{item["room"].get<std::int64_t>()}, item["start"].get<std::string>()};
    return out;
}

}  // namespace

std::map<SessionId, DraftPlacement> draft_placements(db::Connection& c, EditionId edition) {
    std::map<SessionId, DraftPlacement> out;
    for (const auto& row : c.run(R"sql(
             SELECT p.session_id, p.room_id, p.starts_at, p.version
             FROM placements p
             JOIN programme_sessions s ON s.id = p.session_id
             WHERE s.edition_id = ? AND s.cancelled_at IS NULL
         )sql",
                                 {edition})
                               .rows)
        out[row.id<SessionId>("session_id")] = {{row.id<RoomId>("room_id"), row.text("starts_at")},
                                                row.integer("version")};
    return out;
}

std::map<SessionId, programme::Slot> draft_slots(db::Connection& c, EditionId edition) {
    std::map<SessionId, programme::Slot> out;
    for (const auto& [id, p] : draft_placements(c, edition)) out[id] = p.slot;
    return out;
}

bool place_session(db::Connection& c, SessionId session, const programme::Slot& slot,
                   std::int64_t expected_version, const std::string& now) {
    if (expected_version == 0) {
        auto r = c.run(R"sql(
            INSERT INTO placements (session_id, room_id, starts_at, version, placed_at)
            VALUES (?, ?, ?, 1, ?)
            ON CONFLICT DO NOTHING
        )sql",
                       {session, slot.room, slot.start, now});
        return r.changed > 0;
    }
    auto r = c.run(R"sql(
        UPDATE placements SET room_id = ?, starts_at = ?, version = version + 1, placed_at = ?
        WHERE session_id = ? AND version = ?
    )sql",
                   {slot.room, slot.start, now, session, expected_version});
    return r.changed > 0;
}

bool unplace_session(db::Connection& c, SessionId session, std::int64_t expected_version) {
    auto r = c.run(R"sql(DELETE FROM placements WHERE session_id = ? AND version = ?)sql",
                   {session, expected_version});
    return r.changed > 0;
}

void replace_draft(db::Connection& c, EditionId edition,
                   const std::map<SessionId, programme::Slot>& slots, const std::string& now) {
    auto current = draft_placements(c, edition);
    for (const auto& [id, p] : current)
        if (!slots.count(id)) c.run(R"sql(DELETE FROM placements WHERE session_id = ?)sql", {id});
    for (const auto& [id, slot] : slots) {
        auto at = current.find(id);
        if (at == current.end())
            place_session(c, id, slot, 0, now);
        else if (!(at->second.slot == slot))
            place_session(c, id, slot, at->second.version, now);
    }
}

std::map<SessionId, programme::Slot> published_slots(db::Connection& c, EditionId edition) {
    std::map<SessionId, programme::Slot> out;
    for (const auto& row : c.run(R"sql(
             SELECT p.session_id, p.room_id, p.starts_at
             FROM published_placements p
             JOIN programme_sessions s ON s.id = p.session_id
             WHERE s.edition_id = ?
         )sql",
                                 {edition})
                               .rows)
        out[row.id<SessionId>("session_id")] = {row.id<RoomId>("room_id"), row.text("starts_at")};
    return out;
}

void set_published_slot(db::Connection& c, SessionId session,
                        const std::optional<programme::Slot>& slot) {
    c.run(R"sql(DELETE FROM published_placements WHERE session_id = ?)sql", {session});
    if (slot)
        c.run(R"sql(
            INSERT INTO published_placements (session_id, room_id, starts_at) VALUES (?, ?, ?)
        )sql",
              {session, slot->room, slot->start});
}

std::int64_t record_version(db::Connection& c, EditionId edition, std::optional<AccountId> account,
                            const std::string& note, const std::string& now) {
    auto content = nlohmann::json::array();
    for (const auto& row : c.run(R"sql(
             SELECT p.session_id, s.code, p.room_id, p.starts_at
             FROM published_placements p
             JOIN programme_sessions s ON s.id = p.session_id
             WHERE s.edition_id = ?
             ORDER BY p.starts_at, s.code
         )sql",
                                 {edition})
                               .rows)
        content.push_back({{"session", row.integer("session_id")},
                           {"code", row.text("code")},
                           {"room", row.integer("room_id")},
                           {"start", row.text("starts_at")}});
    auto number = db::scalar(c.run(R"sql(
        SELECT COALESCE(MAX(number), 0) + 1 FROM timetable_versions WHERE edition_id = ?
    )sql",
                                   {edition}));
    c.run(R"sql(
        INSERT INTO timetable_versions (edition_id, number, published_at, account_id, note, content)
        VALUES (?, ?, ?, ?, ?, ?)
    )sql",
          {edition, number, now, account ? db::Value{*account} : db::Value{nullptr}, note,
           content.dump()});
    return number;
}

std::vector<TimetableVersion> timetable_versions(db::Connection& c, EditionId edition) {
    std::vector<TimetableVersion> out;
    for (const auto& row : c.run(R"sql(
             SELECT v.id, v.number, v.published_at, COALESCE(a.name, '') AS published_by, v.note
             FROM timetable_versions v
             LEFT JOIN accounts a ON a.id = v.account_id
             WHERE v.edition_id = ?
             ORDER BY v.number DESC
         )sql",
                                 {edition})
                               .rows)
        out.push_back({row.id<TimetableVersionId>("id"),
                       row.integer("number"),
                       row.text("published_at"),
                       row.text("published_by"),
                       row.text("note"),
                       {}});
    return out;
}

std::optional<TimetableVersion> timetable_version(db::Connection& c, EditionId edition,
                                                  std::int64_t number) {
    auto r = c.run(R"sql(
        SELECT v.id, v.number, v.published_at, COALESCE(a.name, '') AS published_by, v.note,
               v.content
        FROM timetable_versions v
        LEFT JOIN accounts a ON a.id = v.account_id
        WHERE v.edition_id = ? AND v.number = ?
    )sql",
                   {edition, number});
    if (r.empty()) return std::nullopt;
    const auto& row = r.rows[0];
    return TimetableVersion{row.id<TimetableVersionId>("id"),
                            row.integer("number"),
                            row.text("published_at"),
                            row.text("published_by"),
                            row.text("note"),
                            slots_from_json(row.text("content"))};
}

void lock_published_timetable(db::Connection& c, EditionId edition) {
    // A write to the edition's row: PostgreSQL holds the row until commit, SQLite the file.
    c.run(R"sql(UPDATE editions SET programme_settings = programme_settings WHERE id = ?)sql",
          {edition});
}

void bump_sequence(db::Connection& c, SessionId session) {
    c.run(R"sql(UPDATE programme_sessions SET sequence = sequence + 1 WHERE id = ?)sql", {session});
}

programme::EditionProgramme load_programme(db::Connection& c, EditionId edition) {
    programme::EditionProgramme p;
    auto r = c.run(R"sql(SELECT time_zone FROM editions WHERE id = ?)sql", {edition});
    if (!r.empty()) p.time_zone = r.rows[0].text("time_zone");
    p.settings = programme_settings(c, edition);
    for (auto& room : venue_rooms(c, edition)) p.rooms.push_back({room.id, std::move(room.room)});
    p.sessions = programme_sessions(c, edition);
    p.unavailable = unavailability(c, edition);
    p.placed = draft_slots(c, edition);
    p.previous = published_slots(c, edition);
    return p;
}

}  // namespace convene::store
