#pragma once
// The Secretariat's manual changes to the published assignment, shared by the page and
// the API: one MAG member added to a proposal or removed from it, the assignment's rules
// checked (core/evaluation/adjustment), each change audited.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/common/ids.hpp"
#include "core/evaluation/adjustment.hpp"
#include "store/editions/editions.hpp"

namespace convene::web {

class Exchange;

// A proposal of the edition in the path (or of its own edition, for the API); 404 when
// there is none, 403 unless the Secretariat of its edition asks.
struct AssignmentTarget {
    store::Edition edition;
    ProposalId proposal;
    std::int64_t number = 0;
    std::string title, theme;
};
AssignmentTarget assignment_target(Exchange& ex, ProposalId proposal);

// The proposal's evaluators with their work so far, the members who could be added and
// the round's state (page and API).
nlohmann::json proposal_assignment_view(Exchange& ex, const AssignmentTarget& t);

// Adds the member (published at once: it appears on their list); the refusal otherwise.
std::optional<Refusal> add_evaluator(Exchange& ex, const AssignmentTarget& t, AccountId account);

// Removes the member; a submitted evaluation is discarded only when `confirmed`.
struct Removal {
    std::optional<Refusal> refused;
    bool discarded_evaluation = false;
};
Removal remove_evaluator(Exchange& ex, const AssignmentTarget& t, AccountId account,
                         bool confirmed);

// The name of a member of the edition ("" when the account is not one).
std::string member_name(Exchange& ex, const store::Edition& e, AccountId account);

}  // namespace convene::web
