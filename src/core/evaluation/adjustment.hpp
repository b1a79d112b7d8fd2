#pragma once
// The Secretariat's manual changes to a published assignment: one evaluator added to a
// proposal or removed from it. Each change is checked against the rules the assignment
// solver enforces (core/evaluation/assignment), and a refusal names the rule it broke.
#include <optional>
#include <string>
#include <vector>

#include "core/evaluation/assignment.hpp"

namespace convene {

// The process asks for at least three evaluations of each proposal (fewer when the round
// asks for fewer evaluators per proposal): a removal may not go below this.
int minimum_evaluators(int per_proposal);

// What the rules need beyond the instance and the current pairs.
struct AdjustmentState {
    bool round_closed = false;
    bool published = true;  // the assignment has been published to the members
};

// A refused change: the rule's code ("load_cap") and the sentence that names it.
struct Refusal {
    std::string rule;
    std::string message;
};

// Adding `evaluator` to `proposal`. Rules, in order: round_closed, not_published,
// proposal_not_in_round, not_a_member, already_assigned, declared_conflict,
// named_on_proposal, proposing_organisation, other_issue_area, load_cap,
// stakeholder_balance. Ids are the instance's.
std::optional<Refusal> check_addition(const AssignmentInstance& in,
                                      const std::vector<AssignmentPair>& current,
                                      const std::string& evaluator, const std::string& proposal,
                                      const AdjustmentState& state);

// Removing `evaluator` from `proposal`. Rules: round_closed, not_published, not_assigned,
// minimum_evaluators, then submitted_evaluation unless `confirmed` (their submitted
// evaluation is discarded with them).
std::optional<Refusal> check_removal(const AssignmentInstance& in,
                                     const std::vector<AssignmentPair>& current,
                                     const std::string& evaluator, const std::string& proposal,
                                     const AdjustmentState& state, bool has_submitted,
                                     bool confirmed);

}  // namespace convene
