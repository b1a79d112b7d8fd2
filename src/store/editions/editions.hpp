#pragma once
// Editions with their themes, rooms and session types, and the people the
// Secretariat adds to them (MAG members).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/editions/edition.hpp"
#include "core/people/people.hpp"
#include "database/database.hpp"

namespace convene::store {

struct Edition {
    EditionId id;
    std::string name;
    int year = 0;
    std::string start_date, end_date, time_zone, venue;
};

struct Theme {
    ThemeId id;
    std::string name, description;
};

struct Room {
    RoomId id;
    std::string name;
    int capacity = 0;
    bool interpreted = false;
};

struct SessionTypeRow {
    std::string code, name, durations;  // durations as "60,90"
};

struct Member {
    std::int64_t person_id = 0;
    AccountId account_id;
    std::string name, email, organisation, country, stakeholder_group, gender;
};

struct EditionCounts {
    std::int64_t proposals = 0, members = 0;
};

// The counts of every stage for the dashboard; the call, round and results are read by
// their own stores.
struct StageCounts {
    int drafts = 0, submitted = 0, withdrawn = 0, screened = 0;
    int assigned = 0, published = 0, evaluations_submitted = 0;
    bool selection_made = false;
    int decisions = 0;
};
StageCounts count_stages(db::Connection& c, EditionId id);

// Creates the edition with the standard session types.
EditionId create_edition(db::Connection& c, const EditionDraft& e, const std::string& now);
std::vector<Edition> list_editions(db::Connection& c);
std::optional<Edition> find_edition(db::Connection& c, EditionId id);
EditionCounts count_edition(db::Connection& c, EditionId id);

// Throws db::Error(unique_violation) when the edition has a theme of that name.
ThemeId add_theme(db::Connection& c, EditionId edition, const ThemeDraft& t);
std::vector<Theme> list_themes(db::Connection& c, EditionId edition);

RoomId add_room(db::Connection& c, EditionId edition, const RoomDraft& r);
std::vector<Room> list_rooms(db::Connection& c, EditionId edition);
std::vector<SessionTypeRow> list_session_types(db::Connection& c, EditionId edition);

// Finds or creates the organisation by name.
std::int64_t organisation_id(db::Connection& c, const std::string& name, const std::string& country,
                             const std::string& stakeholder_group);
std::int64_t add_person(db::Connection& c, const PersonDraft& p, std::optional<AccountId> account);
// People holding the evaluator role for the edition.
std::vector<Member> list_members(db::Connection& c, EditionId edition);

}  // namespace convene::store
