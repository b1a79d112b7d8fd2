#pragma once
// Instants as people read them: in the venue's time zone and in UTC, with ICU's time
// zone data and calendar. Pure: no clock, no I/O; the words come from the catalog.
#include <string>
#include <string_view>

#include "core/common/clock.hpp"

namespace convene {

// One instant, written for a reader: "23 November 2026, 22:25 (Oslo time) · 21:25 UTC".
struct TimeText {
    std::string datetime;    // "2026-11-23T21:25:00Z", for <time datetime>
    std::string zone;        // the IANA zone shown ("UTC" when the given one is unknown)
    bool zone_known = true;  // false: `zone` fell back to UTC and `text` says why
    std::string venue;       // "23 November 2026, 22:25", in `zone`
    std::string zone_name;   // "Oslo time"; empty when the zone is UTC
    std::string utc;         // "21:25 UTC", with the date when UTC's day differs
    std::string text;        // the whole, as a page prints it
    std::string short_text;  // "22:25 (Oslo time) · 21:25 UTC": for a time of today
};

// `zone` is an IANA name ("Europe/Oslo"); empty or "UTC" shows UTC only. `locale` is a
// BCP 47 or ICU name ("en-GB") for month names.
TimeText format_time(Clock::time_point instant, std::string_view zone, std::string_view locale);

// A stored UTC time ("2026-11-23T21:25:00Z") written as format_time does in the catalog's
// locale; text that is not a stored time is returned unchanged in `text`.
TimeText stored_time(std::string_view utc, std::string_view zone);

// "23 June 2027" for a day "2027-06-23", in the catalog's locale; the text unchanged when
// it is not a day.
std::string day_words(std::string_view day);

// True for a time zone name ICU's data knows ("Europe/Oslo", "UTC"), false for
// "Mars/Olympus_Mons" or "CET+1".
bool is_known_time_zone(std::string_view zone);

}  // namespace convene
