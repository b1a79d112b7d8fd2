#pragma once
// Live rooms in the database: the room (a session of the timetable or a meeting, with its
// agenda), who runs it, and its speaking queue, kept whole in the room's row so that a
// restart brings it back as it was. Every change of the queue goes through
// lock_live_room (the row is locked for the rest of the transaction: two chairs acting
// at once are served one after the other, and nobody's request is lost).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/live/queue.hpp"
#include "database/database.hpp"

namespace convene::store {

struct LiveRoom {
    LiveRoomId id;
    EditionId edition;
    std::optional<SessionId> session;
    std::string kind;  // "session" or "meeting"
    std::string title;
    std::string status;  // "open" or "closed"
    std::string opened_at, closed_at;
    int current_item = 0;             // 0-based, in `agenda`
    std::vector<std::string> agenda;  // the meeting's items, in order
    live::Queue queue;
};

struct LiveRoomRole {
    AccountId account;
    std::string name, email;
    std::string role;  // chair, co_chair, online_moderator, captioner
};

LiveRoomId open_live_room(db::Connection& c, EditionId edition, std::optional<SessionId> session,
                          const std::string& kind, const std::string& title,
                          const std::vector<std::string>& agenda, const std::string& now);
void add_live_room_role(db::Connection& c, LiveRoomId room, AccountId account,
                        const std::string& role);
std::vector<LiveRoom> live_rooms(db::Connection& c, EditionId edition);
// The live room of each of the edition's programme sessions (the latest opened of each),
// only the open ones when `open_only`.
std::map<SessionId, LiveRoomId> live_rooms_of_sessions(db::Connection& c, EditionId edition,
                                                       bool open_only);
std::optional<LiveRoom> live_room(db::Connection& c, EditionId edition, LiveRoomId room);
// The same, its row locked until the transaction ends.
std::optional<LiveRoom> lock_live_room(db::Connection& c, EditionId edition, LiveRoomId room);
// Locks every open room of every edition (so a request for the floor waiting for one
// is served after this transaction) and returns, locked, the open rooms whose queue
// names `person` ("account:12"): waiting, speaking or among the turns.
std::vector<LiveRoom> lock_open_live_rooms_waiting_for(db::Connection& c,
                                                       const std::string& person);
void save_live_room_queue(db::Connection& c, LiveRoomId room, const live::Queue& queue,
                          int current_item);
void close_live_room(db::Connection& c, LiveRoomId room, const std::string& now);
std::vector<LiveRoomRole> live_room_roles(db::Connection& c, LiveRoomId room);
// The roles this account holds in the room.
std::vector<std::string> live_roles_of(db::Connection& c, LiveRoomId room, AccountId account);

}  // namespace convene::store
