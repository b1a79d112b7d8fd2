#pragma once
// The decision a selection implies for one proposal, with the reason the selection itself
// gives: forced in or out by the MAG, needed for a quota, held back by a quota or by the
// organisation limit, displaced by the quotas, within or below the cut-off, merged.
// Proposers read this reason in their message and the public in the transparency report.
#include <optional>
#include <string>
#include <vector>

#include "core/selection/selection.hpp"

namespace convene {

// What the stored selection says about one proposal.
struct SelectionStanding {
    bool selected = false;
    double score = 0;  // the proposal's own score
    int slots = 0;
    bool forced_in = false, forced_out = false;
    std::optional<long long> merged_with;  // the other proposal of its merged pair
    std::optional<double> joint_score;     // the pair's score (the mean of both)
    bool entered = false, left = false;    // versus the plain cut-off
    // The selection's causes for entering or leaving (SelectionResult::causes); empty
    // for a selection stored before causes were kept.
    std::vector<SelectionCause> causes;
    // The minimums at their bound, in words: what a displaced proposal made room for.
    std::vector<std::string> binding_minimums;
};

struct SelectionDecision {
    std::string kind;  // accepted or declined
    std::string path;  // forced_in, forced_out, quota, organisation_limit, displaced,
                       // freed, within_cutoff, below_cutoff
    std::string reason;
};

SelectionDecision decision_from_selection(const SelectionStanding& s);

}  // namespace convene
