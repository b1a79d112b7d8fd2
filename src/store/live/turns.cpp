#include "store/live/turns.hpp"

#include <algorithm>
#include <chrono>

#include "core/common/clock.hpp"

namespace convene::store {

namespace {

std::string utc_of(live::Seconds s) {
    return format_utc(Clock::time_point{std::chrono::seconds{s}});
}

live::Seconds seconds_of(const std::string& text) {
    auto t = parse_utc(text);
    if (!t) return 0;
    return std::chrono::duration_cast<std::chrono::seconds>(t->time_since_epoch()).count();
}

// "account:12" is account 12; relayed and demo speakers have no account.
std::optional<AccountId> account_of(const std::string& person) {
    const std::string prefix = "account:";
    if (person.rfind(prefix, 0) != 0) return std::nullopt;
    auto digits = person.substr(prefix.size());
    if (digits.empty() || digits.size() > 18 ||
        digits.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return AccountId{std::stoll(digits)};
}

std::vector<LiveTurn> turns_where(db::Connection& c, const char* column, std::int64_t id) {
    auto r = c.run(std::string(R"sql(
        SELECT room_id, edition_id, session_id, agenda_item, position, person, account_id,
               name, stakeholder_group, gender, speaking_from, hub, started_at, ended_at
        FROM live_turns
        WHERE )sql") + column +
                       R"sql( = ?
        ORDER BY room_id, position
    )sql",
                   {id});
    std::vector<LiveTurn> out;
    for (const auto& row : r.rows) {
        LiveTurn t;
        t.room = row.id<LiveRoomId>("room_id");
        t.edition = row.id<EditionId>("edition_id");
        if (!row.is_null("session_id")) t.session = row.id<SessionId>("session_id");
        t.agenda_item = static_cast<int>(row.integer("agenda_item"));
        t.position = static_cast<int>(row.integer("position"));
        if (!row.is_null("account_id")) t.account = row.id<AccountId>("account_id");
        auto& s = t.turn.speaker;
        s.person = row.text("person");
        s.name = row.text("name");
        s.stakeholder_group = row.text("stakeholder_group");
        s.gender = row.text("gender");
        s.where = live::where_of(row.text("speaking_from")).value_or(live::Where::onsite);
        s.hub = row.text("hub");
        t.started_at = row.text("started_at");
        t.ended_at = row.text("ended_at");
        t.turn.start = seconds_of(t.started_at);
        t.turn.end = seconds_of(t.ended_at);
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace

void record_live_turns(db::Connection& c, const LiveRoom& room, std::size_t first, int item) {
    const auto& turns = room.queue.turns;
    for (auto i = first; i < turns.size(); ++i) {
        const auto& t = turns[i];
        const auto& s = t.speaker;
        db::Value session = nullptr, account = nullptr;
        if (room.session) session = *room.session;
        if (auto a = account_of(s.person)) account = *a;
        c.run(R"sql(
            INSERT INTO live_turns (room_id, edition_id, session_id, agenda_item, position,
                                    person, account_id, name, stakeholder_group, gender,
                                    speaking_from, hub, started_at, ended_at, seconds)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (room_id, position) DO NOTHING
        )sql",
              {room.id, room.edition, session, std::int64_t{item}, static_cast<std::int64_t>(i + 1),
               s.person, account, s.name, s.stakeholder_group, s.gender, live::where_code(s.where),
               s.hub, utc_of(t.start), utc_of(t.end), std::max<live::Seconds>(0, t.end - t.start)});
    }
}

std::vector<LiveTurn> live_turns(db::Connection& c, LiveRoomId room) {
    return turns_where(c, "room_id", room.value());
}

EditionTurnFigures edition_turn_figures(db::Connection& c, EditionId edition) {
    EditionTurnFigures out;
    auto rooms = c.run(
        R"sql(SELECT id, title, session_id FROM live_rooms WHERE edition_id = ? ORDER BY id)sql",
        {edition});
    auto turns = turns_where(c, "edition_id", edition.value());
    std::vector<live::Turn> all;
    for (const auto& row : rooms.rows) {
        RoomTurnFigures room;
        room.room = row.id<LiveRoomId>("id");
        room.title = row.text("title");
        if (!row.is_null("session_id")) room.session = row.id<SessionId>("session_id");
        std::vector<live::Turn> of_room;
        for (const auto& t : turns)
            if (t.room == room.room) of_room.push_back(t.turn);
        all.insert(all.end(), of_room.begin(), of_room.end());
        room.figures = live::turn_figures(of_room);
        out.rooms.push_back(std::move(room));
    }
    out.all = live::turn_figures(all);
    return out;
}

}  // namespace convene::store
