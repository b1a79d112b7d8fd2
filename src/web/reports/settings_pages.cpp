// The edition's report template and deadlines, set by its Secretariat: the full report's
// fields (label, hint, word limit), the words of a key message, and when the short and
// the full report are due after the session's end. A page and GET/PUT under /api/v1.
#include <set>
#include <string>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "http/form.hpp"
#include "store/reports/reports.hpp"
#include "web/reports/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

constexpr int blank_rows = 2;

std::string key_of(const std::string& label, const std::set<std::string>& taken) {
    std::string key;
    for (char c : ascii_lower(label)) {
        bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum)
            key += c;
        else if (!key.empty() && key.back() != '_')
            key += '_';
        if (key.size() >= 30) break;
    }
    while (!key.empty() && key.back() == '_') key.pop_back();
    if (key.empty()) key = "field";
    auto candidate = key;
    for (int i = 2; taken.count(candidate); ++i) candidate = key + "_" + std::to_string(i);
    return candidate;
}

struct TypedSettings {
    nlohmann::json json;
    FieldErrors errors;
};

// The form as the API's JSON, with the boxes that are not whole numbers named.
TypedSettings settings_from_form(const http::Form& form) {
    TypedSettings out;
    auto& j = out.json;
    j = nlohmann::json::object();
    for (const char* name : {"short_hours", "full_days", "short_reminder_hours",
                             "full_reminder_days", "key_message_words"}) {
        auto typed = trim(form.get(name));
        auto n = typed_whole_number(typed, name, -1, out.errors);
        if (n >= 0) j[name] = n;
    }
    nlohmann::json fields = nlohmann::json::array();
    std::set<std::string> taken;
    for (int i = 0; i < 40; ++i) {
        auto n = std::to_string(i);
        if (!form.has("label_" + n)) continue;
        auto label = trim(form.get("label_" + n));
        if (label.empty()) continue;
        auto key = trim(form.get("key_" + n));
        if (key.empty() || taken.count(key)) key = key_of(label, taken);
        taken.insert(key);
        int words = typed_whole_number(form.get("words_" + n), "words_" + n, 0, out.errors);
        fields.push_back({{"key", key},
                          {"label", label},
                          {"hint", trim(form.get("hint_" + n))},
                          {"word_limit", words}});
    }
    j["fields"] = fields;
    return out;
}

http::Response settings_page(Exchange& ex, const store::Edition& e,
                             const reports::ReportSettings& s, const FieldErrors& errors,
                             int status, const http::Form* typed = nullptr) {
    // A number as typed when the form comes back with errors, else as stored.
    auto number = [&](const char* name, int stored) {
        return typed ? typed->get(name) : std::to_string(stored);
    };
    nlohmann::json rows = nlohmann::json::array();
    auto row = [&](std::size_t i, const reports::TemplateField& f) {
        auto n = std::to_string(i);
        rows.push_back(
            {{"number", i + 1},
             {"key", f.key},
             {"key_name", "key_" + n},
             {"label", field_view("label_" + n, say("reports.settings.field_label"), f.label,
                                  errors, "text")},
             {"words", field_view("words_" + n, say("reports.settings.field_words"),
                                  f.word_limit > 0 ? std::to_string(f.word_limit) : "", errors,
                                  "text", false, say("reports.settings.field_words_hint"))},
             {"hint", field_view("hint_" + n, say("reports.settings.field_hint"), f.hint, errors,
                                 "text")}});
    };
    for (std::size_t i = 0; i < s.fields.size(); ++i) row(i, s.fields[i]);
    for (int i = 0; i < blank_rows; ++i) row(s.fields.size() + i, {});
    nlohmann::json view = {
        {"title", say("page.reports.settings.title", {{"edition", e.name}})},
        {"edition", edition_view(e)},
        {"short_hours", field_view("short_hours", say("reports.settings.short_hours"),
                                   number("short_hours", s.short_hours), errors, "text", true,
                                   say("reports.settings.short_hours_hint"))},
        {"full_days", field_view("full_days", say("reports.settings.full_days"),
                                 number("full_days", s.full_days), errors, "text", true,
                                 say("reports.settings.full_days_hint"))},
        {"short_reminder_hours",
         field_view("short_reminder_hours", say("reports.settings.short_reminder_hours"),
                    number("short_reminder_hours", s.short_reminder_hours), errors, "text", true,
                    say("reports.settings.short_reminder_hours_hint"))},
        {"full_reminder_days",
         field_view("full_reminder_days", say("reports.settings.full_reminder_days"),
                    number("full_reminder_days", s.full_reminder_days), errors, "text", true,
                    say("reports.settings.full_reminder_days_hint"))},
        {"key_message_words",
         field_view("key_message_words", say("reports.settings.key_message_words"),
                    number("key_message_words", s.key_message_words), errors, "text", true)},
        {"rows", rows},
        {"saved", ex.request.query_param("saved") == "1"},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()}};
    return ex.page("reports/settings", view, status);
}

// The form's name for a member of the settings JSON ("fields[1].word_limit" -> "words_1").
std::string form_name(const std::string& field) {
    if (field == "fields") return "label_0";
    if (field.rfind("fields[", 0) != 0) return field;
    auto close = field.find(']');
    auto n = field.substr(7, close - 7);
    if (field.find(".word_limit") != std::string::npos) return "words_" + n;
    if (field.find(".hint") != std::string::npos) return "hint_" + n;
    return "label_" + n;
}

}  // namespace

http::Response report_settings_page(Exchange& ex) {
    auto e = managed_edition(ex);
    return settings_page(ex, e, store::report_settings(ex.db(), e.id), {}, 200);
}

http::Response report_settings_save(Exchange& ex) {
    auto e = managed_edition(ex);
    auto typed = settings_from_form(ex.form());
    reports::ReportSettings s;
    try {
        s = reports::settings_from_json(typed.json);
    } catch (const InputError& err) {
        typed.errors.push_back({form_name(err.field()), err.message()});
    }
    if (!typed.errors.empty()) {
        // Shown again as typed: the fields read so far, the numbers as they were.
        auto shown = store::report_settings(ex.db(), e.id);
        shown.fields.clear();
        for (const auto& f : typed.json["fields"])
            shown.fields.push_back({f["key"].get<std::string>(), f["label"].get<std::string>(),
                                    f["hint"].get<std::string>(), f["word_limit"].get<int>()});
        return settings_page(ex, e, shown, typed.errors, 422, &ex.form());
    }
    store::set_report_settings(ex.db(), e.id, s);
    ex.audit("reports.settings", "edition " + to_string(e.id), reports::to_json(s));
    return http::Response::redirect(edition_url(e, "/reports/settings?saved=1"));
}

http::Response api_report_settings_show(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(reports::to_json(store::report_settings(ex.db(), e.id)));
}

http::Response api_report_settings_save(Exchange& ex) {
    auto e = managed_edition(ex);
    auto body = http::parse_json_body(ex.request);
    reports::ReportSettings s;
    try {
        s = reports::settings_from_json(body);
    } catch (const InputError& err) {
        throw http::unprocessable({err.as_field_error()});
    }
    store::set_report_settings(ex.db(), e.id, s);
    ex.audit("reports.settings", "edition " + to_string(e.id), reports::to_json(s));
    return http::Response::json(reports::to_json(s));
}

}  // namespace convene::web
