#include "core/decisions/decision.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"

namespace convene {

const std::vector<DecisionKind>& decision_kinds() {
    static const std::vector<DecisionKind> all = {
        {"accepted", say("decisions.kind.accepted")},
        {"conditional", say("decisions.kind.conditional")},
        {"declined", say("decisions.kind.declined")},
        {"moved", say("decisions.kind.moved")},
        {"lightning", say("decisions.kind.lightning")},
    };
    return all;
}

const std::vector<DecisionKind>& decision_conditions() {
    static const std::vector<DecisionKind> all = {
        {"merge", say("decisions.condition.merge")},
        {"speakers", say("decisions.condition.speakers")},
        {"diversity", say("decisions.condition.diversity")},
        {"other", say("decisions.condition.other")},
    };
    return all;
}

std::string decision_label(const std::string& kind) {
    for (const auto& k : decision_kinds())
        if (k.code == kind) return k.label;
    return kind;
}

namespace {

bool known(const std::vector<DecisionKind>& list, const std::string& code) {
    return std::any_of(list.begin(), list.end(), [&](const auto& k) { return k.code == code; });
}

std::string text_member(const nlohmann::json& j, const char* name, FieldErrors& errors) {
    if (!j.contains(name) || j[name].is_null()) return "";
    if (!j[name].is_string()) {
        errors.push_back({name, say("decisions.member_not_text", {{"name", name}})});
        return "";
    }
    return trim(j[name].get<std::string>());
}

}  // namespace

Decision decision_from_json(const nlohmann::json& j, FieldErrors& errors) {
    Decision d;
    if (!j.is_object()) {
        errors.push_back({"decision", say("decisions.not_object")});
        return d;
    }
    d.kind = text_member(j, "kind", errors);
    d.reason = text_member(j, "reason", errors);
    d.condition_note = text_member(j, "condition_note", errors);
    d.due_date = text_member(j, "due_date", errors);
    d.new_theme = text_member(j, "new_theme", errors);
    d.outcome = text_member(j, "outcome", errors);
    if (j.contains("conditions") && !j["conditions"].is_null()) {
        if (!j["conditions"].is_array())
            errors.push_back({"conditions", say("decisions.conditions_not_list")});
        else
            for (const auto& c : j["conditions"]) {
                if (!c.is_string()) {
                    errors.push_back({"conditions", say("decisions.condition_not_text")});
                    continue;
                }
                d.conditions.push_back(c);
            }
    }
    if (j.contains("merge_with") && !j["merge_with"].is_null()) {
        const auto& m = j["merge_with"];
        if (m.is_number_integer())
            d.merge_with = m.get<long long>();
        else if (m.is_string() && !trim(m.get<std::string>()).empty()) {
            try {
                std::size_t used = 0;
                auto s = trim(m.get<std::string>());
                d.merge_with = std::stoll(s, &used);
                if (used != s.size()) d.merge_with.reset();
            } catch (const std::exception&) {  // not a number, or out of range
                d.merge_with.reset();
            }
            if (!d.merge_with)
                errors.push_back({"merge_with", say("decisions.merge_with_not_number")});
        } else if (!m.is_string())
            errors.push_back({"merge_with", say("decisions.merge_with_not_number")});
    }
    return d;
}

nlohmann::json to_json(const Decision& d) {
    nlohmann::json j = {{"kind", d.kind},
                        {"label", decision_label(effective_kind(d))},
                        {"reason", d.reason},
                        {"conditions", d.conditions},
                        {"merge_with", d.merge_with ? nlohmann::json(*d.merge_with) : nullptr},
                        {"condition_note", d.condition_note},
                        {"due_date", d.due_date},
                        {"new_theme", d.new_theme},
                        {"outcome", d.outcome}};
    return j;
}

FieldErrors check_decision(const Decision& d, const std::vector<std::string>& themes,
                           const std::string& current_theme, const std::vector<long long>& numbers,
                           long long own_number) {
    FieldErrors errors;
    if (!known(decision_kinds(), d.kind)) {
        errors.push_back({"kind", say("decisions.kind_invalid")});
        return errors;
    }
    if (d.reason.empty())
        errors.push_back({"reason", say("decisions.reason_missing")});
    else if (d.reason.size() > 2000)
        errors.push_back({"reason", say("decisions.reason_too_long")});
    if (d.condition_note.size() > 2000)
        errors.push_back({"condition_note", say("decisions.note_too_long")});
    if (d.kind == "conditional") {
        if (d.conditions.empty())
            errors.push_back({"conditions", say("decisions.conditions_missing")});
        for (const auto& c : d.conditions)
            if (!known(decision_conditions(), c))
                errors.push_back(
                    {"conditions", say("decisions.condition_unknown", {{"condition", c}})});
        bool merge =
            std::find(d.conditions.begin(), d.conditions.end(), "merge") != d.conditions.end();
        if (merge && !d.merge_with)
            errors.push_back({"merge_with", say("decisions.merge_with_missing")});
        if (d.merge_with) {
            if (*d.merge_with == own_number)
                errors.push_back({"merge_with", say("decisions.merge_with_itself")});
            else if (std::find(numbers.begin(), numbers.end(), *d.merge_with) == numbers.end())
                errors.push_back({"merge_with", say("decisions.merge_with_unknown",
                                                    {{"number", *d.merge_with}})});
        }
        if (std::find(d.conditions.begin(), d.conditions.end(), "other") != d.conditions.end() &&
            d.condition_note.empty())
            errors.push_back({"condition_note", say("decisions.other_condition_missing")});
        if (d.due_date.empty())
            errors.push_back({"due_date", say("decisions.due_date_missing")});
        else if (!is_iso_date(d.due_date))
            errors.push_back({"due_date", say("decisions.due_date_invalid")});
        if (!d.outcome.empty() && d.outcome != "accepted" && d.outcome != "declined")
            errors.push_back({"outcome", say("decisions.outcome_invalid")});
    } else if (!d.outcome.empty()) {
        errors.push_back({"outcome", say("decisions.outcome_not_conditional")});
    }
    if (d.kind == "moved") {
        if (d.new_theme.empty())
            errors.push_back({"new_theme", say("decisions.new_theme_missing")});
        else if (std::find(themes.begin(), themes.end(), d.new_theme) == themes.end())
            errors.push_back(
                {"new_theme", say("decisions.new_theme_unknown", {{"theme", d.new_theme}})});
        else if (d.new_theme == current_theme)
            errors.push_back(
                {"new_theme", say("decisions.new_theme_same", {{"theme", current_theme}})});
    }
    return errors;
}

std::string effective_kind(const Decision& d) {
    if (d.kind == "conditional" && !d.outcome.empty()) return d.outcome;
    return d.kind;
}

bool in_programme(const Decision& d) {
    auto k = effective_kind(d);
    return k == "accepted" || k == "moved" || k == "conditional";
}

namespace {

// A standard text keeps its {{placeholders}} for fill_text, so it is read as written, not said.
std::string standard_text(std::string_view key) {
    for (const auto& [k, text] : message_catalog())
        if (k == key) return text;
    throw std::logic_error("no message " + std::string(key) + " in en.json");
}

}  // namespace

const std::map<std::string, std::string>& standard_decision_texts() {
    static const std::map<std::string, std::string> all = {
        {"accepted", standard_text("decisions.text.accepted")},
        {"conditional", standard_text("decisions.text.conditional")},
        {"declined", standard_text("decisions.text.declined")},
        {"moved", standard_text("decisions.text.moved")},
        {"lightning", standard_text("decisions.text.lightning")},
    };
    return all;
}

const std::vector<std::string>& decision_placeholders() {
    static const std::vector<std::string> all = {"title",    "number",   "edition",
                                                 "reason",   "comments", "conditions",
                                                 "due_date", "theme",    "decision"};
    return all;
}

std::map<std::string, std::string> decision_texts_from_json(
    const nlohmann::json& j, std::map<std::string, std::string> texts, FieldErrors& errors) {
    if (j.is_null()) return texts;
    if (!j.is_object()) {
        errors.push_back({"texts", say("decisions.texts_not_object")});
        return texts;
    }
    for (const auto& [kind, value] : j.items()) {
        auto field = "texts." + kind;
        if (!texts.count(kind)) {
            errors.push_back({field, say("decisions.texts_unknown_kind", {{"kind", kind}})});
            continue;
        }
        if (!value.is_string() || trim(value.get<std::string>()).empty()) {
            errors.push_back(
                {field, say("decisions.text_empty", {{"decision", decision_label(kind)}})});
            continue;
        }
        auto text = value.get<std::string>();
        if (text.size() > 10000) {
            errors.push_back(
                {field, say("decisions.text_too_long", {{"decision", decision_label(kind)}})});
            continue;
        }
        bool ok = true;
        for (std::size_t at = text.find("{{"); at != std::string::npos;
             at = text.find("{{", at + 2)) {
            auto end = text.find("}}", at);
            auto name =
                end == std::string::npos ? text.substr(at) : text.substr(at + 2, end - at - 2);
            const auto& known = decision_placeholders();
            if (end == std::string::npos ||
                std::find(known.begin(), known.end(), name) == known.end()) {
                std::string list;
                for (const auto& k : known) list += (list.empty() ? "{{" : ", {{") + k + "}}";
                errors.push_back(
                    {field,
                     say("decisions.text_placeholder_unknown",
                         {{"placeholder", "{{" + name + (end == std::string::npos ? "" : "}}")},
                          {"known", list}})});
                ok = false;
                break;
            }
        }
        if (ok) texts[kind] = text;
    }
    return texts;
}

std::string fill_text(const std::string& text, const std::map<std::string, std::string>& values) {
    std::string out;
    std::size_t at = 0;
    while (true) {
        auto open = text.find("{{", at);
        if (open == std::string::npos) break;
        auto close = text.find("}}", open);
        if (close == std::string::npos) break;
        auto it = values.find(text.substr(open + 2, close - open - 2));
        out += text.substr(at, open - at);
        out += it == values.end() ? text.substr(open, close + 2 - open) : it->second;
        at = close + 2;
    }
    return out + text.substr(at);
}

std::string score_words(double score) {
    return decimal_text(score);
}

}  // namespace convene
