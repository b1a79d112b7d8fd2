// Published reports: the edition's list (the forum's own, filed through Convene, and the
// imported pages of past years), an imported report in the layout of the forum's
// published pages, and the Secretariat's compliance page (filed, late, missing, per
// session type and organiser). Pages and /api/v1.
#include <map>
#include <string>

#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "store/editions/editions.hpp"
#include "store/reports/reminders.hpp"
#include "store/reports/reports.hpp"
#include "web/reports/handlers.hpp"
#include "web/reports/report_context.hpp"
#include "web/site/exchange.hpp"
#include "web/site/markdown.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

struct ComplianceRow {
    store::ReportedSession session;
    std::string short_status, full_status;
};

std::vector<ComplianceRow> compliance_rows(Exchange& ex, const store::Edition& e) {
    auto settings = store::report_settings(ex.db(), e.id);
    auto now = ex.now();
    std::vector<ComplianceRow> out;
    for (auto& s : store::reported_sessions(ex.db(), e.id)) {
        auto due = reports::deadlines(s.end_utc, settings);
        ComplianceRow row{
            s, reports::filing_status(s.short_filed_at, s.short_late, due.short_due, now),
            reports::filing_status(s.full_filed_at, s.full_late, due.full_due, now)};
        out.push_back(std::move(row));
    }
    return out;
}

nlohmann::json imported_view(const store::ImportedReport& r, const store::Edition& e) {
    nlohmann::json people = nlohmann::json::object();
    for (const char* role : {"organiser", "speaker", "moderator", "online_moderator"})
        people[role] = nlohmann::json::array();
    for (const auto& [role, p] : r.people) {
        if (!people.contains(role)) continue;
        std::string line = p.name;
        if (!p.organisation.empty() && p.organisation != p.name) line += ", " + p.organisation;
        if (!p.stakeholder_group.empty())
            line += " (" + code_label("stakeholder_group.", p.stakeholder_group) + ")";
        people[role].push_back({{"line", line}});
    }
    nlohmann::json sections = nlohmann::json::array();
    if (!r.summary.empty())
        sections.push_back(
            {{"label", say("reports.imported.summary")}, {"html", markdown_html(r.summary)}});
    if (!r.conclusions.empty())
        sections.push_back({{"label", say("reports.imported.conclusions")},
                            {"html", markdown_html(r.conclusions)}});
    return {
        {"number", r.number},
        {"report_title", r.title},
        {"theme", r.theme},
        {"description_html", markdown_html(r.description)},
        {"organisers", people["organiser"]},
        {"speakers", people["speaker"]},
        {"moderators", people["moderator"]},
        {"online_moderators", people["online_moderator"]},
        {"has_moderators", !people["moderator"].empty()},
        {"has_online_moderators", !people["online_moderator"].empty()},
        {"report",
         {{"has_full", true},
          {"sections", sections},
          {"card",
           {{"women_present", r.women_present.empty()
                                  ? say("reports.card.not_given")
                                  : code_label("reports.women_present.", r.women_present)},
            {"gender_discussed", r.gender_discussed.empty()
                                     ? say("reports.card.not_given")
                                     : code_label("reports.gender_discussed.", r.gender_discussed)},
            {"measured", nullptr}}},
          {"reported_by", r.reported_by},
          {"imported", true}}},
        {"url", edition_url(e, "/reports/imported/" + std::to_string(r.number))}};
}

nlohmann::json list_json(Exchange& ex, const store::Edition& e) {
    nlohmann::json own = nlohmann::json::array();
    for (const auto& row : compliance_rows(ex, e)) {
        if (!row.session.short_filed_at && !row.session.full_filed_at) continue;
        own.push_back({{"code", row.session.code},
                       {"title", row.session.title},
                       {"short", row.short_status},
                       {"full", row.full_status},
                       {"url", edition_url(e, "/programme/" + row.session.code + "#report")}});
    }
    nlohmann::json imported = nlohmann::json::array();
    for (const auto& r : store::imported_reports(ex.db(), e.id))
        imported.push_back(
            {{"number", r.number},
             {"title", r.title},
             {"url", edition_url(e, "/reports/imported/" + std::to_string(r.number))}});
    return {{"edition", e.id}, {"reports", own}, {"imported", imported}};
}

}  // namespace

http::Response reports_list_page(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto j = list_json(ex, e);
    for (auto& r : j["reports"]) {
        r["short_words"] = code_label("reports.status.", r["short"].get<std::string>());
        r["full_words"] = code_label("reports.status.", r["full"].get<std::string>());
    }
    nlohmann::json view = {{"title", say("page.reports.list.title", {{"edition", e.name}})},
                           {"edition", edition_view(e)},
                           {"reports", j["reports"]},
                           {"has_reports", !j["reports"].empty()},
                           {"imported", j["imported"]},
                           {"has_imported", !j["imported"].empty()},
                           {"can_manage", policy::may_set_report_template(ex.actor(), e.id)}};
    return ex.page("reports/list", view);
}

http::Response api_reports_list(Exchange& ex) {
    auto e = edition_in_path(ex);
    return http::Response::json(list_json(ex, e));
}

http::Response imported_report_page(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto r = store::imported_report(ex.db(), e.id, static_cast<int>(ex.params.integer("number")));
    if (!r) throw http::not_found(say("reports.imported.none"));
    auto view = imported_view(*r, e);
    view["title"] =
        say("page.reports.imported.title", {{"number", r->number}, {"title", r->title}});
    view["edition"] = edition_view(e);
    return ex.page("reports/imported", view);
}

http::Response api_imported_report(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto r = store::imported_report(ex.db(), e.id, static_cast<int>(ex.params.integer("number")));
    if (!r) throw http::not_found(say("reports.imported.none"));
    nlohmann::json people = nlohmann::json::array();
    for (const auto& [role, p] : r->people)
        people.push_back({{"role", role}, {"name", p.name}, {"organisation", p.organisation}});
    return http::Response::json({{"number", r->number},
                                 {"title", r->title},
                                 {"theme", r->theme},
                                 {"description", r->description},
                                 {"people", people},
                                 {"women_present", r->women_present},
                                 {"gender_discussed", r->gender_discussed},
                                 {"reported_by", r->reported_by},
                                 {"summary", r->summary},
                                 {"conclusions", r->conclusions}});
}

namespace {

nlohmann::json compliance_json(Exchange& ex, const store::Edition& e) {
    std::map<std::string, reports::Tally> by_type, by_organiser;
    reports::Tally all;
    nlohmann::json sessions = nlohmann::json::array();
    auto reminded = store::reminders_per_session(ex.db(), e.id);
    int reminders = 0;
    for (const auto& row : compliance_rows(ex, e)) {
        auto sent = reminded.count(row.session.id) ? reminded[row.session.id] : 0;
        reminders += sent;
        all.add(row.full_status);
        by_type[row.session.session_type].add(row.full_status);
        nlohmann::json organisers = nlohmann::json::array();
        for (const auto& o : row.session.organisers) {
            auto who = o.organisation.empty() ? o.name : o.name + " (" + o.organisation + ")";
            by_organiser[who].add(row.full_status);
            organisers.push_back(who);
        }
        sessions.push_back({{"code", row.session.code},
                            {"title", row.session.title},
                            {"session_type", row.session.session_type},
                            {"organisers", organisers},
                            {"short", row.short_status},
                            {"full", row.full_status},
                            {"reminders_sent", sent}});
    }
    auto tally = [](const reports::Tally& t) {
        return nlohmann::json{{"filed", t.filed},
                              {"late", t.late},
                              {"missing", t.missing},
                              {"due", t.due},
                              {"total", t.total()}};
    };
    nlohmann::json types = nlohmann::json::array(), organisers = nlohmann::json::array();
    for (const auto& [type, t] : by_type) {
        auto j = tally(t);
        j["session_type"] = type;
        types.push_back(j);
    }
    for (const auto& [who, t] : by_organiser) {
        auto j = tally(t);
        j["organiser"] = who;
        organisers.push_back(j);
    }
    return {{"edition", e.id},
            {"all", tally(all)},
            {"by_session_type", types},
            {"by_organiser", organisers},
            {"reminders_sent", reminders},
            {"sessions", sessions}};
}

}  // namespace

http::Response report_compliance_page(Exchange& ex) {
    auto e = managed_edition(ex);
    auto j = compliance_json(ex, e);
    std::map<std::string, std::string> names;
    for (const auto& t : store::list_session_types(ex.db(), e.id)) names[t.code] = t.name;
    for (auto& t : j["by_session_type"]) {
        auto code = t["session_type"].get<std::string>();
        t["label"] = names.count(code) ? names[code] : code_words(code);
    }
    for (auto& s : j["sessions"]) {
        s["short_words"] = code_label("reports.status.", s["short"].get<std::string>());
        s["full_words"] = code_label("reports.status.", s["full"].get<std::string>());
        std::string who;
        for (const auto& o : s["organisers"])
            who += (who.empty() ? "" : "; ") + o.get<std::string>();
        s["organiser_list"] = who;
        s["url"] = edition_url(e, "/programme/" + s["code"].get<std::string>() + "/report");
    }
    nlohmann::json view = {{"title", say("page.reports.compliance.title", {{"edition", e.name}})},
                           {"edition", edition_view(e)},
                           {"all", j["all"]},
                           {"types", j["by_session_type"]},
                           {"organisers", j["by_organiser"]},
                           {"sessions", j["sessions"]},
                           {"has_sessions", !j["sessions"].empty()},
                           {"reminders_sent", j["reminders_sent"]},
                           {"csrf_token", ex.csrf_token()},
                           {"statistics_url", edition_url(e, "/reports/statistics")}};
    auto settings = store::report_settings(ex.db(), e.id);
    view["short_reminder_hours"] = settings.short_reminder_hours;
    view["full_reminder_days"] = settings.full_reminder_days;
    // After the button: how many went (whole numbers only, whatever the address says).
    auto number = [&](const char* name) {
        auto text = ex.request.query_param(name);
        if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != text.npos)
            return -1;
        return std::stoi(text);
    };
    if (auto queued = number("reminded"); queued >= 0)
        view["reminded"] = {{"queued", queued},
                            {"sessions", std::max(0, number("sessions"))},
                            {"none", queued == 0}};
    return ex.page("reports/compliance", view);
}

http::Response api_report_compliance(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(compliance_json(ex, e));
}

}  // namespace convene::web
