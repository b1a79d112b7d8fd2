#pragma once
// Changes to a published session awaiting its organisers' consent, and the mailed links
// that carry the consent: one per organiser's address, single use, expiring, only the
// token's hash stored. A change is pending until an organiser accepts or declines it, the
// Secretariat imposes it (with a reason) or withdraws it, or a later publication
// replaces it.
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/programme/programme.hpp"
#include "database/database.hpp"

namespace convene::store {

struct PlacementChange {
    PlacementChangeId id;
    EditionId edition;
    SessionId session;
    std::optional<programme::Slot> from, to;
    std::string status;  // pending, accepted, declined, imposed, withdrawn
    std::string reason;  // the Secretariat's, when imposed
    std::string created_at, decided_at, decided_by;
};

PlacementChangeId add_placement_change(db::Connection& c, EditionId edition, SessionId session,
                                       const programme::Slot& from, const programme::Slot& to,
                                       const std::string& now);
std::optional<PlacementChange> placement_change(db::Connection& c, EditionId edition,
                                                PlacementChangeId id);
// The same, whatever its edition (a consent link knows only its change).
std::optional<PlacementChange> placement_change(db::Connection& c, PlacementChangeId id);
// The edition's changes with that status ("" for all), oldest first.
std::vector<PlacementChange> placement_changes(db::Connection& c, EditionId edition,
                                               const std::string& status);
// Decides a pending change; false when it was no longer pending (nothing written).
bool decide_placement_change(db::Connection& c, PlacementChangeId id, const std::string& status,
                             const std::string& reason, const std::string& by,
                             const std::string& now);

// Whom to ask about a session's change: a proposal's organisers with an address and the
// accounts that edit it; a created session's organisers. One per address (lower case).
struct Addressee {
    std::string name, email;
};
std::vector<Addressee> session_organisers(db::Connection& c, SessionId session);

struct NewConsentLink {
    std::string email, token_hash;
};
void add_consent_links(db::Connection& c, PlacementChangeId change,
                       const std::vector<NewConsentLink>& links, const std::string& expires_at);

struct ConsentLink {
    std::int64_t id = 0;
    PlacementChangeId change;
    std::string email, expires_at, used_at;
};
std::optional<ConsentLink> find_consent_link(db::Connection& c, const std::string& token_hash);
// The links of a change, by address: who was asked.
std::vector<ConsentLink> consent_links(db::Connection& c, PlacementChangeId change);
// Marks the link used; false when it was used already (nothing written).
bool use_consent_link(db::Connection& c, std::int64_t link, const std::string& now);

}  // namespace convene::store
