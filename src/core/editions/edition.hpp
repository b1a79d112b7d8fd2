#pragma once
// An edition is one year's forum: its dates, venue, themes, rooms and session types.
// Every rule of the process is a setting of an edition, never a constant in code.
#include <string>
#include <vector>

#include "core/common/field_error.hpp"

namespace convene {

struct EditionDraft {
    std::string name;        // "IGF 2027"
    std::string year;        // as typed; validated to 2000..2100
    std::string start_date;  // ISO date, first programme day
    std::string end_date;    // ISO date, last programme day
    std::string time_zone;   // IANA name of the venue's zone
    std::string venue;
};

FieldErrors validate_edition(const EditionDraft& edition);

struct ThemeDraft {
    std::string name;
    std::string description;
};

FieldErrors validate_theme(const ThemeDraft& theme);

struct RoomDraft {
    std::string name;
    int capacity = 0;
    bool interpreted = false;  // the main hall, with interpretation blocks
};

struct SessionType {
    std::string code;            // "workshop"
    std::string name;            // "Workshop"
    std::vector<int> durations;  // allowed minutes
};

// The session types of the forum's process, with their usual durations.
const std::vector<SessionType>& standard_session_types();

}  // namespace convene
