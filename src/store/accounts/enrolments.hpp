#pragma once
// Enrolment of an existing account as a MAG member of an edition: an invitation the
// account accepts (by a single-use link, signed in as the invited account), so an
// edition's Secretariat cannot give roles to accounts that did not ask for them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "database/database.hpp"

namespace convene::store {

struct Enrolment {
    EnrolmentId id;
    EditionId edition_id;
    AccountId account_id;
    std::string person;  // the member's details (JSON), added to people on acceptance
    std::string expires_at, accepted_at;
};

void create_enrolment(db::Connection& c, EditionId edition, AccountId account,
                      const std::string& person, const std::string& token_hash, AccountId by,
                      const std::string& now, const std::string& expires_at);
// Until when an unused enrolment of the account to the edition works, when one waits.
std::optional<std::string> pending_enrolment(db::Connection& c, EditionId edition,
                                             AccountId account, const std::string& now);
std::optional<Enrolment> find_enrolment(db::Connection& c, const std::string& token_hash);
// Uses the enrolment once; false when it was used already.
bool accept_enrolment(db::Connection& c, EnrolmentId id, const std::string& now);

struct PendingEnrolment {
    std::string name, email, expires_at;
};
std::vector<PendingEnrolment> pending_enrolments(db::Connection& c, EditionId edition,
                                                 const std::string& now);

}  // namespace convene::store
