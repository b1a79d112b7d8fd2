#pragma once
// The speaking queue of a live room, by the forum's floor-request rules: one common queue
// for the room, onsite and online and at hubs, in the order received unless the chair
// switches on another order (first-time speakers first, alternating stakeholder groups
// or genders); one open request per person; a point of order goes first; the chair gives
// the floor, moves to the next, removes, reorders, and closes the list after a "last
// call" whose countdown everyone sees. Every turn is recorded (who, group, gender if
// stated, where, start and end) for the room's figures. Pure: times are passed in, as
// seconds since 1970 (UTC).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace convene::live {

using Seconds = std::int64_t;

enum class Where { onsite, online, hub };
enum class Ordering { received, first_time_first, alternate_groups, alternate_genders };

struct Speaker {
    std::string person;  // a stable key: "account:12", or "remote:<name>" for relayed speakers
    std::string name;
    std::string stakeholder_group;  // "" when unknown
    std::string gender;             // "" when not stated
    Where where = Where::onsite;
    std::string hub;  // the hub's name, for Where::hub
    bool first_time = false;
};

struct FloorRequest {
    std::int64_t id = 0;
    Speaker speaker;
    Seconds requested_at = 0;
    bool point_of_order = false;
};

struct Turn {
    Speaker speaker;
    Seconds start = 0, end = 0;  // end 0 while speaking
};

struct Queue {
    std::vector<FloorRequest> waiting;  // in the order the chair set (received, by default)
    std::optional<Turn> speaking;
    std::vector<Turn> turns;  // every finished turn, in order
    Ordering ordering = Ordering::received;
    Seconds closes_at = 0;     // a last call's end; 0 when none
    bool closed = false;       // the chair closed the list
    int limit = 0;             // seconds a turn may last; 0 for no limit
    std::int64_t next_id = 1;  // of the next request
    std::int64_t version = 0;  // bumped by every change
};

// Why an action was refused: a catalog key ("live.queue.already_waiting", ...).
struct Refusal {
    std::string key;
};

// Whether new requests are refused now: closed, or past the last call's end.
bool list_closed(const Queue& q, Seconds now);
// Seconds left of a running last call; 0 when none or over.
Seconds last_call_left(const Queue& q, Seconds now);

// The waiting requests in the order the floor will go, by the ordering in force (points
// of order always first, in the order received).
std::vector<FloorRequest> in_order(const Queue& q);

// Each action changes the queue and returns nothing, or returns why it was refused and
// leaves the queue as it was.
std::optional<Refusal> request_floor(Queue& q, const Speaker& s, Seconds now,
                                     bool point_of_order = false);
std::optional<Refusal> withdraw(Queue& q, const std::string& person);
// Ends the current turn (if any) and gives the floor to the request `id`, or to the next
// in order when `id` is 0.
std::optional<Refusal> give_floor(Queue& q, std::int64_t id, Seconds now);
std::optional<Refusal> end_turn(Queue& q, Seconds now);
std::optional<Refusal> remove_request(Queue& q, std::int64_t id);
// Moves the request to `position` (0-based) of the waiting list as received; with an
// ordering rule in force the chair's order applies within the rule's groups.
std::optional<Refusal> move_request(Queue& q, std::int64_t id, std::size_t position);
// Announces the last call: the list closes `seconds` from now.
std::optional<Refusal> last_call(Queue& q, Seconds now, Seconds seconds);
void reopen(Queue& q);
void close_list(Queue& q);

// The room's figures from its turns: speakers and speaking time by stakeholder group,
// gender and where they spoke from.
struct Tally {
    int turns = 0;
    Seconds seconds = 0;
};
struct Figures {
    std::map<std::string, Tally> by_group, by_gender, by_where;
    Tally all;
};
Figures figures(const std::vector<Turn>& turns);

std::string where_code(Where w);
std::optional<Where> where_of(const std::string& code);
std::string ordering_code(Ordering o);
std::optional<Ordering> ordering_of(const std::string& code);

}  // namespace convene::live
