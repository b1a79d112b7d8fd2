#pragma once
// The public programme: the sessions of the published timetable (never the draft), each
// with its room and venue-local start and end, in time order; what a reader filters it
// by (day, room, theme, tag, session type, words) and the choices each filter offers.
// Pure: the pages, the API and the agenda share it.
#include <string>
#include <vector>

#include "core/programme/programme.hpp"

namespace convene::programme {

// What a reader asks for; an empty field asks nothing.
struct ProgrammeFilter {
    std::string day;    // "2027-06-23"
    std::string room;   // a room's name
    std::string theme;  // a theme's name
    std::string tag;
    std::string type;  // a session type code ("workshop")
    std::string q;     // words, each found in the title, code, description or a person's name
    bool any() const {
        return !day.empty() || !room.empty() || !theme.empty() || !tag.empty() || !type.empty() ||
               !q.empty();
    }
};

// One published session, where and when.
struct ListedSession {
    ProgrammeSession session;
    Slot slot;
    std::string room;  // the room's name
    std::string end;   // venue-local "YYYY-MM-DDTHH:MM"
    std::string day() const { return slot.start.substr(0, 10); }
};

// The published sessions that are not cancelled, by start, then room, then code.
std::vector<ListedSession> published_programme(const std::vector<ProgrammeSession>& sessions,
                                               const std::map<SessionId, Slot>& published,
                                               const std::vector<PlannedRoom>& rooms);

bool matches(const ListedSession& s, const ProgrammeFilter& filter);
std::vector<ListedSession> filtered(const std::vector<ListedSession>& all,
                                    const ProgrammeFilter& filter);

// The choices the filters offer: each value found in the published programme, sorted
// (days in order of time, the others by name).
struct ProgrammeChoices {
    std::vector<std::string> days, rooms, themes, tags, types;
};
ProgrammeChoices programme_choices(const std::vector<ListedSession>& all);

// The published session with this code ("ws12" finds WS12); nullptr when none.
const ListedSession* listed_session(const std::vector<ListedSession>& all, const std::string& code);

}  // namespace convene::programme
