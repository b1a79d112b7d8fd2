// The selection's rules in the words the MAG uses ("at least 40 from developing
// countries"), for the explanation of a selection and for conflicting constraints.
#include <string>

#include "core/people/country.hpp"
#include "core/people/people.hpp"
#include "core/selection/selection.hpp"

namespace convene {

namespace {

std::string text_of(const nlohmann::json& v) {
    return v.is_string() ? v.get<std::string>() : v.dump();
}

std::string who(const std::string& attribute, const nlohmann::json& value) {
    if (attribute == "developing" && value.is_boolean())
        return value.get<bool>() ? "from developing countries" : "from developed countries";
    if (attribute == "first_time" && value.is_boolean())
        return value.get<bool>() ? "from first-time proposers" : "from returning proposers";
    if (attribute == "regional_group" && value.is_string())
        return "from the " + std::string(regional_group_label(value.get<std::string>()));
    if (attribute == "stakeholder_group" && value.is_string()) {
        auto label = choice_label(stakeholder_groups(), value.get<std::string>());
        return "from " + (label.empty() ? value.get<std::string>() : std::string(label));
    }
    return "with " + attribute + " " + text_of(value);
}

std::string bounds(const nlohmann::json& rule) {
    auto n = [&](const char* key) { return std::to_string(rule[key].get<long long>()); };
    bool lo = rule.contains("min") && rule["min"].is_number_integer();
    bool hi = rule.contains("max") && rule["max"].is_number_integer();
    if (lo && hi) return "between " + n("min") + " and " + n("max");
    if (lo) return "at least " + n("min");
    if (hi) return "at most " + n("max");
    return "any number";
}

}  // namespace

std::string selection_rule_words(const nlohmann::json& rule) {
    if (!rule.is_object()) return text_of(rule);
    if (rule.contains("slots"))
        return "at most " + text_of(rule["slots"]) + " sessions, the slots available";
    if (rule.contains("max_per_organisation"))
        return "at most " + text_of(rule["max_per_organisation"]) + " per organisation (" +
               text_of(rule.value("organisation", nlohmann::json(""))) + ")";
    if (rule.contains("forced_in")) return "proposal " + text_of(rule["forced_in"]) + " forced in";
    if (rule.contains("forced_out"))
        return "proposal " + text_of(rule["forced_out"]) + " forced out";
    if (rule.contains("theme")) return bounds(rule) + " in the theme " + text_of(rule["theme"]);
    if (rule.contains("attribute") && rule["attribute"].is_string())
        return bounds(rule) + " " + who(rule["attribute"], rule.value("value", nlohmann::json()));
    return rule.dump();
}

}  // namespace convene
