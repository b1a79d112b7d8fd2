#pragma once
// What the Secretariat sets on a session for the solver (duration, the features its room
// needs, the people expected, tags, a fixed place, the sessions it follows), checked
// before it is saved, every problem naming its field.
#include <string>
#include <vector>

#include "core/common/field_error.hpp"
#include "core/programme/programme.hpp"

namespace convene::programme {

inline constexpr int min_duration = 10, max_duration = 480, max_demand = 100000;
inline constexpr std::size_t max_tags = 20, max_tag_characters = 60, max_after = 20;

// Tags typed in one field, separated by commas or lines: trimmed, the same tag once.
std::vector<std::string> tags_from_text(const std::string& text);
std::string tags_text(const std::vector<std::string>& tags);

// Every problem of `s`'s settings: duration (min_duration to max_duration minutes),
// needs (features a room can offer), demand (0 to max_demand), tags (at most max_tags,
// each 1 to max_tag_characters characters without control characters), the fixed start
// (a venue-local time on the edition's days, first_day to last_day, on the grid of
// `granularity` minutes), the "after" links (not itself, at most max_after, and never
// round in a circle through `sessions`, the edition's others as stored).
FieldErrors check_session_settings(const ProgrammeSession& s,
                                   const std::vector<ProgrammeSession>& sessions,
                                   const std::string& first_day, const std::string& last_day,
                                   int granularity);

}  // namespace convene::programme
