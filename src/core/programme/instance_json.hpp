#pragma once
// The JSON of `convene schedule` (the instance in, the timetable out), at the edge: sizes
// are bounded so no file can make the solver allocate without limit, and every id is
// resolved to an index here.
#include <nlohmann/json.hpp>

#include "core/programme/instance.hpp"
#include "core/programme/solver.hpp"
#include "core/programme/venue.hpp"

namespace convene::programme {

// Limits of one instance (an IGF has about 300 sessions, 20 rooms and 3,000 people); a
// room's windows at most max_windows, as on the venue page (venue.hpp).
inline constexpr std::size_t max_rooms = 500, max_sessions = 5000, max_people = 200000,
                             max_list = 200, max_text = 200, max_unavailable = 200000;

// Reads the instance; throws InputError naming the member at fault ("sessions[3].needs",
// "an unknown room") for a wrong shape or an unknown id. instance_problems() then finds
// what only the whole instance shows.
Instance instance_from_json(const nlohmann::json& j);

// Reads and checks: throws InputError with the first of instance_problems().
Instance checked_instance_from_json(const nlohmann::json& j);

nlohmann::json to_json(const Instance& in);
nlohmann::json to_json(const Instance& in, const ScheduleResult& result);

}  // namespace convene::programme
