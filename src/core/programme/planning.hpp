#pragma once
// What the Secretariat adds to the programme by hand, checked before it is stored: the
// sessions it creates itself (opening, main sessions, high-level events), the times
// people cannot be there, and online speakers' time zones. Every problem names its field.
#include <string>

#include "core/common/field_error.hpp"
#include "core/programme/programme.hpp"

namespace convene::programme {

// Code (1 to 12 letters and digits, such as "MS2"), title (1 to 200 characters), a
// session type, duration (10 to 480 minutes), known features, expected people (0 to
// 100000), a fixed start (when given) on the edition's days, and the people's roles.
FieldErrors check_created_session(const ProgrammeSession& s, const std::string& first_day,
                                  const std::string& last_day);

// A time someone cannot be there: two venue-local times, the end after the start, on the
// edition's days.
FieldErrors check_unavailable(const PersonUnavailable& u, const std::string& first_day,
                              const std::string& last_day);

// An IANA time zone ICU knows ("Asia/Tokyo"), or "" for at the venue.
FieldErrors check_time_zone(const std::string& zone);

// The roles a person may have in a session.
bool known_session_role(const std::string& role);

}  // namespace convene::programme
