#pragma once
// The public programme, shared by its pages and the API: the published timetable read
// once per request, the reader's filters from the query, a session's shape (the same
// for the HTML and the JSON), the reader's marks, and "I plan to attend" itself.
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/programme/local_time.hpp"
#include "core/programme/public_programme.hpp"
#include "http/message.hpp"
#include "store/editions/editions.hpp"

namespace convene::web {

class Exchange;

struct PublicProgramme {
    store::Edition edition;
    std::vector<programme::ListedSession> sessions;     // every published session, in time order
    std::map<std::string, programme::VenueRoom> rooms;  // by name
    std::map<std::string, std::string> type_names;      // session type code -> name
    bool published = false;                             // a timetable has been published
    std::shared_ptr<programme::ZoneClock> clock;        // venue time to UTC, remembered
};
PublicProgramme public_programme(Exchange& ex, const store::Edition& e);

// The filters of the query (?day=&room=&theme=&tag=&type=&q=); 400 naming the parameter
// when one is not UTF-8 text of at most 200 characters.
programme::ProgrammeFilter filter_in_query(const http::Request& request);
// The query that asks for `filter` ("?day=2027-06-23&q=children"), "" when it asks nothing.
std::string filter_query(const programme::ProgrammeFilter& filter);

// The published session named by {code}; 404 when there is none.
const programme::ListedSession& session_in_path(Exchange& ex, const PublicProgramme& p);

// The session as the API gives it and the pages show it: code, title, type, theme, tags,
// room (with its features), venue-local start and end, the same instants in UTC, people,
// marks; the description (Markdown) when `full`.
nlohmann::json listed_json(const PublicProgramme& p, const programme::ListedSession& s, bool full);

// The sessions the signed-in reader marked in this edition; empty for nobody.
std::set<SessionId> reader_marks(Exchange& ex, EditionId edition);

// Adds or removes the reader's mark; the session's marks afterwards.
int set_reader_attendance(Exchange& ex, EditionId edition, const programme::ListedSession& s,
                          bool attending);

// The agenda of the signed-in reader: the marked sessions and those they have a part in,
// in time order, each with "attending", "roles" and "clashes" (the codes of the other
// agenda sessions it overlaps).
nlohmann::json agenda_json(Exchange& ex, const PublicProgramme& p);

}  // namespace convene::web
