#pragma once
// The sessions to place in the database: one per accepted proposal (added by
// sync_programme_sessions, which keeps them in step with the MAG's decisions) and the
// sessions the Secretariat creates; their people, "after" links, attendance marks, the
// people's unavailable times and the programme's settings. load_programme() reads all
// of it as the typed EditionProgramme the solver, the pages and the feeds share.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/programme/programme.hpp"
#include "database/database.hpp"

namespace convene::store {

// Adds a session for every proposal in the programme (accepted, moved, conditional not
// declined, lightning) that has none, and cancels the sessions whose proposal left it
// (a cancelled session comes back when its proposal returns). The number of sessions
// added.
int sync_programme_sessions(db::Connection& c, EditionId edition, const std::string& now);

// Every session of the edition, by code, with its people (a proposal's organisers,
// speakers and moderators who have not declined; a created session's own people), its
// "after" links and how many participants plan to attend.
std::vector<programme::ProgrammeSession> programme_sessions(db::Connection& c, EditionId edition);
std::optional<programme::ProgrammeSession> programme_session(db::Connection& c, EditionId edition,
                                                             SessionId id);

// A session the Secretariat creates (opening, main session, high-level event). Throws
// db::Error(unique_violation) when the code is taken.
SessionId add_programme_session(db::Connection& c, EditionId edition,
                                const programme::ProgrammeSession& s);
// What the Secretariat may set on any session: title (created sessions only), duration,
// needs, demand estimate, tags, fixed placement, "after" links. Written only when still at
// `expected_version`; false when someone saved it since.
bool save_programme_session(db::Connection& c, const programme::ProgrammeSession& s,
                            std::int64_t expected_version);
void set_session_people(db::Connection& c, SessionId session,
                        const std::vector<programme::SessionPerson>& people);

std::vector<programme::PersonUnavailable> unavailability(db::Connection& c, EditionId edition);
void add_unavailability(db::Connection& c, EditionId edition,
                        const programme::PersonUnavailable& u);
void remove_unavailability(db::Connection& c, EditionId edition, std::int64_t id);
void set_person_time_zone(db::Connection& c, PersonId person, const std::string& zone);

struct KnownPerson {
    PersonId id;
    std::string name, email, time_zone;
};
// The person the forum knows by this e-mail (case-insensitive), the first when several.
std::optional<KnownPerson> person_by_email(db::Connection& c, const std::string& email);
// The people of the edition's sessions who have a time zone of their own.
std::vector<KnownPerson> people_with_time_zones(db::Connection& c, EditionId edition);

programme::ProgrammeSettings programme_settings(db::Connection& c, EditionId edition);
void set_programme_settings(db::Connection& c, EditionId edition,
                            const programme::ProgrammeSettings& s);

// "I plan to attend": adds or removes the mark; the sessions an account marked.
void set_attendance(db::Connection& c, AccountId account, SessionId session, bool attending,
                    const std::string& now);
std::vector<SessionId> attending(db::Connection& c, AccountId account, EditionId edition);

// The edition's rooms, sessions, unavailable times and settings, with the draft
// timetable as `placed` and the published one as `previous`.
programme::EditionProgramme load_programme(db::Connection& c, EditionId edition);

}  // namespace convene::store
