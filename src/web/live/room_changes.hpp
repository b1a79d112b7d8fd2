#pragma once
// Changes to a live room's queue, one way for all: the room's row is locked, the change
// acts on the queue by its rules (core/live/queue), the queue is stored whole with the
// turns the change ended, and the room's followers are told once the transaction commits
// (in words only when what a screen reader should hear changed).
#include <functional>
#include <vector>

#include "core/common/ids.hpp"
#include "core/live/queue.hpp"
#include "store/editions/editions.hpp"
#include "store/live/rooms.hpp"

namespace convene::web {

class Exchange;

using RoomChange = std::function<void(store::LiveRoom&, live::Seconds now)>;

// 404 for no such room of the edition, 409 when the room is closed.
void change_room(Exchange& ex, const store::Edition& e, LiveRoomId id, const RoomChange& change);
// The same for a room whose row this transaction has locked already.
void change_locked_room(Exchange& ex, store::LiveRoom& room, const RoomChange& change);

// Withdraws the account's waiting requests from every open room (the Secretariat blocked
// it); returns the rooms whose queue changed.
std::vector<LiveRoomId> withdraw_from_every_queue(Exchange& ex, AccountId account);

}  // namespace convene::web
