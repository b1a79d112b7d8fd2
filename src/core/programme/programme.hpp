#pragma once
// An edition's programme as the Secretariat, the public and the feeds see it: the
// sessions to place (each accepted proposal, and the sessions the Secretariat creates),
// the people in them, their unavailable times, and where each session is placed. Times
// that place a session are venue-local "YYYY-MM-DDTHH:MM". edition_instance() turns it
// into the solver's Instance (the same code for the page and `convene schedule`).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/programme/instance.hpp"
#include "core/programme/venue.hpp"

namespace convene::programme {

struct SessionPerson {
    PersonId person;
    std::string name;
    std::string role;       // organiser, speaker, moderator, online_moderator, rapporteur
    std::string time_zone;  // IANA zone of an online speaker; "" at the venue
    bool onsite = true;
};

struct PlannedRoom {
    RoomId id;
    VenueRoom room;
};

// Where a session is: a room and a venue-local start.
struct Slot {
    RoomId room;
    std::string start;
    bool operator==(const Slot&) const = default;
};

struct ProgrammeSession {
    SessionId id;
    std::optional<ProposalId> proposal;  // none for the sessions the Secretariat creates
    std::string code;                    // "WS12", unique in the edition
    std::string title;
    std::string session_type;  // a session type code ("workshop")
    std::string theme;         // the theme's name, "" when none
    std::vector<std::string> tags;
    std::string description;
    int duration = 60;               // minutes
    std::vector<std::string> needs;  // room features it must have
    int demand = 0;                  // the Secretariat's estimate of people expected
    int marks = 0;                   // participants who plan to attend
    std::vector<SessionPerson> people;
    std::optional<Slot> fixed;     // placement the solver must keep
    std::vector<SessionId> after;  // sessions it must start after the end of
    bool cancelled = false;
    std::int64_t sequence = 0;  // bumped at each published change (iCalendar SEQUENCE)
    std::int64_t version = 1;

    // The demand the solver uses: the marks once there are any, else the estimate.
    int expected() const { return marks > 0 ? marks : demand; }
};

struct PersonUnavailable {
    std::int64_t id = 0;  // 0 until stored
    PersonId person;
    std::string name;
    std::string start, end;  // venue-local
};

// The weights of the compromises, the grid, and the date from which nothing moves.
struct ProgrammeSettings {
    Weights weights;
    int granularity = 15;
    std::string locked_from;  // UTC "YYYY-MM-DDTHH:MM:SSZ"; "" when not locked
};

// From the lock date on (speakers travelling) no session moves at all.
inline bool programme_locked(const ProgrammeSettings& s, const std::string& now_utc) {
    return !s.locked_from.empty() && now_utc >= s.locked_from;
}

struct EditionProgramme {
    std::string time_zone;
    ProgrammeSettings settings;
    std::vector<PlannedRoom> rooms;
    std::vector<ProgrammeSession> sessions;  // cancelled ones included; never placed
    std::vector<PersonUnavailable> unavailable;
    std::map<SessionId, Slot> placed;    // the timetable in question (draft or published)
    std::map<SessionId, Slot> previous;  // the published timetable, for "fewest changes"
};

// The solver's instance for the edition and the way back from its indices. Sessions are
// named by code, rooms by name, people by name (a second person of the same name gets
// " (2)"); cancelled sessions are left out. When `keep_placed`, what is placed becomes
// `fixed`; otherwise it is only the starting point shown to the Secretariat.
struct EditionInstance {
    Instance instance;
    std::vector<SessionId> sessions;  // per instance session
    std::vector<RoomId> rooms;        // per instance room
    std::optional<Timetable> placed;  // `placed` as the instance's timetable
};
EditionInstance edition_instance(const EditionProgramme& programme, bool keep_placed);

// The instance's timetable back in the edition's terms.
std::map<SessionId, Slot> edition_slots(const EditionInstance& ei, const Timetable& timetable);

// "WS12": the session type's short code and the proposal's number.
std::string session_code(const std::string& session_type, std::int64_t number);

}  // namespace convene::programme
