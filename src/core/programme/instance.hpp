#pragma once
// The timetable problem of a forum's programme: rooms with their open windows, sessions
// to place, people's unavailable times and time zones, the timetable published before,
// and the weights of the compromises. Times are minutes in the venue's local time,
// counted from 1970-01-01 00:00 (so a day is 1,440 minutes and the grid is plain
// arithmetic); ids are resolved to indices once, at the edge (instance_json.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/field_error.hpp"

namespace convene::programme {

using Minute = std::int64_t;

struct Window {
    Minute start = 0, end = 0;
};

struct Room {
    std::string id;
    int capacity = 0;
    std::vector<std::string> features;
    int turnover = 0;  // minutes between the end of one session and the start of the next
    std::vector<Window> windows;
};

// Where and when a session is: a room (index) and a start.
struct Placement {
    int room = 0;
    Minute start = 0;
    bool operator==(const Placement&) const = default;
};

struct Session {
    std::string id;
    int duration = 0;
    std::vector<std::string> needs;  // features its room must have
    int demand = 0;                  // people expected
    std::vector<std::string> tags;
    std::vector<int> people;  // indices into Instance::people
    std::optional<Placement> fixed;
    std::vector<int> after;  // sessions (indices) it must start after the end of
};

struct Unavailable {
    int person = 0;
    Minute start = 0, end = 0;
};

struct Weights {
    std::int64_t overflow = 1, similar = 50, night = 20, change = 100;
};

struct Instance {
    std::string time_zone;  // IANA name of the venue's zone
    int granularity = 15;   // starts lie on this grid of minutes from midnight
    Weights weights;
    std::vector<Room> rooms;
    std::vector<Session> sessions;
    std::vector<std::string> people;       // person ids, in order of first mention
    std::vector<std::string> person_zone;  // per person: IANA zone or empty (at the venue)
    std::vector<Unavailable> unavailable;
    std::vector<std::optional<Placement>> previous;  // per session: the published placement
};

using Timetable = std::vector<std::optional<Placement>>;  // per session

inline Minute end_of(const Instance& in, int session, const Placement& p) {
    return p.start + in.sessions[static_cast<std::size_t>(session)].duration;
}

// "2027-06-23T09:00" <-> minutes; nullopt when the text is not a valid date and time.
std::optional<Minute> parse_local_time(const std::string& text);
std::string format_local_time(Minute m);
// "09:00", the time of day alone, for sentences.
std::string format_time_of_day(Minute m);

// Every problem of the instance that the parser cannot see alone: a window ending
// before it starts or overlapping another of its room, an unknown time zone, a cycle of
// "after" links, a session longer than every window, no session at all. Each names its
// field ("rooms[2].windows[1]"); empty when the instance is sound.
FieldErrors instance_problems(const Instance& in);

}  // namespace convene::programme
