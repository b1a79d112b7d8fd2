// The selection's rules and causes in the words the MAG uses ("at least 40 from
// developing countries", "held back by: at most 1 per organisation (ISOC)").
#include <string>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/people/country.hpp"
#include "core/people/people.hpp"
#include "core/selection/selection.hpp"

namespace convene {

namespace {

std::string text_of(const AttributeValue& v) {
    return std::visit(
        [](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::string>)
                return x;
            else if constexpr (std::is_same_v<T, bool>)
                return x ? "true" : "false";
            else if constexpr (std::is_same_v<T, double>)
                return decimal_text(x);
            else
                return std::to_string(x);
        },
        v.value);
}

// Whom a quota counts: "from developing countries".
std::string who(const std::string& attribute, const AttributeValue& value) {
    const auto* flag = std::get_if<bool>(&value.value);
    const auto* code = std::get_if<std::string>(&value.value);
    if ((attribute == "developing" || attribute == "first_time") && flag)
        return say("selection.words." + attribute + (*flag ? ".yes" : ".no"));
    if (attribute == "regional_group" && code)
        return say("selection.words.region", {{"region", regional_group_label(*code)}});
    if (attribute == "stakeholder_group" && code) {
        auto label = choice_label(stakeholder_groups(), *code);
        return say("selection.words.group", {{"group", label.empty() ? *code : label}});
    }
    return say("selection.words.other", {{"attribute", attribute}, {"value", text_of(value)}});
}

std::string bounds(const SelectionRule& rule) {
    if (rule.min && rule.max)
        return say("selection.words.between", {{"min", *rule.min}, {"max", *rule.max}});
    if (rule.min) return say("selection.words.at_least", {{"min", *rule.min}});
    if (rule.max) return say("selection.words.at_most", {{"max", *rule.max}});
    return say("selection.words.any_number");
}

}  // namespace

std::string to_string(const SelectionKey& key) {
    return key.is_number() ? std::to_string(key.number()) : std::get<std::string>(key.value);
}

std::string selection_rule_words(const SelectionRule& rule) {
    using Kind = SelectionRule::Kind;
    switch (rule.kind) {
        case Kind::slots:
            return say("selection.words.slots", {{"most", rule.most}});
        case Kind::per_organisation:
            return rule.organisation.empty()
                       ? say("selection.rules.per_organisation", {{"most", rule.most}})
                       : say("selection.words.per_organisation",
                             {{"most", rule.most}, {"organisation", rule.organisation}});
        case Kind::forced_in:
            return say("selection.words.forced_in", {{"proposal", to_string(rule.proposal)}});
        case Kind::forced_out:
            return say("selection.words.forced_out", {{"proposal", to_string(rule.proposal)}});
        case Kind::quota:
            break;
    }
    if (rule.attribute.empty())
        return say("selection.words.theme", {{"bounds", bounds(rule)}, {"theme", rule.theme}});
    return say("selection.words.quota",
               {{"bounds", bounds(rule)}, {"who", who(rule.attribute, rule.value)}});
}

std::vector<std::string> cause_words(const std::vector<SelectionCause>& causes) {
    using Kind = SelectionCause::Kind;
    std::vector<std::string> out;
    for (const auto& c : causes) switch (c.kind) {
            case Kind::forced_in:
                out.push_back(say("selection.why.forced_in"));
                break;
            case Kind::forced_out:
                out.push_back(say("selection.why.forced_out"));
                break;
            case Kind::needed_for:
            case Kind::held_back_by:
                out.push_back(say(c.kind == Kind::needed_for ? "selection.why.needed_for"
                                                             : "selection.why.held_back_by",
                                  {{"rule", c.rule ? selection_rule_words(*c.rule) : ""}}));
                break;
            case Kind::freed:
                out.push_back(say("selection.why.freed"));
                break;
            case Kind::displaced:
                out.push_back(say("selection.why.displaced"));
                break;
        }
    return out;
}

}  // namespace convene
