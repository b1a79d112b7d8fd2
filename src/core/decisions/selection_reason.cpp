#include "core/decisions/selection_reason.hpp"

#include "core/common/messages.hpp"
#include "core/decisions/decision.hpp"
#include "core/selection/selection.hpp"

namespace convene {

namespace {

using Cause = SelectionCause::Kind;

bool has_cause(const std::vector<SelectionCause>& causes, Cause kind) {
    for (const auto& c : causes)
        if (c.kind == kind) return true;
    return false;
}

// The first rule of a cause that is not the slots (every left proposal is held back by them).
const SelectionRule* rule_of(const std::vector<SelectionCause>& causes, Cause kind) {
    for (const auto& c : causes)
        if (c.kind == kind && c.rule && c.rule->kind != SelectionRule::Kind::slots) return &*c.rule;
    return nullptr;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : "; ") + w;
    return out;
}

}  // namespace

SelectionDecision decision_from_selection(const SelectionStanding& s) {
    SelectionDecision d;
    d.kind = s.selected ? "accepted" : "declined";
    MessageParams args = {{"score", score_words(s.score)}, {"slots", s.slots}};
    // The MAG's own choice comes first: it overrides every score and rule.
    if (s.selected && (s.forced_in || has_cause(s.causes, Cause::forced_in))) {
        d.path = "forced_in";
    } else if (!s.selected && (s.forced_out || has_cause(s.causes, Cause::forced_out))) {
        d.path = s.left ? "forced_out_above" : "forced_out";
    } else if (s.selected && s.entered) {
        if (const auto* rule = rule_of(s.causes, Cause::needed_for)) {
            d.path = "quota";
            args.emplace_back("rule", selection_rule_words(*rule));
        } else {
            d.path = "freed";
        }
    } else if (!s.selected && s.left) {
        const auto* rule = rule_of(s.causes, Cause::held_back_by);
        if (rule && rule->kind == SelectionRule::Kind::per_organisation) {
            d.path = "organisation_limit";
            args.emplace_back("most", rule->most);
            args.emplace_back("organisation", rule->organisation);
        } else if (rule) {
            d.path = "quota_full";
            args.emplace_back("rule", selection_rule_words(*rule));
        } else {
            d.path = "displaced";
            args.emplace_back("rules", s.binding_minimums.empty()
                                           ? say("decisions.reason.the_rules")
                                           : joined(s.binding_minimums));
        }
    } else {
        d.path = s.selected ? "within_cutoff" : "below_cutoff";
    }
    d.reason = say("decisions.reason." + d.path, args);
    if (s.merged_with)
        d.reason += " " + say("decisions.reason.merged",
                              {{"other", *s.merged_with},
                               {"joint", score_words(s.joint_score.value_or(s.score))}});
    if (d.path == "forced_out_above") d.path = "forced_out";
    return d;
}

}  // namespace convene
