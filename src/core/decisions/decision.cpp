#include "core/decisions/decision.hpp"

#include <algorithm>
#include <cstdio>

#include "core/common/text.hpp"

namespace convene {

const std::vector<DecisionKind>& decision_kinds() {
    static const std::vector<DecisionKind> all = {
        {"accepted", "Accepted"},
        {"conditional", "Accepted on conditions"},
        {"declined", "Declined"},
        {"moved", "Moved to another theme"},
        {"lightning", "Offered a lightning talk"},
    };
    return all;
}

const std::vector<DecisionKind>& decision_conditions() {
    static const std::vector<DecisionKind> all = {
        {"merge", "Merge with another proposal"},
        {"speakers", "Complete and confirm the speakers"},
        {"diversity", "Improve the diversity of speakers"},
        {"other", "Other (described in the note)"},
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
        errors.push_back({name, std::string(name) + " must be text."});
        return "";
    }
    return trim(j[name].get<std::string>());
}

}  // namespace

Decision decision_from_json(const nlohmann::json& j, FieldErrors& errors) {
    Decision d;
    if (!j.is_object()) {
        errors.push_back({"decision", "The decision must be an object."});
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
            errors.push_back({"conditions", "Conditions must be a list."});
        else
            for (const auto& c : j["conditions"]) {
                if (!c.is_string()) {
                    errors.push_back({"conditions", "Each condition must be text."});
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
                errors.push_back({"merge_with", "Merge with: give the proposal's number."});
        } else if (!m.is_string())
            errors.push_back({"merge_with", "Merge with: give the proposal's number."});
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
        errors.push_back({"kind",
                          "Choose a decision: accepted, conditional, declined, moved or "
                          "lightning."});
        return errors;
    }
    if (d.reason.empty())
        errors.push_back({"reason", "Give the reason for the decision; it is published."});
    else if (d.reason.size() > 2000)
        errors.push_back({"reason", "The reason is at most 2,000 characters."});
    if (d.condition_note.size() > 2000)
        errors.push_back({"condition_note", "The note is at most 2,000 characters."});
    if (d.kind == "conditional") {
        if (d.conditions.empty())
            errors.push_back({"conditions", "Choose at least one condition."});
        for (const auto& c : d.conditions)
            if (!known(decision_conditions(), c))
                errors.push_back({"conditions", c + " is not a condition."});
        bool merge =
            std::find(d.conditions.begin(), d.conditions.end(), "merge") != d.conditions.end();
        if (merge && !d.merge_with)
            errors.push_back({"merge_with", "Name the proposal to merge with."});
        if (d.merge_with) {
            if (*d.merge_with == own_number)
                errors.push_back({"merge_with", "A proposal cannot merge with itself."});
            else if (std::find(numbers.begin(), numbers.end(), *d.merge_with) == numbers.end())
                errors.push_back({"merge_with", "There is no proposal " +
                                                    std::to_string(*d.merge_with) +
                                                    " in this edition."});
        }
        if (std::find(d.conditions.begin(), d.conditions.end(), "other") != d.conditions.end() &&
            d.condition_note.empty())
            errors.push_back({"condition_note", "Describe the other condition."});
        if (d.due_date.empty())
            errors.push_back({"due_date", "Give the date by which the conditions must be met."});
        else if (!is_iso_date(d.due_date))
            errors.push_back({"due_date", "The due date must be a date like 2027-06-30."});
        if (!d.outcome.empty() && d.outcome != "accepted" && d.outcome != "declined")
            errors.push_back({"outcome", "The outcome is accepted or declined."});
    } else if (!d.outcome.empty()) {
        errors.push_back({"outcome", "Only a conditional acceptance has an outcome."});
    }
    if (d.kind == "moved") {
        if (d.new_theme.empty())
            errors.push_back({"new_theme", "Choose the theme the session moves to."});
        else if (std::find(themes.begin(), themes.end(), d.new_theme) == themes.end())
            errors.push_back({"new_theme", d.new_theme + " is not a theme of this edition."});
        else if (d.new_theme == current_theme)
            errors.push_back({"new_theme", "The session is already in " + current_theme + "."});
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

const std::map<std::string, std::string>& standard_decision_texts() {
    static const std::map<std::string, std::string> all = {
        {"accepted",
         "Dear organisers,\n\nWe are glad to tell you that your proposal \"{{title}}\" (number "
         "{{number}}) has been accepted for {{edition}}.\n\nReason: {{reason}}\n\nWhat the "
         "evaluators wrote:\n{{comments}}\n\nThe Secretariat"},
        {"conditional",
         "Dear organisers,\n\nYour proposal \"{{title}}\" (number {{number}}) has been accepted "
         "for {{edition}} on these conditions, to be met by {{due_date}}:\n{{conditions}}\n\n"
         "Reason: {{reason}}\n\nWhat the evaluators wrote:\n{{comments}}\n\nThe Secretariat"},
        {"declined",
         "Dear organisers,\n\nThank you for proposing \"{{title}}\" (number {{number}}). We regret "
         "that it could not be selected for {{edition}}.\n\nReason: {{reason}}\n\nWhat the "
         "evaluators wrote:\n{{comments}}\n\nThe Secretariat"},
        {"moved",
         "Dear organisers,\n\nYour proposal \"{{title}}\" (number {{number}}) has been accepted "
         "for {{edition}} in the theme {{theme}}.\n\nReason: {{reason}}\n\nWhat the evaluators "
         "wrote:\n{{comments}}\n\nThe Secretariat"},
        {"lightning",
         "Dear organisers,\n\nYour proposal \"{{title}}\" (number {{number}}) could not take a "
         "workshop slot at {{edition}}; we offer you a lightning talk instead.\n\nReason: "
         "{{reason}}\n\nWhat the evaluators wrote:\n{{comments}}\n\nThe Secretariat"},
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
        errors.push_back({"texts", "The texts must be an object of kind: text."});
        return texts;
    }
    for (const auto& [kind, value] : j.items()) {
        auto field = "texts." + kind;
        if (!texts.count(kind)) {
            errors.push_back({field, kind + " is not a decision."});
            continue;
        }
        if (!value.is_string() || trim(value.get<std::string>()).empty()) {
            errors.push_back({field, "The " + decision_label(kind) + " text cannot be empty."});
            continue;
        }
        auto text = value.get<std::string>();
        if (text.size() > 10000) {
            errors.push_back(
                {field, "The " + decision_label(kind) + " text is at most 10,000 characters."});
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
                errors.push_back({field, "{{" + name + (end == std::string::npos ? "" : "}}") +
                                             " is not a placeholder; use " + list + "."});
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
    char text[64];
    std::snprintf(text, sizeof text, "%.3f", score);
    std::string out = text;
    while (out.size() > 2 && out.back() == '0' && out[out.size() - 2] != '.') out.pop_back();
    return out;
}

}  // namespace convene
