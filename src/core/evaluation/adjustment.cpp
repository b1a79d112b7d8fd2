#include "core/evaluation/adjustment.hpp"

#include <algorithm>
#include <map>

#include "core/common/messages.hpp"

namespace convene {

int minimum_evaluators(int per_proposal) {
    return std::min(3, per_proposal);
}

namespace {

Refusal refuse(const std::string& rule, const MessageParams& values = {}) {
    return {rule, say("assignment.adjust." + rule, values)};
}

const AssignmentInstance::Evaluator* find_evaluator(const AssignmentInstance& in,
                                                    const std::string& id) {
    for (const auto& e : in.evaluators)
        if (e.id == id) return &e;
    return nullptr;
}

const AssignmentInstance::Proposal* find_proposal(const AssignmentInstance& in,
                                                  const std::string& id) {
    for (const auto& p : in.proposals)
        if (p.id == id) return &p;
    return nullptr;
}

bool assigned(const std::vector<AssignmentPair>& current, const std::string& evaluator,
              const std::string& proposal) {
    return std::find(current.begin(), current.end(), AssignmentPair{evaluator, proposal}) !=
           current.end();
}

std::optional<Refusal> round_rules(const AdjustmentState& state) {
    if (state.round_closed) return refuse("round_closed");
    if (!state.published) return refuse("not_published");
    return std::nullopt;
}

}  // namespace

std::optional<Refusal> check_addition(const AssignmentInstance& in,
                                      const std::vector<AssignmentPair>& current,
                                      const std::string& evaluator, const std::string& proposal,
                                      const AdjustmentState& state) {
    if (auto r = round_rules(state)) return r;
    const auto* p = find_proposal(in, proposal);
    if (!p) return refuse("proposal_not_in_round");
    const auto* e = find_evaluator(in, evaluator);
    if (!e) return refuse("not_a_member");
    if (assigned(current, evaluator, proposal)) return refuse("already_assigned");
    for (const auto& [ce, cp] : in.conflicts)
        if (ce == evaluator && cp == proposal) return refuse("declared_conflict");
    if (auto why = ineligibility(*e, *p)) switch (*why) {
            case Ineligible::named_on_proposal:
                return refuse("named_on_proposal");
            case Ineligible::proposing_organisation:
                return refuse("proposing_organisation", {{"organisation", e->organisation}});
            case Ineligible::other_issue_area:
                return refuse("other_issue_area", {{"group", p->group}});
        }
    int load = 0, same_group = 0;
    std::map<std::string, std::string> group_of;
    for (const auto& x : in.evaluators) group_of[x.id] = x.stakeholder_group;
    for (const auto& a : current) {
        load += a.evaluator == evaluator;
        if (a.proposal == proposal && !e->stakeholder_group.empty() &&
            group_of[a.evaluator] == e->stakeholder_group)
            ++same_group;
    }
    if (load >= e->max_load) return refuse("load_cap", {{"load", load}, {"cap", e->max_load}});
    if (!e->stakeholder_group.empty() && same_group >= group_cap(in.per_proposal))
        return refuse("stakeholder_balance", {{"cap", group_cap(in.per_proposal)}});
    return std::nullopt;
}

std::optional<Refusal> check_removal(const AssignmentInstance& in,
                                     const std::vector<AssignmentPair>& current,
                                     const std::string& evaluator, const std::string& proposal,
                                     const AdjustmentState& state, bool has_submitted,
                                     bool confirmed) {
    if (auto r = round_rules(state)) return r;
    if (!assigned(current, evaluator, proposal)) return refuse("not_assigned");
    auto left = std::count_if(current.begin(), current.end(),
                              [&](const AssignmentPair& a) { return a.proposal == proposal; }) -
                1;
    auto minimum = minimum_evaluators(in.per_proposal);
    if (left < minimum) return refuse("minimum_evaluators", {{"minimum", minimum}, {"left", left}});
    if (has_submitted && !confirmed) return refuse("submitted_evaluation");
    return std::nullopt;
}

}  // namespace convene
