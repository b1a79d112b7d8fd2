#pragma once
// The live rooms' actions, shared by the pages and the API: the Secretariat opens a room
// and names who runs it; a participant asks for the floor and withdraws; the chair works
// the queue; the online moderator adds people speaking through the meeting tool. Each
// change locks the room's row, applies the queue's rules (core/live/queue), stores the
// queue whole and tells the room's live followers once the transaction commits.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/live/queue.hpp"
#include "core/policy/policy.hpp"
#include "http/form.hpp"
#include "store/editions/editions.hpp"
#include "store/live/rooms.hpp"

namespace convene::web {

class Exchange;

struct RoomOpening {
    std::string kind = "meeting";  // "session" or "meeting"
    std::string title;
    std::optional<SessionId> session;
    std::vector<std::string> agenda;
    std::vector<std::string> chairs, moderators, captioners;  // e-mail addresses
};
RoomOpening opening_in_form(const http::Form& form);
RoomOpening opening_in_body(const nlohmann::json& body);
// 422 naming every problem (no title, an address with no account, a session not of the
// edition).
LiveRoomId open_room(Exchange& ex, const store::Edition& e, RoomOpening opening);

// A participant's request: where they speak from, and what the room's orderings and
// figures use (stakeholder group, gender if they give it, whether it is their first time).
struct FloorAsk {
    live::Where where = live::Where::onsite;
    std::string group, gender;
    bool first_time = false, point_of_order = false;
};
FloorAsk ask_in_form(const http::Form& form);
FloorAsk ask_in_body(const nlohmann::json& body);

// What the chair (or the online moderator, for "relay") does: give, next, end, remove,
// up, down, point_of_order, last_call, close, reopen, ordering, limit, next_item, relay,
// close_room; and relay_hub, a hub organiser's request for someone at `hub`.
struct ChairAction {
    std::string action;
    std::int64_t request = 0;
    live::Seconds seconds = 60;
    std::string ordering;
    int limit = 0;
    live::Speaker relayed;
    std::int64_t hub = 0;
};
ChairAction chair_action_in_form(const http::Form& form);
ChairAction chair_action_in_body(const nlohmann::json& body);

store::LiveRoom live_room_in_path(Exchange& ex, const store::Edition& e);
live::Seconds now_seconds(Exchange& ex);

// Each throws 409 with the queue's reason when the rules refuse, 403 for a role not held.
void ask_floor(Exchange& ex, const store::Edition& e, LiveRoomId room, const FloorAsk& ask);
void withdraw_floor(Exchange& ex, const store::Edition& e, LiveRoomId room);
void act_in_room(Exchange& ex, const store::Edition& e, LiveRoomId room, const ChairAction& act);

// The room as the API and the pages show it (who speaks, the queue in order, the rule in
// force, the last call, the figures); `me` marks the reader's own request.
nlohmann::json live_room_json(const store::LiveRoom& room, live::Seconds now,
                              const std::string& me = "");
// The words for a turn's stakeholder group, gender ("" when not stated) and where the
// speaker was; "m:ss" of a number of seconds.
std::string group_label(const std::string& code);
std::string gender_label(const std::string& code);
std::string where_label(const std::string& code);
std::string clock_text(live::Seconds s);

// The roles the signed-in reader holds in the room, as the policy asks for them.
policy::LiveRoomFacts live_room_facts(Exchange& ex, const store::Edition& e, LiveRoomId room);
// "account:12": the key of a signed-in person's requests.
std::string person_key(AccountId account);

}  // namespace convene::web
