#pragma once
// The finished turns of live rooms, one row each (migrations/017): written with the queue
// change that ended them, in the same transaction; read back for a room (its figures,
// the session's report and transcript) and for a whole edition (its figures by room and
// in all).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/live/queue.hpp"
#include "core/live/turn_figures.hpp"
#include "database/database.hpp"
#include "store/live/rooms.hpp"

namespace convene::store {

struct LiveTurn {
    LiveRoomId room;
    EditionId edition;
    std::optional<SessionId> session;
    int agenda_item = 0;  // 0-based, in the room's agenda
    int position = 0;     // 1-based, in the room's turns
    std::optional<AccountId> account;
    live::Turn turn;  // who (person key, name, group, gender, where, hub), start and end
    std::string started_at, ended_at;  // UTC, "...Z"
};

// Writes the room's turns from `first` (0-based, in room.queue.turns) on, spoken during
// agenda item `item`; a turn already written is left as it is.
void record_live_turns(db::Connection& c, const LiveRoom& room, std::size_t first, int item);
std::vector<LiveTurn> live_turns(db::Connection& c, LiveRoomId room);

struct RoomTurnFigures {
    LiveRoomId room;
    std::string title;
    std::optional<SessionId> session;
    live::TurnFigures figures;
};
struct EditionTurnFigures {
    std::vector<RoomTurnFigures> rooms;  // every room of the edition, in the order opened
    live::TurnFigures all;
};
EditionTurnFigures edition_turn_figures(db::Connection& c, EditionId edition);

}  // namespace convene::store
