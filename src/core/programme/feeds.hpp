#pragma once
// The published programme as the files other programs read: iCalendar (RFC 5545) for
// calendars, the frab/pentabarf schedule.xml and the c3voc schedule JSON for conference
// apps, and a table (CSV, XLSX) for the venue team. Pure: the caller reads the published
// timetable and says which sessions a feed holds; times are converted from the venue's
// zone with ICU.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/programme/instance.hpp"
#include "core/programme/programme.hpp"

namespace convene::programme {

struct FeedPerson {
    PersonId id;
    std::string name;
    std::string role;  // organiser, speaker, moderator, ...
};

struct FeedRoom {
    RoomId id;
    std::string name;
    int capacity = 0;
    std::vector<std::string> features;
};

// A published session: where and when the public programme shows it.
struct FeedSession {
    SessionId id;
    std::string code;  // "WS12"
    std::string title;
    std::string type;       // the session type's code ("workshop")
    std::string type_name;  // as people read it ("Workshop"); the code when none
    std::string theme;      // "" when none
    std::vector<std::string> tags;
    std::string description;
    RoomId room;
    std::string room_name;
    std::string start;  // venue-local "YYYY-MM-DDTHH:MM"
    int duration = 60;  // minutes
    std::vector<std::string> needs;
    int expected = 0;  // people expected
    std::vector<FeedPerson> people;
    std::int64_t sequence = 0;  // iCalendar SEQUENCE: bumped at each published change
    bool cancelled = false;
    std::string url;  // the session's page
};

struct PublishedProgramme {
    EditionId edition;
    std::string name;                 // "Regional IGF demo 2027"
    std::string venue;                // where it takes place, "" when unknown
    std::string time_zone;            // the venue's IANA zone
    std::string first_day, last_day;  // "YYYY-MM-DD"
    std::string base_url;             // "https://forum.example.org", no trailing slash
    std::string url;                  // the public programme's page
    std::string version;              // the published version's number, "" when none
    int granularity = 15;             // minutes of the timetable's grid
    std::vector<FeedRoom> rooms;
    std::vector<FeedSession> sessions;  // by start, then room; cancelled ones included
};

// The published timetable of `p` (its `previous`, as load_programme reads it) as feed
// sessions: those placed in a room of the venue, by start and room. `type_names` maps a
// session type's code to its name. URLs and the version are the caller's to fill in.
PublishedProgramme published_programme(const EditionProgramme& p,
                                       const std::map<std::string, std::string>& type_names);

// Keeps the sessions the predicate holds for.
template <class Keep>
PublishedProgramme only(PublishedProgramme p, Keep keep) {
    std::erase_if(p.sessions, [&](const FeedSession& s) { return !keep(s); });
    return p;
}

// Minutes east of UTC in `zone` at the wall time `local` there (minutes since 1970 as
// the timetable counts them). A wall time skipped by a change to summer time is read
// with the offset before the change; ambiguous ones as the first. 0 for an unknown zone.
int utc_offset_at(const std::string& zone, Minute local);
// "2027-06-23T09:00" in `zone` as "20270623T070000Z"; nullopt when it does not read.
std::optional<std::string> icalendar_utc(const std::string& zone, const std::string& local);
// "2027-06-23T09:00" in `zone` as "2027-06-23T09:00:00+02:00".
std::optional<std::string> iso_with_offset(const std::string& zone, const std::string& local);

// A stable UID of the session in calendars: "session-<id>@<host>" (the same across every
// version, so an update replaces the event), and a UUID from the same (for the schedules).
std::string session_uid(SessionId id, const std::string& host);
std::string session_uuid(const std::string& uid);

// RFC 5545 TEXT escaping (\\, \;, \, and newlines as \n) and content lines folded at 75
// octets, never inside a UTF-8 sequence, each ended by CRLF.
std::string icalendar_text(const std::string& text);
std::string icalendar_fold(const std::string& line);

struct CalendarHeader {
    std::string name;   // X-WR-CALNAME
    std::string host;   // for UIDs
    std::string stamp;  // DTSTAMP, UTC "YYYY-MM-DDTHH:MM:SSZ" (now)
};
// One VCALENDAR with a VEVENT per session of every programme given (a personal feed
// spans editions); cancelled sessions are STATUS:CANCELLED, so calendars drop them.
std::string icalendar(const CalendarHeader& header, const std::vector<PublishedProgramme>& parts);

// frab's schedule.xml (schedule > conference, day > room > event), cancelled sessions
// left out; the acronym is schedule_acronym() of the name, guids session_uuid().
std::string schedule_xml(const PublishedProgramme& p, const std::string& host);
// The c3voc schedule JSON, as text.
std::string schedule_json(const PublishedProgramme& p, const std::string& host);
// "regional_igf_demo_2027": lower-case letters, digits and '_' (the schedules' acronym).
std::string schedule_acronym(const std::string& name);

// "Ana Silva (organiser, speaker)": each person of the session once, with their roles.
std::vector<std::string> people_lines(const FeedSession& s);

// The venue team's sheet: a heading row, then one row per session that is not
// cancelled: day, start, end, room, code, title, type, needs, expected, people. The
// headings come from the catalog.
std::vector<std::vector<std::string>> venue_sheet(const PublishedProgramme& p);

}  // namespace convene::programme
