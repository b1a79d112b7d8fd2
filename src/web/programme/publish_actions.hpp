#pragma once
// Publishing the timetable, shared by the pages and the API: the first publication
// copies the draft; later ones publish new sessions at once, take off the cancelled, and
// turn every move of a published session into a change its organisers accept or decline
// by a mailed link (the public keeps the old placement meanwhile). The Secretariat may
// impose a change with a written reason, or withdraw it. From the lock date nothing
// published moves. Each action runs in its request's transaction.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/programme/programme.hpp"
#include "core/programme/timetable_diff.hpp"
#include "store/editions/editions.hpp"
#include "store/programme/changes.hpp"

namespace convene::web {

class Exchange;

// Sessions and rooms by id, to put a timetable in words.
struct TimetableNames {
    std::string time_zone;
    std::map<RoomId, std::string> rooms;
    std::map<SessionId, programme::ProgrammeSession> sessions;
};
TimetableNames timetable_names(Exchange& ex, const store::Edition& e);

// {room, room_name, start, end, text}: "Main Hall, 23 June 2027, 09:00–10:30".
nlohmann::json slot_view(const TimetableNames& names, SessionId session,
                         const std::optional<programme::Slot>& slot);
// {session, code, title, sequence}: the sequence is the session's iCalendar SEQUENCE.
nlohmann::json session_view(const TimetableNames& names, SessionId session);

struct Publication {
    std::int64_t version = 0;  // the newest version after it
    bool recorded = false;     // false when what the public sees did not change
    int added = 0, removed = 0;
    std::vector<PlacementChangeId> changes;  // new changes awaiting consent
};
// What publishing the draft now would do: the published timetable against the draft.
programme::TimetableDiff publication_preview(Exchange& ex, const store::Edition& e);
Publication publish_timetable(Exchange& ex, const store::Edition& e);

// A change with its session and placements in words, who was asked and when.
nlohmann::json change_view(Exchange& ex, const TimetableNames& names,
                           const store::PlacementChange& c, bool with_links);

// The change named by {change} in the path; 404 when the edition has none.
store::PlacementChange change_in_path(Exchange& ex, const store::Edition& e);
// Imposes a pending change (reason required, 422 naming `reason`); 409 when it is no
// longer pending or the programme is locked.
void impose_change(Exchange& ex, const store::Edition& e, const store::PlacementChange& c,
                   const std::string& reason);
// Withdraws a pending change: the draft goes back to the published placement.
void withdraw_change(Exchange& ex, const store::Edition& e, const store::PlacementChange& c);

// The consent link of the {token} path parameter: 404 when unknown, 410 when used,
// expired, withdrawn or already answered, 409 when the programme locked before the change.
struct Consent {
    store::ConsentLink link;
    store::PlacementChange change;
    store::Edition edition;
    std::string name;  // the organiser the link was sent to
};
Consent valid_consent(Exchange& ex);
// "accept" or "decline" (else 422 naming `answer`).
void answer_consent(Exchange& ex, const Consent& consent, const std::string& answer);

// Two versions compared, as the pages and the API show it; 404 naming a missing version.
nlohmann::json versions_diff_view(Exchange& ex, const store::Edition& e, std::int64_t a,
                                  std::int64_t b);

}  // namespace convene::web
