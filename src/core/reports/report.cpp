#include "core/reports/report.hpp"

#include <algorithm>
#include <set>

#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/proposals/proposal_form.hpp"

namespace convene::reports {

namespace {

int int_member(const nlohmann::json& j, const std::string& name, int min, int max) {
    if (!j.is_number_integer() || j.get<std::int64_t>() < min || j.get<std::int64_t>() > max)
        throw InputError(name, say("reports.settings.not_in_range",
                                   {{"name", name}, {"min", min}, {"max", max}}));
    return j.get<int>();
}

std::string text_member(const nlohmann::json& j, const std::string& name, std::size_t max) {
    if (!j.is_string()) throw InputError(name, say("json.member_not_text", {{"name", name}}));
    auto s = j.get<std::string>();
    if (!is_valid_utf8(s) || s.size() > max)
        throw InputError(name, say("reports.text_too_long", {{"name", name}, {"max", max}}));
    return s;
}

bool is_key(const std::string& k) {
    if (k.empty() || k.size() > 40) return false;
    return std::all_of(k.begin(), k.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

void check_words(FieldErrors& errors, const std::string& field, const std::string& label,
                 const std::string& text, int limit) {
    if (limit <= 0) return;
    auto words = count_words(text);
    if (words > static_cast<std::size_t>(limit))
        errors.push_back({field, say("reports.error.words",
                                     {{"field", label}, {"limit", limit}, {"words", words}})});
}

}  // namespace

ReportSettings default_settings() {
    ReportSettings s;
    s.fields = {{"key_issues", say("reports.template.key_issues.label"),
                 say("reports.template.key_issues.hint"), 300},
                {"presentations", say("reports.template.presentations.label"),
                 say("reports.template.presentations.hint"), 1500},
                {"discussions", say("reports.template.discussions.label"),
                 say("reports.template.discussions.hint"), 900},
                {"way_forward", say("reports.template.way_forward.label"),
                 say("reports.template.way_forward.hint"), 900}};
    return s;
}

ReportSettings settings_from_json(const nlohmann::json& j) {
    if (!j.is_object()) throw InputError("", say("reports.settings.not_object"));
    auto s = default_settings();
    for (const auto& [name, v] : j.items()) {
        if (name == "short_hours")
            s.short_hours = int_member(v, name, 1, 24 * 14);
        else if (name == "full_days")
            s.full_days = int_member(v, name, 1, 365);
        else if (name == "short_reminder_hours")
            s.short_reminder_hours = int_member(v, name, 0, 24 * 14);
        else if (name == "full_reminder_days")
            s.full_reminder_days = int_member(v, name, 0, 365);
        else if (name == "key_message_words")
            s.key_message_words = int_member(v, name, 1, max_word_limit);
        else if (name == "speakers_words")
            s.speakers_words = int_member(v, name, 1, max_word_limit);
        else if (name == "fields") {
            if (!v.is_array() || v.empty() || v.size() > max_template_fields)
                throw InputError(
                    "fields", say("reports.settings.fields_count", {{"max", max_template_fields}}));
            s.fields.clear();
            std::set<std::string> keys;
            for (std::size_t i = 0; i < v.size(); ++i) {
                auto at = "fields[" + std::to_string(i) + "]";
                const auto& f = v[i];
                if (!f.is_object())
                    throw InputError(at, say("json.member_not_object", {{"name", at}}));
                TemplateField field;
                for (const auto& [member, value] : f.items()) {
                    if (member == "key")
                        field.key = text_member(value, at + ".key", 40);
                    else if (member == "label")
                        field.label = trim(text_member(value, at + ".label", 200));
                    else if (member == "hint")
                        field.hint = trim(text_member(value, at + ".hint", 1000));
                    else if (member == "word_limit")
                        field.word_limit = value.is_null() ? 0
                                                           : int_member(value, at + ".word_limit",
                                                                        0, max_word_limit);
                    else
                        throw InputError(at + "." + member, say("reports.settings.unknown",
                                                                {{"name", at + "." + member}}));
                }
                if (field.label.empty())
                    throw InputError(at + ".label", say("reports.settings.label_required"));
                if (field.key.empty()) field.key = "field_" + std::to_string(i + 1);
                if (!is_key(field.key)) throw InputError(at + ".key", say("reports.settings.key"));
                if (!keys.insert(field.key).second)
                    throw InputError(at + ".key",
                                     say("reports.settings.key_twice", {{"key", field.key}}));
                s.fields.push_back(std::move(field));
            }
        } else {
            throw InputError(name, say("reports.settings.unknown", {{"name", name}}));
        }
    }
    return s;
}

nlohmann::json to_json(const ReportSettings& s) {
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& f : s.fields)
        fields.push_back(
            {{"key", f.key}, {"label", f.label}, {"hint", f.hint}, {"word_limit", f.word_limit}});
    return {{"fields", fields},
            {"key_message_words", s.key_message_words},
            {"short_hours", s.short_hours},
            {"full_days", s.full_days},
            {"short_reminder_hours", s.short_reminder_hours},
            {"full_reminder_days", s.full_reminder_days},
            {"speakers_words", s.speakers_words}};
}

const std::vector<std::string>& women_present_codes() {
    static const std::vector<std::string> codes{"none", "a_few", "about_a_third", "about_half",
                                                "more_than_half"};
    return codes;
}

const std::vector<std::string>& gender_discussed_codes() {
    static const std::vector<std::string> codes{"not_raised", "mentioned", "main_topic"};
    return codes;
}

nlohmann::json to_json(const ShortReport& r) {
    return {{"key_messages", r.key_messages}};
}

nlohmann::json to_json(const FullReport& r) {
    return {{"fields", r.fields},
            {"speakers", r.speakers},
            {"women_present", r.women_present},
            {"gender_discussed", r.gender_discussed}};
}

ShortReport short_from_json(const nlohmann::json& j) {
    if (!j.is_object()) throw InputError("", say("reports.body.not_object"));
    ShortReport r;
    if (!j.contains("key_messages")) return r;
    const auto& list = j["key_messages"];
    if (!list.is_array())
        throw InputError("key_messages", say("json.member_not_list", {{"name", "key_messages"}}));
    if (list.size() > 50)
        throw InputError("key_messages",
                         say("reports.error.key_messages", {{"max", max_key_messages}}));
    for (std::size_t i = 0; i < list.size(); ++i) {
        auto m = trim(text_member(list[i], "key_messages[" + std::to_string(i) + "]", 20000));
        if (!m.empty()) r.key_messages.push_back(m);
    }
    return r;
}

FullReport full_from_json(const nlohmann::json& j) {
    if (!j.is_object()) throw InputError("", say("reports.body.not_object"));
    FullReport r;
    if (j.contains("fields")) {
        const auto& f = j["fields"];
        if (!f.is_object())
            throw InputError("fields", say("json.member_not_object", {{"name", "fields"}}));
        if (f.size() > max_template_fields * 2)
            throw InputError("fields",
                             say("reports.settings.fields_count", {{"max", max_template_fields}}));
        for (const auto& [key, value] : f.items())
            r.fields[key] = text_member(value, "fields." + key, 200000);
    }
    if (j.contains("speakers")) r.speakers = text_member(j["speakers"], "speakers", 100000);
    if (j.contains("women_present") && !j["women_present"].is_null())
        r.women_present = text_member(j["women_present"], "women_present", 40);
    if (j.contains("gender_discussed") && !j["gender_discussed"].is_null())
        r.gender_discussed = text_member(j["gender_discussed"], "gender_discussed", 40);
    return r;
}

FieldErrors check_short(const ShortReport& r, const ReportSettings& s, bool filing) {
    FieldErrors errors;
    if (r.key_messages.size() > max_key_messages)
        errors.push_back(
            {"key_messages", say("reports.error.key_messages", {{"max", max_key_messages}})});
    for (std::size_t i = 0; i < r.key_messages.size(); ++i)
        check_words(errors, "key_messages[" + std::to_string(i) + "]",
                    say("reports.key_message.label", {{"number", i + 1}}), r.key_messages[i],
                    s.key_message_words);
    if (filing && r.key_messages.empty())
        errors.push_back({"key_messages", say("reports.error.no_key_message")});
    return errors;
}

FieldErrors check_full(const FullReport& r, const ReportSettings& s, bool filing) {
    FieldErrors errors;
    bool any_text = false;
    for (const auto& [key, text] : r.fields) {
        const std::string& field = key;  // clang 14 captures no structured binding
        auto f = std::find_if(s.fields.begin(), s.fields.end(),
                              [&](const TemplateField& t) { return t.key == field; });
        if (f == s.fields.end()) {
            errors.push_back(
                {"fields." + key, say("reports.error.unknown_field", {{"name", key}})});
            continue;
        }
        if (!trim(text).empty()) any_text = true;
        check_words(errors, "fields." + key, f->label, text, f->word_limit);
    }
    check_words(errors, "speakers", say("reports.speakers.label"), r.speakers, s.speakers_words);
    auto known = [](const std::vector<std::string>& codes, const std::string& v) {
        return v.empty() || std::find(codes.begin(), codes.end(), v) != codes.end();
    };
    if (!known(women_present_codes(), r.women_present))
        errors.push_back({"women_present", say("reports.error.women_present")});
    if (!known(gender_discussed_codes(), r.gender_discussed))
        errors.push_back({"gender_discussed", say("reports.error.gender_discussed")});
    if (filing) {
        if (!any_text) {
            auto first = s.fields.empty() ? std::string("fields") : "fields." + s.fields[0].key;
            errors.push_back({first, say("reports.error.no_text")});
        }
        if (r.women_present.empty())
            errors.push_back({"women_present", say("reports.error.card_required")});
        if (r.gender_discussed.empty())
            errors.push_back({"gender_discussed", say("reports.error.card_required")});
    }
    return errors;
}

Deadlines deadlines(const std::string& end, const ReportSettings& s) {
    auto t = parse_utc(end);
    if (!t) return {};
    return {format_utc(*t + std::chrono::hours(s.short_hours)),
            format_utc(*t + std::chrono::hours(24 * s.full_days))};
}

std::string filing_status(const std::optional<std::string>& filed_at, const std::string& due,
                          const std::string& now) {
    if (filed_at) return !due.empty() && *filed_at > due ? "late" : "filed";
    if (!due.empty() && now >= due) return "missing";
    return "due";
}

std::string filing_status(const std::optional<std::string>& filed_at, bool filed_late,
                          const std::string& due, const std::string& now) {
    if (filed_at) return filed_late ? "late" : "filed";
    return filing_status(std::nullopt, due, now);
}

bool full_report_in_time(const std::optional<std::string>& filed_at, bool filed_late,
                         const std::string& due, const std::string& now) {
    if (filed_at) return !filed_late;
    return !now.empty() && !due.empty() && now < due;
}

void Tally::add(const std::string& status) {
    if (status == "filed")
        ++filed;
    else if (status == "late")
        ++late;
    else if (status == "missing")
        ++missing;
    else
        ++due;
}

std::string prefilled_speakers(const std::vector<NamedRole>& people,
                               const std::vector<std::string>& queue_speakers,
                               const std::string& from_the_floor) {
    std::string out;
    std::set<std::string> seen;
    for (const auto& p : people) {
        if (trim(p.name).empty()) continue;
        seen.insert(ascii_lower(trim(p.name)));
        out += trim(p.name) + (p.role.empty() ? "" : " (" + p.role + ")") + "\n";
    }
    for (const auto& name : queue_speakers) {
        auto key = ascii_lower(trim(name));
        if (key.empty() || !seen.insert(key).second) continue;
        out += trim(name) + (from_the_floor.empty() ? "" : " (" + from_the_floor + ")") + "\n";
    }
    return out;
}

int QueueGender::women_turns_percent() const {
    int known = turns - unknown_turns;
    return known > 0 ? (women_turns * 100 + known / 2) / known : -1;
}

int QueueGender::women_speakers_percent() const {
    int known = speakers - unknown_speakers;
    return known > 0 ? (women_speakers * 100 + known / 2) / known : -1;
}

QueueGender queue_gender(const std::vector<QueueTurn>& turns) {
    QueueGender g;
    std::map<std::string, std::string> people;
    for (const auto& t : turns) {
        ++g.turns;
        if (t.gender.empty())
            ++g.unknown_turns;
        else if (t.gender == "woman")
            ++g.women_turns;
        auto& known = people[t.person];
        if (known.empty()) known = t.gender;
    }
    g.speakers = static_cast<int>(people.size());
    for (const auto& [person, gender] : people) {
        if (gender.empty())
            ++g.unknown_speakers;
        else if (gender == "woman")
            ++g.women_speakers;
    }
    return g;
}

}  // namespace convene::reports
