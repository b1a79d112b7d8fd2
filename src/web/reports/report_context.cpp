#include "web/reports/report_context.hpp"

#include <algorithm>

#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "web/site/exchange.hpp"
#include "web/site/markdown.hpp"
#include "web/site/views.hpp"

namespace convene::web {

ReportTarget report_target(Exchange& ex, const PublicProgramme& p,
                           const programme::ListedSession& s) {
    ReportTarget t;
    t.edition = p.edition;
    t.session = s;
    t.end_utc = listed_json(p, s, false)["end_utc"].get<std::string>();
    t.settings = store::report_settings(ex.db(), t.edition.id);
    t.due = reports::deadlines(t.end_utc, t.settings);
    t.facts.edition = t.edition.id;
    if (ex.account()) {
        auto roles = store::session_roles_of(ex.db(), s.session.id, ex.account()->id);
        t.facts.rapporteur = std::find(roles.begin(), roles.end(), "rapporteur") != roles.end();
        t.facts.organiser = std::find(roles.begin(), roles.end(), "organiser") != roles.end();
    }
    if (auto r = store::session_report(ex.db(), s.session.id)) {
        t.report = *r;
        t.saved = true;
    }
    return t;
}

ReportTarget report_target(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto p = public_programme(ex, e);
    const auto& s = session_in_path(ex, p);
    return report_target(ex, p, s);
}

std::string report_url(const ReportTarget& t, const std::string& rest) {
    return edition_url(t.edition, "/programme/" + t.session.session.code + "/report" + rest);
}

std::string short_status(const ReportTarget& t, const std::string& now) {
    return reports::filing_status(t.report.short_filed_at, t.report.short_late, t.due.short_due,
                                  now);
}

std::string full_status(const ReportTarget& t, const std::string& now) {
    return reports::filing_status(t.report.full_filed_at, t.report.full_late, t.due.full_due, now);
}

nlohmann::json queue_figures_view(const store::RoomSpeech& speech) {
    if (!speech.had_queue) return nullptr;
    auto g = reports::queue_gender(speech.turns);
    auto percent = [](int p) { return p < 0 ? nlohmann::json(nullptr) : nlohmann::json(p); };
    nlohmann::json j = {{"turns", g.turns},
                        {"women_turns", g.women_turns},
                        {"unknown_turns", g.unknown_turns},
                        {"speakers", g.speakers},
                        {"women_speakers", g.women_speakers},
                        {"unknown_speakers", g.unknown_speakers},
                        {"women_turns_percent", percent(g.women_turns_percent())},
                        {"women_speakers_percent", percent(g.women_speakers_percent())}};
    if (g.turns == 0)
        j["text"] = say("reports.queue.nobody_spoke");
    else
        j["text"] =
            say("reports.queue.measured",
                {{"speakers_percent", g.women_speakers_percent() < 0
                                          ? say("reports.queue.unknown")
                                          : std::to_string(g.women_speakers_percent()) + "%"},
                 {"turns_percent", g.women_turns_percent() < 0
                                       ? say("reports.queue.unknown")
                                       : std::to_string(g.women_turns_percent()) + "%"},
                 {"speakers", g.speakers},
                 {"turns", g.turns},
                 {"unknown", g.unknown_speakers}});
    return j;
}

namespace {

std::string last_filer(const std::vector<store::ReportVersion>& versions, const std::string& part) {
    for (const auto& v : versions)  // newest first
        if (v.part == part && v.action == "file") return v.author;
    for (const auto& v : versions)
        if (v.part == part && v.action == "draft") return v.author;
    return "";
}

}  // namespace

nlohmann::json published_report_view(Exchange& ex, const ReportTarget& t) {
    const auto& r = t.report;
    if (!r.short_filed_at && !r.full_filed_at) return nullptr;
    auto versions = store::report_versions(ex.db(), t.session.session.id);
    nlohmann::json view = {{"has_short", r.short_filed_at.has_value()},
                           {"has_full", r.full_filed_at.has_value()}};
    if (r.short_filed_at) {
        nlohmann::json messages = nlohmann::json::array();
        for (const auto& m : r.short_report.key_messages) messages.push_back({{"text", m}});
        view["key_messages"] = messages;
        view["short_filed"] = time_view(*r.short_filed_at, t.edition.time_zone);
        view["short_late"] = r.short_late;
    }
    if (r.full_filed_at) {
        const auto& f = r.full_report;
        nlohmann::json sections = nlohmann::json::array();
        for (const auto& field : t.settings.fields) {
            auto at = f.fields.find(field.key);
            if (at == f.fields.end() ||
                at->second.find_first_not_of(" \r\n\t") == std::string::npos)
                continue;
            sections.push_back(
                {{"label", field.label}, {"key", field.key}, {"html", markdown_html(at->second)}});
        }
        // Fields of an earlier template that the report still holds.
        for (const auto& [key, text] : f.fields) {
            const std::string& held = key;  // clang 14 captures no structured binding
            if (std::none_of(t.settings.fields.begin(), t.settings.fields.end(),
                             [&](const reports::TemplateField& x) { return x.key == held; }) &&
                text.find_first_not_of(" \r\n\t") != std::string::npos)
                sections.push_back(
                    {{"label", code_words(key)}, {"key", key}, {"html", markdown_html(text)}});
        }
        nlohmann::json speakers = nlohmann::json::array();
        std::string_view rest = f.speakers;
        while (!rest.empty()) {
            auto end = rest.find('\n');
            auto line = rest.substr(0, end);
            while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
                line.remove_suffix(1);
            if (!line.empty()) speakers.push_back({{"name", std::string(line)}});
            rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
        }
        view["sections"] = sections;
        view["speakers"] = speakers;
        view["has_speakers"] = !speakers.empty();
        view["card"] = {
            {"women_present", code_label("reports.women_present.", f.women_present)},
            {"gender_discussed", code_label("reports.gender_discussed.", f.gender_discussed)},
            {"measured",
             queue_figures_view(store::session_room_speech(ex.db(), t.session.session.id))}};
        view["reported_by"] = last_filer(versions, "full");
        view["full_filed"] = time_view(*r.full_filed_at, t.edition.time_zone);
        view["full_late"] = r.full_late;
    }
    return view;
}

nlohmann::json report_json(Exchange& ex, const ReportTarget& t) {
    bool drafts = policy::may_read_report_drafts(ex.actor(), t.facts);
    const auto& r = t.report;
    auto now = ex.now();
    auto part = [&](const std::optional<std::string>& filed_at, bool late, std::int64_t version,
                    const std::string& due, const std::string& status, nlohmann::json content) {
        nlohmann::json j = {{"status", status},
                            {"due", due.empty() ? nlohmann::json(nullptr) : nlohmann::json(due)},
                            {"filed_at", filed_at ? nlohmann::json(*filed_at) : nlohmann::json()},
                            {"late", late},
                            {"version", version}};
        if (filed_at || drafts) j["content"] = std::move(content);
        return j;
    };
    nlohmann::json out = {
        {"edition", t.edition.id},
        {"session", t.session.session.code},
        {"title", t.session.session.title},
        {"ends", t.end_utc},
        {"may_file", policy::may_file_report(ex.actor(), t.facts)},
        {"short", part(r.short_filed_at, r.short_late, r.short_version, t.due.short_due,
                       short_status(t, now), reports::to_json(r.short_report))},
        {"full", part(r.full_filed_at, r.full_late, r.full_version, t.due.full_due,
                      full_status(t, now), reports::to_json(r.full_report))},
        {"queue", queue_figures_view(store::session_room_speech(ex.db(), t.session.session.id))}};
    if (drafts) {
        nlohmann::json versions = nlohmann::json::array();
        for (const auto& v : store::report_versions(ex.db(), t.session.session.id))
            versions.push_back({{"part", v.part},
                                {"number", v.number},
                                {"action", v.action},
                                {"author", v.author},
                                {"saved_at", v.saved_at},
                                {"late", v.late},
                                {"content", v.content}});
        out["versions"] = versions;
    }
    return out;
}

}  // namespace convene::web
