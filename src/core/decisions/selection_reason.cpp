#include "core/decisions/selection_reason.hpp"

#include "core/common/messages.hpp"
#include "core/decisions/decision.hpp"
#include "core/selection/selection.hpp"

namespace convene {

namespace {

bool has_cause(const nlohmann::json& causes, const char* cause) {
    for (const auto& c : causes)
        if (c.value("cause", "") == cause) return true;
    return false;
}

// The first rule of a cause that is not the slots (every left proposal is held back by them).
const nlohmann::json* rule_of(const nlohmann::json& causes, const char* cause) {
    for (const auto& c : causes)
        if (c.value("cause", "") == cause && c.contains("rule") && c["rule"].is_object() &&
            !c["rule"].contains("slots"))
            return &c["rule"];
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
    if (s.selected && (s.forced_in || has_cause(s.causes, "forced_in"))) {
        d.path = "forced_in";
    } else if (!s.selected && (s.forced_out || has_cause(s.causes, "forced_out"))) {
        d.path = s.left ? "forced_out_above" : "forced_out";
    } else if (s.selected && s.entered) {
        if (const auto* rule = rule_of(s.causes, "needed_for")) {
            d.path = "quota";
            args.emplace_back("rule", selection_rule_words(*rule));
        } else {
            d.path = "freed";
        }
    } else if (!s.selected && s.left) {
        const auto* rule = rule_of(s.causes, "held_back_by");
        if (rule && rule->contains("max_per_organisation")) {
            d.path = "organisation_limit";
            args.emplace_back("most", rule->value("max_per_organisation", 1));
            args.emplace_back("organisation", rule->value("organisation", ""));
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
