#pragma once
// The venue the timetable fills: each room with its seats, features (captioning,
// interpretation with its languages, streaming, ...), the minutes it needs between two
// sessions, and the windows in which it is open. Times are venue-local
// "YYYY-MM-DDTHH:MM", on the edition's days.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/common/field_error.hpp"

namespace convene::programme {

// At most this many windows and interpretation languages per room.
inline constexpr std::size_t max_windows = 500, max_languages = 20;

struct OpenWindow {
    std::string start, end;  // venue-local "YYYY-MM-DDTHH:MM"
    bool operator==(const OpenWindow&) const = default;
};

struct VenueRoom {
    std::string name;
    int capacity = 0;
    std::vector<std::string> features;   // codes of room_features()
    std::vector<std::string> languages;  // interpretation languages, ISO 639-1 ("ar", "zh")
    int turnover = 15;                   // minutes between two sessions
    std::vector<OpenWindow> windows;     // in order of time
};

// The features a room may offer, as codes ("captioning", "interpretation", ...).
const std::vector<std::string>& room_features();

// Minutes since 1970-01-01 00:00 of a venue-local "YYYY-MM-DDTHH:MM" (or with a space
// between date and time); nullopt when it is not a real date and time.
std::optional<long long> local_minutes(const std::string& text);

// Windows typed one per line, "2027-06-23 09:00-12:00" (an en dash or "to" also
// separates the times); a line that does not read is an error naming "windows" and the
// line. Blank lines are skipped.
std::vector<OpenWindow> windows_from_text(const std::string& text, FieldErrors& errors);
std::string windows_text(const std::vector<OpenWindow>& windows);

// The days from first_day to last_day ("YYYY-MM-DD"), at most 62; empty when either is
// not a date or the last comes first.
std::vector<std::string> edition_days(const std::string& first_day, const std::string& last_day);

// Every problem of the room, each naming its field: the name (1 to 100 characters, no
// control characters), capacity (1 to 100000), turnover (0 to 240), an unknown feature or
// language, more than max_languages languages, interpretation without a language, more
// than max_windows windows, a window that does not read, ends before it starts, lies
// outside the edition's days (first_day to last_day, "YYYY-MM-DD") or overlaps another
// window of the room ("windows[1]"). Sorts the windows by start.
FieldErrors check_room(VenueRoom& room, const std::string& first_day, const std::string& last_day);

}  // namespace convene::programme
