// Setting an edition's call for proposals, shared by the page and the API.
#include "web/call/actions.hpp"

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/editions/edition.hpp"
#include "http/error.hpp"
#include "store/proposals/submissions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

std::vector<std::string> lines(const std::string& text) {
    return split_items(text, "");
}

std::string joined(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& item : list) out += item + "\n";
    return out;
}

// "flash | Flash session | 30" per line.
std::string formats_text(const Call& call) {
    std::string out;
    for (const auto& f : call.formats) {
        out += f.code + " | " + f.name + " |";
        for (std::size_t i = 0; i < f.durations.size(); ++i)
            out += (i ? ", " : " ") + std::to_string(f.durations[i]);
        out += "\n";
    }
    return out;
}

// Reads the page's form into the call's JSON shape, so one reader checks both.
nlohmann::json call_json_from_form(const http::Form& f, FieldErrors& errors) {
    nlohmann::json j = {{"opens_at", f.get("opens_at")},
                        {"closes_at", f.get("closes_at")},
                        {"session_types", f.all("session_types")},
                        {"tags", lines(f.get("tags"))},
                        {"policy_questions", lines(f.get("policy_questions"))},
                        {"sdgs", f.all("sdgs")}};
    nlohmann::json formats = nlohmann::json::array();
    for (const auto& line : lines(f.get("formats"))) {
        auto parts = split_items(line, "|", true);
        nlohmann::json durations = nlohmann::json::array();
        bool ok = parts.size() == 3 && !parts[0].empty();
        if (ok)
            for (const auto& d : split_items(parts[2], ",")) {
                if (d.size() > 3 || d.find_first_not_of("0123456789") != std::string::npos) {
                    ok = false;
                    break;
                }
                durations.push_back(std::stoi(d));
            }
        if (!ok) {
            errors.push_back({"formats", say("call.formats.malformed_line", {{"line", line}})});
            continue;
        }
        formats.push_back({{"code", parts[0]}, {"name", parts[1]}, {"durations", durations}});
    }
    j["formats"] = formats;
    nlohmann::json limits = nlohmann::json::object();
    for (const char* name : {"title_characters", "description_words", "text_words",
                             "text_characters", "max_people_per_role"}) {
        auto v = trim(f.get(name));
        if (v.empty()) continue;
        if (v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos)
            errors.push_back({std::string("limits.") + name, say("call.limits_are_whole_numbers")});
        else
            limits[name] = std::stoi(v);
    }
    j["limits"] = limits;
    return j;
}

Call checked_call(const nlohmann::json& j, FieldErrors& errors) {
    auto call = call_from_json(j, errors);
    for (auto& e : validate_call(call)) errors.push_back(e);
    return call;
}

nlohmann::json call_view(Exchange& ex, const Call& call, std::string_view zone) {
    auto j = to_json(call);
    auto state = call_state(call, ex.now());
    j["state"] = std::string(call_state_code(state));
    j["state_sentence"] = call_state_sentence(call, state, zone);
    return j;
}

http::Response call_page(Exchange& ex, const store::Edition& e, const Call& call,
                         const FieldErrors& errors, int status) {
    auto form_errors = errors;
    for (auto& err : form_errors) {
        if (err.field.rfind("limits.", 0) == 0) err.field = err.field.substr(7);
        if (err.field.rfind("formats[", 0) == 0) err.field = "formats";
    }
    nlohmann::json types = nlohmann::json::array();
    for (const auto& t : standard_session_types())
        types.push_back(
            {{"code", t.code}, {"name", t.name}, {"checked", offers_session_type(call, t.code)}});
    nlohmann::json sdgs = nlohmann::json::array();
    for (const auto& s : sustainable_development_goals())
        sdgs.push_back(
            {{"name", s},
             {"id", "sdg-" + std::to_string(sdgs.size() + 1)},
             {"checked", std::find(call.sdgs.begin(), call.sdgs.end(), s) != call.sdgs.end()}});
    auto number = [&](const char* name, const std::string& label, int value) {
        return field_view(name, label, std::to_string(value), form_errors, "number", true);
    };
    nlohmann::json view = {
        {"title", say("page.call.title", {{"edition", e.name}})},
        {"edition", e.name},
        {"edition_id", e.id},
        {"state_sentence", call_state_sentence(call, call_state(call, ex.now()), e.time_zone)},
        // The instant the sentence names, for the reader's own time beside it.
        {"state_at",
         call_state(call, ex.now()) == CallState::not_yet_open ? call.opens_at : call.closes_at},
        {"zone", e.time_zone},
        {"errors", error_summary(form_errors)},
        {"has_errors", !form_errors.empty()},
        {"time_fields",
         {field_view("opens_at", say("call.opens_utc"), call.opens_at, form_errors, "text", true,
                     say("call.format_2027_02_01_00_00")),
          field_view("closes_at", say("call.closes_utc"), call.closes_at, form_errors, "text", true,
                     say("call.format_2027_04_15_23_59"))}},
        {"session_types", types},
        {"sdgs", sdgs},
        {"list_fields",
         {field_view("formats", say("call.formats"), formats_text(call), form_errors, "textarea",
                     true, say("call.one_per_line_code_name_allowed")),
          field_view("tags", say("call.preset_tags"), joined(call.tags), form_errors, "textarea",
                     false, say("call.one_per_line_proposers_may_also")),
          field_view("policy_questions", say("call.policy_questions"),
                     joined(call.policy_questions), form_errors, "textarea", false,
                     say("call.one_per_line"))}},
        {"limit_fields",
         {number("title_characters", say("call.title_most_characters"),
                 call.limits.title_characters),
          number("description_words", say("call.description_most_words"),
                 call.limits.description_words),
          number("text_words", say("call.other_long_fields_most_words"), call.limits.text_words),
          number("text_characters", say("call.any_long_field_most_characters"),
                 call.limits.text_characters),
          number("max_people_per_role", say("call.most_people_in_each_role_speakers"),
                 call.limits.max_people_per_role)}}};
    return ex.page("call/call", view, status);
}

void store_call(Exchange& ex, const store::Edition& e, const Call& call) {
    store::save_call(ex.db(), e.id, call);
    ex.audit("call.update", "edition " + to_string(e.id), to_json(call));
}

}  // namespace convene::web
