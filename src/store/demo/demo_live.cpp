#include "store/demo/demo_live.hpp"

#include <chrono>

#include "core/common/clock.hpp"
#include "core/common/text.hpp"
#include "core/demo/demo_captions.hpp"
#include "store/live/captions.hpp"
#include "store/live/rooms.hpp"
#include "store/live/turns.hpp"

namespace convene::store {

std::optional<LiveRoomId> load_demo_meeting(db::Connection& c, EditionId edition,
                                            const DemoForum& forum, AccountId chair,
                                            const std::vector<AccountId>& members) {
    if (forum.people.size() < 9) return std::nullopt;
    auto now_point = Clock::now();
    auto now =
        std::chrono::duration_cast<std::chrono::seconds>(now_point.time_since_epoch()).count();
    auto opened = format_utc(now_point - std::chrono::minutes(40));
    auto room =
        open_live_room(c, edition, std::nullopt, "meeting", "MAG open consultation",
                       {"Opening and adoption of the agenda", "Intersessional work: stocktaking",
                        "Themes of the next annual meeting", "Any other business"},
                       opened);
    add_live_room_role(c, room, chair, "chair");
    if (!members.empty()) add_live_room_role(c, room, members.front(), "online_moderator");

    auto speaker = [&](std::size_t i, live::Where where) {
        const auto& p = forum.people[i].details;
        return live::Speaker{"person:" + std::to_string(i),
                             p.name,
                             p.stakeholder_group,
                             p.gender,
                             where,
                             "",
                             p.first_time};
    };
    live::Queue q;
    q.limit = 180;
    // Earlier turns: the agenda's first item is done, the second is under way.
    live::Seconds t = now - 30 * 60;
    for (std::size_t i = 0; i < 5; ++i) {
        auto where = i % 2 ? live::Where::online : live::Where::onsite;
        live::Seconds length = 90 + static_cast<live::Seconds>((i * 47) % 120);
        q.turns.push_back({speaker(i, where), t, t + length});
        t += length + 60;
    }
    live::request_floor(q, speaker(5, live::Where::onsite), now - 300);
    live::give_floor(q, 0, now - 95);
    live::request_floor(q, speaker(6, live::Where::online), now - 240);
    live::request_floor(q, speaker(7, live::Where::onsite), now - 200);
    live::Speaker relayed = speaker(8 % forum.people.size(), live::Where::online);
    relayed.person = "remote:" + ascii_lower(relayed.name);  // as the relay form keys it
    live::request_floor(q, relayed, now - 120);
    save_live_room_queue(c, room, q, 1);
    // The earlier turns as rows too, all of the first item, as a live room writes them.
    if (auto saved = live_room(c, edition, room)) record_live_turns(c, *saved, 0, 0);
    // The captions so far: the chair's opening, the earlier turns, the one speaking now.
    std::vector<std::string> names;
    std::vector<live::Seconds> starts{q.turns.front().start - 60};
    for (const auto& turn : q.turns) {
        names.push_back(turn.speaker.name);
        starts.push_back(turn.start);
    }
    if (q.speaking) {
        names.push_back(q.speaking->speaker.name);
        starts.push_back(q.speaking->start);
    }
    int turn = -2, within = 0;  // a turn's chunks 40 seconds apart
    for (const auto& caption : demo_meeting_captions(names)) {
        within = caption.turn == turn ? within + 1 : 0;
        turn = caption.turn;
        auto at = Clock::time_point(
            std::chrono::seconds(starts[static_cast<std::size_t>(turn + 1)] + 40 * within));
        store_caption_chunk(c, room, "en", caption.chunk, format_utc(at), std::nullopt);
    }
    return room;
}

}  // namespace convene::store
