// The filing page of a session's report (the rapporteur's, the organisers' and the
// Secretariat's): the short report (up to three key messages) and the full report (the
// edition's template, the speakers prefilled, the gender report card with the queue's
// figures beside it), each saved as a draft or filed, with its deadline, and every
// version kept. Nothing typed is lost: over the limits it comes back with the fields
// named (and is kept as a draft), over a newer version it comes back with the newer one
// shown beside it (and is kept as a version), after an expired sign-in it is refilled.
#include <string>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "web/reports/handlers.hpp"
#include "web/reports/report_actions.hpp"
#include "web/reports/report_context.hpp"
#include "web/site/exchange.hpp"
#include "web/site/kept.hpp"
#include "web/site/markdown.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

// The form's names for the core's fields: key_messages[1] -> key_message_2,
// fields.discussions -> field_discussions.
FieldErrors form_errors(const FieldErrors& errors) {
    FieldErrors out;
    for (auto e : errors) {
        if (e.field == "key_messages")
            e.field = "key_message_1";
        else if (e.field.rfind("key_messages[", 0) == 0)
            e.field = "key_message_" +
                      std::to_string(std::stoi(e.field.substr(13, e.field.find(']') - 13)) + 1);
        else if (e.field.rfind("fields.", 0) == 0)
            e.field = "field_" + e.field.substr(7);
        out.push_back(std::move(e));
    }
    return out;
}

reports::ShortReport short_from_form(const http::Form& form) {
    reports::ShortReport r;
    for (int i = 1; i <= static_cast<int>(reports::max_key_messages); ++i) {
        auto m = trim(form.get("key_message_" + std::to_string(i)));
        if (!m.empty()) r.key_messages.push_back(m);
    }
    return r;
}

reports::FullReport full_from_form(const http::Form& form, const reports::ReportSettings& s) {
    reports::FullReport r;
    for (const auto& f : s.fields) r.fields[f.key] = form.get("field_" + f.key);
    r.speakers = form.get("speakers");
    r.women_present = form.get("women_present");
    r.gender_discussed = form.get("gender_discussed");
    return r;
}

std::int64_t version_in(const http::Form& form) {
    auto v = trim(form.get("version"));
    if (v.empty() || v.size() > 12 || v.find_first_not_of("0123456789") != std::string::npos)
        throw http::unprocessable({{"version", say("reports.error.version")}});
    return std::stoll(v);
}

// What one part of the page shows besides the stored report.
struct PartState {
    std::optional<reports::ShortReport> short_typed;
    std::optional<reports::FullReport> full_typed;
    std::optional<std::int64_t> version;
    FieldErrors errors;
    bool conflict = false;
    bool restored = false;
};

nlohmann::json options(const std::vector<std::string>& codes, const std::string& prefix,
                       const std::string& name, const std::string& current) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : codes)
        out.push_back({{"value", c},
                       {"id", "field-" + name + "-" + c},
                       {"label", code_label(prefix, c)},
                       {"checked", c == current}});
    return out;
}

nlohmann::json error_of(const FieldErrors& errors, const std::string& field) {
    for (const auto& e : errors)
        if (e.field == field) return e.message;
    return nullptr;
}

// The full report as saved now (draft or filed), beside what a stale save typed.
nlohmann::json current_full_view(const ReportTarget& t) {
    nlohmann::json sections = nlohmann::json::array();
    for (const auto& f : t.settings.fields) {
        auto at = t.report.full_report.fields.find(f.key);
        if (at == t.report.full_report.fields.end() || trim(at->second).empty()) continue;
        sections.push_back({{"label", f.label}, {"html", markdown_html(at->second)}});
    }
    return {{"sections", sections}};
}

std::string status_words(const std::string& status) {
    return code_label("reports.status.", status);
}

http::Response file_page(Exchange& ex, const ReportTarget& t, const PartState& short_state,
                         const PartState& full_state, int status) {
    ex.require_sign_in();
    ex.require(policy::may_read_report_drafts(ex.actor(), t.facts), say("reports.not_yours"));
    auto now = ex.now();
    const auto& r = t.report;
    auto zone = t.edition.time_zone;

    // The short report.
    auto short_report = short_state.short_typed.value_or(r.short_report);
    auto short_errors = form_errors(short_state.errors);
    nlohmann::json messages = nlohmann::json::array();
    for (std::size_t i = 0; i < reports::max_key_messages; ++i) {
        auto name = "key_message_" + std::to_string(i + 1);
        messages.push_back(
            field_view(name, say("reports.key_message.label", {{"number", i + 1}}),
                       i < short_report.key_messages.size() ? short_report.key_messages[i] : "",
                       short_errors, "textarea", false,
                       say("reports.key_message.hint", {{"words", t.settings.key_message_words}})));
    }
    auto short_st = short_status(t, now);

    // The full report: the speakers start from the session and its queue.
    auto full_report = full_state.full_typed.value_or(r.full_report);
    auto speech = store::session_room_speech(ex.db(), t.session.session.id);
    if (!full_state.full_typed && full_report.speakers.empty()) {
        std::vector<reports::NamedRole> people;
        for (const auto& p : t.session.session.people)
            if (p.role != "organiser" && p.role != "rapporteur")
                people.push_back({p.name, code_label("programme.feed.role.", p.role)});
        full_report.speakers = reports::prefilled_speakers(people, speech.speakers,
                                                           say("reports.speakers.from_queue"));
    }
    auto full_errors = form_errors(full_state.errors);
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& f : t.settings.fields) {
        auto at = full_report.fields.find(f.key);
        auto hint = f.hint;
        if (f.word_limit > 0)
            hint += (hint.empty() ? "" : " ") +
                    say("reports.field.word_limit", {{"words", f.word_limit}});
        hint += (hint.empty() ? "" : " ") + say("reports.field.markdown");
        fields.push_back(field_view("field_" + f.key, f.label,
                                    at == full_report.fields.end() ? "" : at->second, full_errors,
                                    "textarea", false, hint));
    }
    auto full_st = full_status(t, now);
    auto due_view = [&](const std::string& due) {
        return due.empty() ? nlohmann::json(nullptr) : time_view(due, zone);
    };
    auto filed_view = [&](const std::optional<std::string>& at) {
        return at ? time_view(*at, zone) : nlohmann::json(nullptr);
    };
    nlohmann::json versions = nlohmann::json::array();
    for (const auto& v : store::report_versions(ex.db(), t.session.session.id))
        versions.push_back({{"part", code_label("reports.part.", v.part)},
                            {"number", v.number},
                            {"action", code_label("reports.action.", v.action)},
                            {"author", v.author},
                            {"late", v.late},
                            {"saved", time_view(v.saved_at, zone)}});
    auto saved = ex.request.query_param("saved");
    std::string notice;
    if (saved == "short_draft" || saved == "full_draft")
        notice = say("reports.notice.draft");
    else if (saved == "short_filed" || saved == "full_filed")
        notice = say("reports.notice.filed");
    else if (saved == "short_late" || saved == "full_late")
        notice = say("reports.notice.late");
    if (short_state.restored || full_state.restored) notice = say("site.kept.restored");
    nlohmann::json view = {
        {"title", say("page.reports.file.title", {{"code", t.session.session.code}})},
        {"edition", edition_view(t.edition)},
        {"code", t.session.session.code},
        {"session_title", t.session.session.title},
        {"session_url", edition_url(t.edition, "/programme/" + t.session.session.code)},
        {"notice", notice},
        {"short",
         {{"action", report_url(t, "/short")},
          {"version", short_state.version.value_or(r.short_version)},
          {"messages", messages},
          {"due", due_view(t.due.short_due)},
          {"status", status_words(short_st)},
          {"late", short_st == "late" || short_st == "missing"},
          {"filed", filed_view(r.short_filed_at)},
          {"conflict", short_state.conflict},
          {"current", short_state.conflict ? nlohmann::json(r.short_report.key_messages)
                                           : nlohmann::json(nullptr)},
          {"errors", error_summary(short_errors)},
          {"has_errors", !short_errors.empty()}}},
        {"full",
         {{"action", report_url(t, "/full")},
          {"version", full_state.version.value_or(r.full_version)},
          {"fields", fields},
          {"speakers", field_view("speakers", say("reports.speakers.label"), full_report.speakers,
                                  full_errors, "textarea", false, say("reports.speakers.hint"))},
          {"women_present", options(reports::women_present_codes(), "reports.women_present.",
                                    "women_present", full_report.women_present)},
          {"women_present_error", error_of(full_errors, "women_present")},
          {"gender_discussed",
           options(reports::gender_discussed_codes(), "reports.gender_discussed.",
                   "gender_discussed", full_report.gender_discussed)},
          {"gender_discussed_error", error_of(full_errors, "gender_discussed")},
          {"measured", queue_figures_view(speech)},
          {"due", due_view(t.due.full_due)},
          {"status", status_words(full_st)},
          {"late", full_st == "late" || full_st == "missing"},
          {"filed", filed_view(r.full_filed_at)},
          {"conflict", full_state.conflict},
          {"current_fields", full_state.conflict ? current_full_view(t) : nlohmann::json(nullptr)},
          {"errors", error_summary(full_errors)},
          {"has_errors", !full_errors.empty()}}},
        {"versions", versions},
        {"has_versions", !versions.empty()}};
    return ex.page("reports/file", view, status);
}

http::Response save_part(Exchange& ex, store::ReportPart part) {
    auto t = report_target(ex);
    const auto& form = ex.form();
    auto version = version_in(form);
    bool file = form.get("intent") == "file";
    bool is_short = part == store::ReportPart::short_report;
    PartState state;
    nlohmann::json content;
    if (is_short) {
        state.short_typed = short_from_form(form);
        content = reports::to_json(*state.short_typed);
    } else {
        state.full_typed = full_from_form(form, t.settings);
        content = reports::to_json(*state.full_typed);
    }
    auto attempt = save_report_part(ex, t, part, content, file, version);
    if (attempt.conflict()) {
        t = report_target(ex);
        state.conflict = true;
        state.version = attempt.outcome.version;
        return is_short ? file_page(ex, t, state, {}, 409) : file_page(ex, t, {}, state, 409);
    }
    if (!attempt.errors.empty()) {
        t = report_target(ex);
        state.errors = attempt.errors;
        state.version = attempt.outcome.version;
        return is_short ? file_page(ex, t, state, {}, 422) : file_page(ex, t, {}, state, 422);
    }
    t = report_target(ex);
    bool filed =
        is_short ? t.report.short_filed_at.has_value() : t.report.full_filed_at.has_value();
    std::string what = std::string(is_short ? "short" : "full") + (attempt.outcome.late ? "_late"
                                                                   : filed              ? "_filed"
                                                                                        : "_draft");
    return http::Response::redirect(
        report_url(t, "?saved=" + what + "#" + (is_short ? "short" : "full")));
}

}  // namespace

http::Response report_file_page(Exchange& ex) {
    auto t = report_target(ex);
    PartState short_state, full_state;
    if (auto kept = kept_form(ex, report_url(t, "/short"))) {
        short_state.short_typed = short_from_form(*kept);
        short_state.version = version_in(*kept);
        short_state.restored = true;
    }
    if (auto kept = kept_form(ex, report_url(t, "/full"))) {
        full_state.full_typed = full_from_form(*kept, t.settings);
        full_state.version = version_in(*kept);
        full_state.restored = true;
    }
    return file_page(ex, t, short_state, full_state, 200);
}

http::Response report_short_save(Exchange& ex) {
    return save_part(ex, store::ReportPart::short_report);
}

http::Response report_full_save(Exchange& ex) {
    return save_part(ex, store::ReportPart::full_report);
}

}  // namespace convene::web
