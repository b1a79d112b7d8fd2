#include "web/live/room_changes.hpp"

#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "store/live/captions.hpp"
#include "store/live/turns.hpp"
#include "store/transcripts/captions.hpp"
#include "web/live/room_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

// What the room's followers hear: who has the floor, how many wait, the list's state.
// Said again only when it changes, so a screen reader is not told every reorder.
std::string announcement(const store::LiveRoom& room, live::Seconds now) {
    const auto& q = room.queue;
    std::string out = q.speaking
                          ? say("live.announce.speaking", {{"name", q.speaking->speaker.name}})
                          : say("live.announce.nobody_speaking");
    out += " " + say(q.waiting.size() == 1 ? "live.announce.waiting_one" : "live.announce.waiting",
                     {{"count", std::to_string(q.waiting.size())}});
    if (q.closed || (q.closes_at != 0 && now >= q.closes_at))
        out += " " + say("live.announce.closed");
    else if (q.closes_at != 0)
        out += " " + say("live.announce.last_call",
                         {{"seconds", std::to_string(live::last_call_left(q, now))}});
    return out;
}

}  // namespace

void change_room(Exchange& ex, const store::Edition& e, LiveRoomId id, const RoomChange& change) {
    auto room = store::lock_live_room(ex.db(), e.id, id);
    if (!room) throw http::not_found(say("live.room.no_such_room"));
    if (room->status != "open") throw http::conflict(say("live.room.closed"));
    change_locked_room(ex, *room, change);
}

void change_locked_room(Exchange& ex, store::LiveRoom& room, const RoomChange& change) {
    auto now = now_seconds(ex);
    auto before = announcement(room, now);
    auto turns_before = room.queue.turns.size();
    auto item = room.current_item;
    change(room, now);
    store::save_live_room_queue(ex.db(), room.id, room.queue, room.current_item);
    // The turns this change ended, as rows, in the same transaction.
    store::record_live_turns(ex.db(), room, turns_before, item);
    if (room.status != "open") {
        store::close_live_room(ex.db(), room.id, ex.now());
        store::keep_caption_turns(ex.db(), room.id);
        store::keep_caption_transcripts(ex.db(), room, ex.now());  // into the archive
    }
    auto after = announcement(room, now);
    nlohmann::json message = {{"event", "live.queue"}, {"version", room.queue.version}};
    if (after != before) message["text"] = after;
    ex.publish("live-room-" + to_string(room.id), message);
}

std::vector<LiveRoomId> withdraw_from_every_queue(Exchange& ex, AccountId account) {
    std::vector<LiveRoomId> changed;
    auto person = person_key(account);
    for (auto& room : store::lock_open_live_rooms_waiting_for(ex.db(), person)) {
        bool waiting = false;
        for (const auto& r : room.queue.waiting) waiting |= r.speaker.person == person;
        if (!waiting) continue;
        change_locked_room(
            ex, room, [&](store::LiveRoom& r, live::Seconds) { live::withdraw(r.queue, person); });
        changed.push_back(room.id);
    }
    return changed;
}

}  // namespace convene::web
