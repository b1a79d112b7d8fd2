#pragma once
// Who evaluates which proposal: an exact min-cost flow (LEMON's network simplex) over
// source -> evaluator -> (proposal, stakeholder group) -> proposal -> sink.
// Objective, in this order: (1) fill as many of the k places of every proposal as
// possible; (2) balance the load: minimise the sum over evaluators of load squared;
// (3) maximise the sum of stated preferences (weights are counted to 1/1000).
// Eligible pairs: same issue-area group when both have groups, no declared conflict,
// the evaluator not of the proposal's organisations and not one of its people.
// At most ceil(k/2) evaluators of one stakeholder group on a proposal.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace convene {

struct AssignmentInstance {
    int per_proposal = 5;  // k
    struct Proposal {
        std::string id, group;
        std::vector<std::string> organisations, people;
    };
    struct Evaluator {
        std::string id, organisation, stakeholder_group;
        std::vector<std::string> groups;
        int max_load = 0;
    };
    struct Preference {
        std::string evaluator, proposal;
        double weight = 0;
    };
    std::vector<Proposal> proposals;
    std::vector<Evaluator> evaluators;
    std::vector<std::pair<std::string, std::string>> conflicts;  // evaluator, proposal
    std::vector<Preference> preferences;
};

struct AssignmentPair {
    std::string evaluator, proposal;
    bool operator==(const AssignmentPair&) const = default;
};

struct Unfilled {
    std::string proposal;
    int missing = 0;
    std::string reason;
};

struct AssignmentResult {
    std::vector<AssignmentPair> assignments;  // by proposal, then evaluator, as in the input
    std::vector<Unfilled> unfilled;
    long long filled = 0, load_squares = 0;
    double preference = 0;
};

// Reads the JSON instance; throws InputError naming the member at fault
// (duplicate ids, unknown ids in conflicts and preferences, wrong types).
AssignmentInstance assignment_instance_from_json(const nlohmann::json& j);

// Why an evaluator may never take a proposal (declared conflicts aside): the proposal's
// issue area is not one of theirs, they are named on it, or their organisation proposes it.
enum class Ineligible { other_issue_area, named_on_proposal, proposing_organisation };
std::optional<Ineligible> ineligibility(const AssignmentInstance::Evaluator& e,
                                        const AssignmentInstance::Proposal& p);
bool eligible(const AssignmentInstance::Evaluator& e, const AssignmentInstance::Proposal& p);
// At most this many evaluators of one stakeholder group on a proposal: ceil(k/2).
int group_cap(int per_proposal);

// From this many eligible pairs on, assign() solves over a few of them first and prices
// the rest (assignment_network.hpp): the same optimum, on a network a tenth the size.
inline constexpr std::size_t restricted_solve_from = 200000;
// Independent parts of the instance (issue areas that share no evaluator) are solved apart
// and in parallel, for the same optimum as the whole; `whole` solves them as one, for checks.
enum class Parts { apart, whole };
AssignmentResult assign(const AssignmentInstance& instance,
                        std::size_t restricted_from = restricted_solve_from,
                        Parts parts = Parts::apart);

// After `evaluator` declares a conflict with `proposal`: the pair goes, every other
// assignment stays, and the freed place goes to the eligible evaluator who keeps the
// objective best (lowest load, then highest preference, then first in the input).
AssignmentResult reassign_after_conflict(const AssignmentInstance& instance,
                                         const std::vector<AssignmentPair>& current,
                                         const std::string& evaluator, const std::string& proposal);

// The objective of any assignment of the instance (for checks and reports).
void score_assignment(const AssignmentInstance& instance, AssignmentResult& result);
// The places any assignment of the instance leaves open, with their reasons, as assign()
// reports them.
void explain_unfilled(const AssignmentInstance& instance, AssignmentResult& result);

nlohmann::json to_json(const AssignmentResult& result);

}  // namespace convene
