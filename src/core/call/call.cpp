#include "core/call/call.hpp"

#include <algorithm>

#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/common/times.hpp"
#include "core/editions/edition.hpp"

namespace convene {

const std::vector<SessionFormat>& standard_formats() {
    static const std::vector<SessionFormat> all = {
        {"panel", say("format.panel"), {60, 90}},
        {"roundtable", say("format.roundtable"), {60, 90}},
        {"break_out", say("format.break_out"), {60, 90}},
        {"debate", say("format.debate"), {60, 90}},
        {"birds_of_a_feather", say("format.birds_of_a_feather"), {30}},
        {"flash", say("format.flash"), {30}},
        {"open_discussion", say("format.open_discussion"), {60, 90}},
        {"other", say("format.other"), {60, 90}},
    };
    return all;
}

const std::vector<std::string>& sustainable_development_goals() {
    static const std::vector<std::string> all = {
        say("sdg.1"),  say("sdg.2"),  say("sdg.3"),  say("sdg.4"),  say("sdg.5"),  say("sdg.6"),
        say("sdg.7"),  say("sdg.8"),  say("sdg.9"),  say("sdg.10"), say("sdg.11"), say("sdg.12"),
        say("sdg.13"), say("sdg.14"), say("sdg.15"), say("sdg.16"), say("sdg.17"),
    };
    return all;
}

Call standard_call() {
    Call call;
    for (const auto& t : standard_session_types())
        if (t.code != "main_session") call.session_types.push_back(t.code);
    call.formats = standard_formats();
    call.sdgs = sustainable_development_goals();
    return call;
}

CallState call_state(const Call& call, const std::string& now) {
    if (call.opens_at.empty() || call.closes_at.empty()) return CallState::not_scheduled;
    if (now < call.opens_at) return CallState::not_yet_open;
    if (now >= call.closes_at) return CallState::closed;
    return CallState::open;
}

std::string_view call_state_code(CallState state) {
    switch (state) {
        case CallState::not_scheduled:
            return "not_scheduled";
        case CallState::not_yet_open:
            return "not_yet_open";
        case CallState::open:
            return "open";
        case CallState::closed:
            return "closed";
    }
    return "not_scheduled";
}

std::string call_state_sentence(const Call& call, CallState state, std::string_view zone) {
    switch (state) {
        case CallState::not_scheduled:
            return say("call.state.not_scheduled");
        case CallState::not_yet_open:
            return say("call.state.not_yet_open",
                       {{"opens_at", stored_time(call.opens_at, zone).text}});
        case CallState::open:
            return say("call.state.open", {{"closes_at", stored_time(call.closes_at, zone).text}});
        case CallState::closed:
            return say("call.state.closed",
                       {{"closes_at", stored_time(call.closes_at, zone).text}});
    }
    return {};
}

std::string normalise_utc(std::string_view text) {
    auto t = trim(text);
    if (t.empty()) return {};
    if (t.back() == 'Z' || t.back() == 'z') t.pop_back();
    if (t.size() >= 11 && (t[10] == ' ' || t[10] == 't')) t[10] = 'T';
    if (t.size() == 16) t += ":00";  // no seconds
    t += "Z";
    return parse_utc(t) ? t : std::string{};
}

namespace {

void read_list(const nlohmann::json& j, const char* name, std::vector<std::string>& out,
               FieldErrors& errors) {
    if (!j.contains(name)) return;
    const auto& v = j[name];
    if (!v.is_array()) {
        errors.push_back({name, say("json.not_list_of_texts", {{"name", name}})});
        return;
    }
    out.clear();
    for (const auto& item : v) {
        if (!item.is_string()) {
            errors.push_back({name, say("json.not_list_of_texts", {{"name", name}})});
            return;
        }
        auto text = trim(item.get<std::string>());
        if (!text.empty() && std::find(out.begin(), out.end(), text) == out.end())
            out.push_back(text);
    }
}

void read_time(const nlohmann::json& j, const char* name, std::string& out, FieldErrors& errors) {
    if (!j.contains(name) || j[name].is_null()) return;
    if (!j[name].is_string()) {
        errors.push_back({name, say("json.not_utc_time", {{"name", name}})});
        return;
    }
    auto raw = j[name].get<std::string>();
    out = normalise_utc(raw);
    if (out.empty() && !trim(raw).empty())
        errors.push_back({name, say("json.not_utc_time", {{"name", name}})});
}

void read_limit(const nlohmann::json& j, const char* name, int& out, FieldErrors& errors) {
    if (!j.contains(name)) return;
    if (!j[name].is_number_integer() || j[name].get<long long>() < 1 ||
        j[name].get<long long>() > 100000) {
        errors.push_back(
            {std::string("limits.") + name,
             say("call.limit.out_of_range", {{"name", std::string("limits.") + name}})});
        return;
    }
    out = j[name].get<int>();
}

}  // namespace

Call call_from_json(const nlohmann::json& j, FieldErrors& errors) {
    Call call = standard_call();
    if (!j.is_object()) {
        errors.push_back({"call", say("call.not_object")});
        return call;
    }
    static const std::vector<std::string> known = {
        "opens_at",         "closes_at", "session_types", "formats", "tags",
        "policy_questions", "sdgs",      "limits",        "state",   "state_sentence"};
    for (const auto& [name, v] : j.items())
        if (std::find(known.begin(), known.end(), name) == known.end())
            errors.push_back({name, say("call.unknown_setting", {{"name", name}})});
    read_time(j, "opens_at", call.opens_at, errors);
    read_time(j, "closes_at", call.closes_at, errors);
    read_list(j, "session_types", call.session_types, errors);
    read_list(j, "tags", call.tags, errors);
    read_list(j, "policy_questions", call.policy_questions, errors);
    read_list(j, "sdgs", call.sdgs, errors);
    if (j.contains("formats")) {
        const auto& formats = j["formats"];
        if (!formats.is_array()) {
            errors.push_back({"formats", say("json.not_list", {{"name", "formats"}})});
        } else {
            call.formats.clear();
            for (std::size_t i = 0; i < formats.size(); ++i) {
                auto where = "formats[" + std::to_string(i) + "]";
                const auto& f = formats[i];
                if (!f.is_object() || !f.contains("code") || !f["code"].is_string()) {
                    errors.push_back({where, say("call.format.no_code", {{"where", where}})});
                    continue;
                }
                SessionFormat format;
                format.code = f["code"].get<std::string>();
                format.name = format.code;
                if (f.contains("name") && !f["name"].is_null()) {
                    if (!f["name"].is_string()) {
                        errors.push_back(
                            {where + ".name", say("json.not_a_text", {{"name", where + ".name"}})});
                        continue;
                    }
                    format.name = f["name"].get<std::string>();
                }
                if (f.contains("durations")) {
                    if (!f["durations"].is_array()) {
                        errors.push_back(
                            {where + ".durations", say("call.format.durations_not_list",
                                                       {{"name", where + ".durations"}})});
                        continue;
                    }
                    for (const auto& d : f["durations"]) {
                        if (!d.is_number_integer()) {
                            errors.push_back(
                                {where + ".durations", say("call.format.durations_not_list",
                                                           {{"name", where + ".durations"}})});
                            break;
                        }
                        format.durations.push_back(d.get<int>());
                    }
                }
                call.formats.push_back(std::move(format));
            }
        }
    }
    if (j.contains("limits")) {
        const auto& l = j["limits"];
        if (!l.is_object()) {
            errors.push_back({"limits", say("json.not_object", {{"name", "limits"}})});
        } else {
            read_limit(l, "title_characters", call.limits.title_characters, errors);
            read_limit(l, "description_words", call.limits.description_words, errors);
            read_limit(l, "text_words", call.limits.text_words, errors);
            read_limit(l, "text_characters", call.limits.text_characters, errors);
            read_limit(l, "max_people_per_role", call.limits.max_people_per_role, errors);
        }
    }
    return call;
}

nlohmann::json to_json(const Call& call) {
    nlohmann::json formats = nlohmann::json::array();
    for (const auto& f : call.formats)
        formats.push_back({{"code", f.code}, {"name", f.name}, {"durations", f.durations}});
    return {
        {"opens_at", call.opens_at.empty() ? nlohmann::json() : nlohmann::json(call.opens_at)},
        {"closes_at", call.closes_at.empty() ? nlohmann::json() : nlohmann::json(call.closes_at)},
        {"session_types", call.session_types},
        {"formats", formats},
        {"tags", call.tags},
        {"policy_questions", call.policy_questions},
        {"sdgs", call.sdgs},
        {"limits",
         {{"title_characters", call.limits.title_characters},
          {"description_words", call.limits.description_words},
          {"text_words", call.limits.text_words},
          {"text_characters", call.limits.text_characters},
          {"max_people_per_role", call.limits.max_people_per_role}}}};
}

FieldErrors validate_call(const Call& call) {
    FieldErrors errors;
    if (call.opens_at.empty() != call.closes_at.empty())
        errors.push_back(
            {call.opens_at.empty() ? "opens_at" : "closes_at", say("call.times.both_or_neither")});
    else if (!call.opens_at.empty() && call.closes_at <= call.opens_at)
        errors.push_back({"closes_at", say("call.closes_before_opening")});
    if (call.session_types.empty())
        errors.push_back({"session_types", say("call.session_types.none")});
    for (const auto& code : call.session_types) {
        bool known = std::any_of(standard_session_types().begin(), standard_session_types().end(),
                                 [&](const auto& t) { return t.code == code; });
        if (!known)
            errors.push_back({"session_types", say("call.session_type.unknown", {{"code", code}})});
    }
    if (call.formats.empty()) errors.push_back({"formats", say("call.formats.none")});
    for (std::size_t i = 0; i < call.formats.size(); ++i) {
        const auto& f = call.formats[i];
        auto where = "formats[" + std::to_string(i) + "]";
        if (trim(f.code).empty())
            errors.push_back({where, say("call.format.no_code", {{"where", where}})});
        if (f.durations.empty())
            errors.push_back(
                {where + ".durations", say("call.format.no_duration", {{"format", f.name}})});
        for (int d : f.durations)
            if (d < 5 || d > 480)
                errors.push_back({where + ".durations",
                                  say("call.format.duration_out_of_range", {{"format", f.name}})});
    }
    for (const auto* list : {&call.tags, &call.policy_questions, &call.sdgs})
        for (const auto& item : *list)
            if (auto e = check_text({"list", say("field.list_item"), false, 300}, item)) {
                errors.push_back({list == &call.tags               ? "tags"
                                  : list == &call.policy_questions ? "policy_questions"
                                                                   : "sdgs",
                                  e->message});
                break;
            }
    return errors;
}

const SessionFormat* find_format(const Call& call, const std::string& code) {
    for (const auto& f : call.formats)
        if (f.code == code) return &f;
    return nullptr;
}

std::string format_label(const Call& call, const std::string& code) {
    if (const auto* f = find_format(call, code)) return f->name;
    for (const auto& f : standard_formats())
        if (f.code == code) return f.name;
    return code_words(code);
}

std::string session_type_label(const std::string& code) {
    for (const auto& t : standard_session_types())
        if (t.code == code) return t.name;
    return code_words(code);
}

bool offers_session_type(const Call& call, const std::string& code) {
    return std::find(call.session_types.begin(), call.session_types.end(), code) !=
           call.session_types.end();
}

}  // namespace convene
