#pragma once
// The min-cost flow behind assign() (assignment.hpp), internal to core/evaluation: who may
// take which proposal, and the cheapest flow over those pairs. Pure: no I/O.
#include <cstddef>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/evaluation/assignment.hpp"

namespace convene::assignment_network {

struct PairHash {
    std::size_t operator()(const std::pair<std::size_t, std::size_t>& p) const {
        return std::hash<std::size_t>()(p.first * 1000003u ^ p.second);
    }
};

// Everything the solver and the report need about which pairs may go together, by index
// in the instance: (evaluator, proposal).
struct Candidates {
    std::vector<std::vector<std::size_t>> of_proposal;  // evaluator indexes, input order
    std::unordered_map<std::pair<std::size_t, std::size_t>, long long, PairHash> preference;
};

// The (evaluator, proposal) pairs of a cheapest flow, by proposal then evaluator in input
// order.
struct Flow {
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
};

// The exact optimum over every candidate pair. From `restricted_from` candidate pairs on,
// it is found over a few of them first (each proposal's preferred evaluators and a spread
// of the others), then priced: every pair left out whose reduced cost under that solution's
// potentials is negative joins, and the network is solved again, until none is. The flow
// is then optimal over all pairs (linear programming duality), on a network a tenth the size.
// With `apart`, the instance's independent parts (no candidate pair between them, as issue
// areas whose evaluators take no other) are solved apart, on the machine's cores: each
// part's optimum together is the whole one, as the objective is a sum over parts.
Flow cheapest_flow(const AssignmentInstance& in, const Candidates& cand,
                   std::size_t restricted_from, bool apart);

}  // namespace convene::assignment_network
