#pragma once
// The timetable in the database: the Secretariat's draft (each placement versioned, so
// two editors moving one session do not overwrite each other unseen), the published
// timetable the public programme shows, and every published version.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/programme/programme.hpp"
#include "database/database.hpp"

namespace convene::store {

struct DraftPlacement {
    programme::Slot slot;
    std::int64_t version = 1;
};

std::map<SessionId, DraftPlacement> draft_placements(db::Connection& c, EditionId edition);
std::map<SessionId, programme::Slot> draft_slots(db::Connection& c, EditionId edition);

// Places (or moves) the session when its placement is still at `expected_version` (0:
// it had none); false when someone moved it since, and nothing is written.
bool place_session(db::Connection& c, SessionId session, const programme::Slot& slot,
                   std::int64_t expected_version, const std::string& now);
// Takes the session off the grid under the same rule.
bool unplace_session(db::Connection& c, SessionId session, std::int64_t expected_version);
// The solver's answer replaces the whole draft of the edition.
void replace_draft(db::Connection& c, EditionId edition,
                   const std::map<SessionId, programme::Slot>& slots, const std::string& now);

// What the public sees.
std::map<SessionId, programme::Slot> published_slots(db::Connection& c, EditionId edition);
void set_published_slot(db::Connection& c, SessionId session,
                        const std::optional<programme::Slot>& slot);

struct TimetableVersion {
    TimetableVersionId id;
    std::int64_t number = 0;
    std::string published_at;  // UTC
    std::string published_by;  // the account's name, "" when gone
    std::string note;
    std::map<SessionId, programme::Slot> slots;
};
// Records the published timetable as it now is as the next version; its number.
std::int64_t record_version(db::Connection& c, EditionId edition, std::optional<AccountId> account,
                            const std::string& note, const std::string& now);
// Newest first, without their slots.
std::vector<TimetableVersion> timetable_versions(db::Connection& c, EditionId edition);
std::optional<TimetableVersion> timetable_version(db::Connection& c, EditionId edition,
                                                  std::int64_t number);

// Bumps the session's iCalendar SEQUENCE (a published change to it).
void bump_sequence(db::Connection& c, SessionId session);
// Holds the edition's published timetable for the rest of the transaction: publications,
// consents and impositions of one edition happen one after another, each reading what the
// one before wrote (two publishes at once would otherwise both record one removal).
void lock_published_timetable(db::Connection& c, EditionId edition);

}  // namespace convene::store
