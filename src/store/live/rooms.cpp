#include "store/live/rooms.hpp"

#include <nlohmann/json.hpp>

namespace convene::store {

namespace {

// The queue as stored: JSON only here, at the store's edge.
nlohmann::json speaker_json(const live::Speaker& s) {
    return {{"person", s.person},
            {"name", s.name},
            {"group", s.stakeholder_group},
            {"gender", s.gender},
            {"where", live::where_code(s.where)},
            {"hub", s.hub},
            {"first_time", s.first_time}};
}

live::Speaker speaker_of(const nlohmann::json& j) {
    live::Speaker s;
    s.person = j.value("person", "");
    s.name = j.value("name", "");
    s.stakeholder_group = j.value("group", "");
    s.gender = j.value("gender", "");
    s.where = live::where_of(j.value("where", "onsite")).value_or(live::Where::onsite);
    s.hub = j.value("hub", "");
    s.first_time = j.value("first_time", false);
    return s;
}

nlohmann::json turn_json(const live::Turn& t) {
    return {{"speaker", speaker_json(t.speaker)}, {"start", t.start}, {"end", t.end}};
}

live::Turn turn_of(const nlohmann::json& j) {
    return {speaker_of(j.at("speaker")), j.value<live::Seconds>("start", 0),
            j.value<live::Seconds>("end", 0)};
}

std::string queue_text(const live::Queue& q) {
    nlohmann::json waiting = nlohmann::json::array(), turns = nlohmann::json::array();
    for (const auto& r : q.waiting)
        waiting.push_back({{"id", r.id},
                           {"speaker", speaker_json(r.speaker)},
                           {"requested_at", r.requested_at},
                           {"point_of_order", r.point_of_order}});
    for (const auto& t : q.turns) turns.push_back(turn_json(t));
    nlohmann::json j = {{"waiting", waiting},
                        {"turns", turns},
                        {"ordering", live::ordering_code(q.ordering)},
                        {"closes_at", q.closes_at},
                        {"closed", q.closed},
                        {"limit", q.limit},
                        {"next_id", q.next_id},
                        {"version", q.version}};
    if (q.speaking) j["speaking"] = turn_json(*q.speaking);
    return j.dump();
}

live::Queue queue_of(const std::string& text) {
    live::Queue q;
    auto j = nlohmann::json::parse(text);
    for (const auto& r : j.value("waiting", nlohmann::json::array()))
        q.waiting.push_back({r.value<std::int64_t>("id", 0), speaker_of(r.at("speaker")),
                             r.value<live::Seconds>("requested_at", 0),
                             r.value("point_of_order", false)});
    for (const auto& t : j.value("turns", nlohmann::json::array())) q.turns.push_back(turn_of(t));
    if (j.contains("speaking")) q.speaking = turn_of(j["speaking"]);
    q.ordering = live::ordering_of(j.value("ordering", "received")).value_or(q.ordering);
    q.closes_at = j.value<live::Seconds>("closes_at", 0);
    q.closed = j.value("closed", false);
    q.limit = j.value("limit", 0);
    q.next_id = j.value<std::int64_t>("next_id", 1);
    q.version = j.value<std::int64_t>("version", 0);
    return q;
}

std::vector<LiveRoom> rooms_where(db::Connection& c, EditionId edition, std::int64_t only) {
    auto r = c.run(R"sql(
        SELECT id, edition_id, session_id, kind, title, status, opened_at, closed_at,
               current_item, queue
        FROM live_rooms
        WHERE edition_id = ? AND (? = 0 OR id = ?)
        ORDER BY id
    )sql",
                   {edition, only, only});
    std::vector<LiveRoom> out;
    for (const auto& row : r.rows) {
        LiveRoom room;
        room.id = row.id<LiveRoomId>("id");
        room.edition = row.id<EditionId>("edition_id");
        if (!row.is_null("session_id")) room.session = row.id<SessionId>("session_id");
        room.kind = row.text("kind");
        room.title = row.text("title");
        room.status = row.text("status");
        room.opened_at = row.text("opened_at");
        if (!row.is_null("closed_at")) room.closed_at = row.text("closed_at");
        room.current_item = static_cast<int>(row.integer("current_item"));
        room.queue = queue_of(row.text("queue"));
        out.push_back(std::move(room));
    }
    for (auto& room : out) {
        auto items =
            c.run(R"sql(SELECT title FROM agenda_items WHERE room_id = ? ORDER BY position)sql",
                  {room.id});
        for (const auto& row : items.rows) room.agenda.push_back(row.text("title"));
    }
    return out;
}

}  // namespace

LiveRoomId open_live_room(db::Connection& c, EditionId edition, std::optional<SessionId> session,
                          const std::string& kind, const std::string& title,
                          const std::vector<std::string>& agenda, const std::string& now) {
    db::Value session_value = nullptr;
    if (session) session_value = *session;
    LiveRoomId id{
        db::scalar(c.run(R"sql(
        INSERT INTO live_rooms (edition_id, session_id, kind, title, opened_at, queue)
        VALUES (?, ?, ?, ?, ?, ?)
        RETURNING id
    )sql",
                         {edition, session_value, kind, title, now, queue_text(live::Queue{})}))};
    std::int64_t position = 0;
    for (const auto& item : agenda)
        c.run(R"sql(INSERT INTO agenda_items (room_id, position, title) VALUES (?, ?, ?))sql",
              {id, position++, item});
    return id;
}

void add_live_room_role(db::Connection& c, LiveRoomId room, AccountId account,
                        const std::string& role) {
    c.run(R"sql(
        INSERT INTO live_room_roles (room_id, account_id, role) VALUES (?, ?, ?)
        ON CONFLICT DO NOTHING
    )sql",
          {room, account, role});
}

std::vector<LiveRoom> live_rooms(db::Connection& c, EditionId edition) {
    return rooms_where(c, edition, 0);
}

std::map<SessionId, LiveRoomId> live_rooms_of_sessions(db::Connection& c, EditionId edition,
                                                       bool open_only) {
    auto r = c.run(R"sql(
        SELECT id, session_id FROM live_rooms
        WHERE edition_id = ? AND session_id IS NOT NULL AND (status = 'open' OR ? = 0)
        ORDER BY id
    )sql",
                   {edition, open_only ? 1 : 0});
    std::map<SessionId, LiveRoomId> out;
    for (const auto& row : r.rows) out[row.id<SessionId>("session_id")] = row.id<LiveRoomId>("id");
    return out;
}

std::optional<LiveRoom> live_room(db::Connection& c, EditionId edition, LiveRoomId room) {
    auto rooms = rooms_where(c, edition, room.value());
    if (rooms.empty()) return std::nullopt;
    return rooms.front();
}

std::optional<LiveRoom> lock_live_room(db::Connection& c, EditionId edition, LiveRoomId room) {
    // A write to the row takes its lock (PostgreSQL; SQLite writes one at a time anyway):
    // whoever comes second reads the queue as the first left it.
    c.run(R"sql(UPDATE live_rooms SET version = version + 1 WHERE id = ? AND edition_id = ?)sql",
          {room, edition});
    return live_room(c, edition, room);
}

std::vector<LiveRoom> lock_open_live_rooms_waiting_for(db::Connection& c,
                                                       const std::string& person) {
    c.run(R"sql(UPDATE live_rooms SET version = version + 1 WHERE status = 'open')sql");
    // The queue is stored as compact JSON, so a room where `person` waits holds the text
    // "person":"account:12" (a LIKE pattern that only narrows: the caller reads the queue).
    auto member = nlohmann::json::object({{"person", person}}).dump();
    auto r = c.run(R"sql(
        SELECT id, edition_id FROM live_rooms
        WHERE status = 'open' AND queue LIKE ?
        ORDER BY id
    )sql",
                   {"%" + member.substr(1, member.size() - 2) + "%"});
    std::vector<LiveRoom> out;
    for (const auto& row : r.rows)
        if (auto room = live_room(c, row.id<EditionId>("edition_id"), row.id<LiveRoomId>("id")))
            out.push_back(std::move(*room));
    return out;
}

void save_live_room_queue(db::Connection& c, LiveRoomId room, const live::Queue& queue,
                          int current_item) {
    c.run(R"sql(UPDATE live_rooms SET queue = ?, current_item = ? WHERE id = ?)sql",
          {queue_text(queue), std::int64_t{current_item}, room});
}

void close_live_room(db::Connection& c, LiveRoomId room, const std::string& now) {
    c.run(R"sql(UPDATE live_rooms SET status = 'closed', closed_at = ? WHERE id = ?)sql",
          {now, room});
}

std::vector<LiveRoomRole> live_room_roles(db::Connection& c, LiveRoomId room) {
    auto r = c.run(R"sql(
        SELECT r.account_id, a.name, a.email, r.role
        FROM live_room_roles r
        JOIN accounts a ON a.id = r.account_id
        WHERE r.room_id = ?
        ORDER BY r.role, a.name
    )sql",
                   {room});
    std::vector<LiveRoomRole> out;
    for (const auto& row : r.rows)
        out.push_back({row.id<AccountId>("account_id"), row.text("name"), row.text("email"),
                       row.text("role")});
    return out;
}

std::vector<std::string> live_roles_of(db::Connection& c, LiveRoomId room, AccountId account) {
    auto r = c.run(
        R"sql(SELECT role FROM live_room_roles WHERE room_id = ? AND account_id = ? ORDER BY role)sql",
        {room, account});
    std::vector<std::string> out;
    for (const auto& row : r.rows) out.push_back(row.text("role"));
    return out;
}

}  // namespace convene::store
