#pragma once
// The Secretariat's draft timetable, shared by the pages and the API: moving a session
// (with every check that keeps two editors, fixed sessions and the lock date safe),
// completing the timetable with the solver, and the programme's settings.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/programme/programme.hpp"
#include "core/programme/solver.hpp"
#include "store/editions/editions.hpp"

namespace convene::web {

class Exchange;

struct MoveRequest {
    SessionId session;
    std::optional<programme::Slot> to;  // nullopt: take it off the grid
    std::int64_t version = 0;           // of its placement; 0 when it had none
};

// Moves the session and returns its placement's new version (0 when taken off). 404 for a
// session not in the edition; 422 naming `room` or `start` (not a room of the venue, not a
// time on the grid of the edition's days); 409 after the lock date, for a session with a
// fixed placement, onto the room and time of a fixed session, or when someone moved it
// since (nothing is overwritten).
std::int64_t move_session(Exchange& ex, const store::Edition& e, const MoveRequest& move);

struct CompletedTimetable {
    int brought_in = 0;  // sessions of accepted proposals added first
    programme::EditionInstance instance;
    programme::ScheduleResult result;
};
// Brings in the accepted proposals, runs the solver with what is placed kept fixed (or
// free to move), and makes its answer the draft. 409 after the lock date; 422 naming
// `sessions` when there is nothing to place, or the venue's problems.
CompletedTimetable complete_timetable(Exchange& ex, const store::Edition& e, bool keep_placed,
                                      double time_limit);

// The draft as JSON: each session with its placement and version, the conflicts in words.
nlohmann::json timetable_json(Exchange& ex, const store::Edition& e);

// Reads {granularity, weights, locked_from}; 422 naming the member that is wrong.
programme::ProgrammeSettings settings_in_body(const nlohmann::json& body,
                                              programme::ProgrammeSettings base);
void save_settings(Exchange& ex, const store::Edition& e, const programme::ProgrammeSettings& s);
nlohmann::json settings_json(const programme::ProgrammeSettings& s);

}  // namespace convene::web
