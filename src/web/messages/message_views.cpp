#include "web/messages/message_views.hpp"

#include <algorithm>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/people/country.hpp"
#include "core/people/people.hpp"
#include "web/site/exchange.hpp"
#include "web/site/markdown.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

// The slots of the form that hold a position, in order: the k-th position of the draft
// was typed in slot slots[k].
std::vector<std::size_t> filled_slots(const http::Form& form) {
    std::vector<std::size_t> out;
    for (std::size_t i = 1; i <= messages::max_positions; ++i) {
        auto n = std::to_string(i);
        if (!trim(form.get("position_" + n + "_text")).empty() ||
            !form.all("position_" + n + "_groups").empty())
            out.push_back(i);
    }
    return out;
}

// Core names positions[k].text; the form names the slot it was typed in.
FieldErrors as_form_fields(const FieldErrors& errors, const http::Form* typed) {
    std::vector<std::size_t> slots;
    if (typed) slots = filled_slots(*typed);
    FieldErrors out;
    for (auto e : errors) {
        if (e.field.rfind("positions[", 0) == 0) {
            auto close = e.field.find(']');
            auto k = static_cast<std::size_t>(std::stoul(e.field.substr(10, close - 10)));
            auto slot = k < slots.size() ? slots[k] : k + 1;
            auto member = e.field.substr(close + 2);  // "text" or "groups"
            e.field = "position_" + std::to_string(slot) + "_" + member;
        } else if (e.field.rfind("citations[", 0) == 0) {
            e.field = "citations";
        }
        out.push_back(std::move(e));
    }
    return out;
}

std::string stance_label(const std::string& stance) {
    return stance == "diverging" ? say("messages.stance.diverging")
                                 : say("messages.stance.converging");
}

}  // namespace

std::string groups_text(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes)
        out += (out.empty() ? "" : ", ") + std::string(choice_label(stakeholder_groups(), c));
    return out;
}

nlohmann::json group_options(const std::string& current) {
    std::vector<std::pair<std::string, std::string>> choices = {{"", say("messages.choose")}};
    for (const auto& g : stakeholder_groups())
        choices.emplace_back(std::string(g.code), std::string(g.label));
    return options_view(choices, current);
}

nlohmann::json region_options(const std::string& current) {
    std::vector<std::pair<std::string, std::string>> choices = {{"", say("messages.choose")}};
    for (auto r : messages::regions())
        choices.emplace_back(std::string(r), std::string(regional_group_label(r)));
    return options_view(choices, current);
}

nlohmann::json message_view(const store::Edition& e, const store::StoredMessage& msg) {
    nlohmann::json paragraphs = nlohmann::json::array();
    int n = 0;
    for (const auto& p : messages::paragraphs(msg.draft.body)) {
        ++n;
        paragraphs.push_back({{"number", n},
                              {"html", markdown_html(p)},
                              {"anchor", "m" + to_string(msg.id) + "-p" + std::to_string(n)}});
    }
    nlohmann::json positions = nlohmann::json::array();
    n = 0;
    for (const auto& p : msg.draft.positions)
        positions.push_back({{"number", ++n}, {"text", p.text}, {"groups", groups_text(p.groups)}});
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto& c : msg.cited)
        sessions.push_back({{"code", c.code},
                            {"title", c.title},
                            {"url", session_url(e, c.code)},
                            {"quote", c.quote}});
    bool diverging = msg.draft.stance == "diverging";
    return {{"id", msg.id},
            {"url", message_url(e.id, msg.id)},
            {"anchor", "message-" + to_string(msg.id)},
            {"title", msg.draft.title},
            {"theme", msg.theme_name},
            {"theme_id", msg.theme},
            {"stance", msg.draft.stance},
            {"stance_label", stance_label(msg.draft.stance)},
            {"diverging", diverging},
            {"paragraphs", paragraphs},
            {"positions", positions},
            {"has_positions", !positions.empty()},
            {"sessions", sessions},
            {"session_count", sessions.size()},
            {"updated_by", msg.updated_by},
            {"version", msg.version}};
}

nlohmann::json message_form_view(Exchange& ex, const store::Edition& e,
                                 const messages::Draft& stored, const http::Form* typed,
                                 const FieldErrors& core_errors) {
    auto errors = as_form_fields(core_errors, typed);
    auto value = [&](const char* name, const std::string& s) {
        return typed ? typed->get(name) : s;
    };
    std::vector<messages::TypedCitation> lines;
    if (!typed) {
        auto sessions = store::citable_sessions(ex.db(), e.id);
        for (const auto& c : stored.citations) {
            auto at = std::find_if(sessions.begin(), sessions.end(),
                                   [&](const auto& s) { return s.id == c.session; });
            if (at != sessions.end()) lines.push_back({at->code, c.quote});
        }
    }
    auto stance = value("stance", stored.stance);
    nlohmann::json positions = nlohmann::json::array();
    for (std::size_t i = 1; i <= 4 || i <= stored.positions.size(); ++i) {
        if (i > messages::max_positions) break;
        auto n = std::to_string(i);
        const messages::Position* p =
            i <= stored.positions.size() ? &stored.positions[i - 1] : nullptr;
        auto text_name = "position_" + n + "_text", groups_name = "position_" + n + "_groups";
        auto text = typed ? typed->get(text_name) : (p ? p->text : "");
        auto chosen =
            typed ? typed->all(groups_name) : (p ? p->groups : std::vector<std::string>{});
        nlohmann::json groups = nlohmann::json::array();
        for (const auto& g : stakeholder_groups())
            groups.push_back(
                {{"value", g.code},
                 {"label", g.label},
                 {"id", groups_name + "-" + std::string(g.code)},
                 {"checked", std::find(chosen.begin(), chosen.end(), g.code) != chosen.end()}});
        std::string groups_error;
        for (const auto& err : errors)
            if (err.field == groups_name) groups_error = err.message;
        positions.push_back(
            {{"number", i},
             {"text", field_view(text_name, say("messages.field.position_n", {{"n", i}}), text,
                                 errors, "textarea")},
             {"groups_name", groups_name},
             {"groups", groups},
             {"groups_error", groups_error}});
    }
    return {{"title", field_view("title", say("messages.field.title"), value("title", stored.title),
                                 errors, "text", true)},
            {"body", field_view("body", say("messages.field.body"), value("body", stored.body),
                                errors, "textarea", true, say("messages.field.body_hint"))},
            {"citations", field_view("citations", say("messages.field.citations"),
                                     value("citations", messages::citations_text(lines)), errors,
                                     "textarea", true, say("messages.field.citations_hint"))},
            {"converging", stance != "diverging"},
            {"diverging", stance == "diverging"},
            {"stance_error",
             [&] {
                 for (const auto& err : errors)
                     if (err.field == "stance" || err.field == "positions") return err.message;
                 return std::string();
             }()},
            {"positions", positions},
            {"errors", error_summary(errors)},
            {"has_errors", !errors.empty()}};
}

nlohmann::json session_choices_view(Exchange& ex, const store::Edition& e, ThemeId theme) {
    auto sessions = store::citable_sessions(ex.db(), e.id);
    std::stable_partition(sessions.begin(), sessions.end(),
                          [&](const auto& s) { return s.theme && *s.theme == theme; });
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : sessions)
        out.push_back(
            {{"code", s.code}, {"title", s.title}, {"in_theme", s.theme && *s.theme == theme}});
    return out;
}

}  // namespace convene::web
