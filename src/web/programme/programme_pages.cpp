// The public programme's pages: the published sessions by day with filters that work
// without JavaScript, a session's own page, "I plan to attend", and the reader's agenda.
#include <algorithm>
#include <string>

#include "core/common/messages.hpp"
#include "core/common/times.hpp"
#include "http/error.hpp"
#include "store/live/rooms.hpp"
#include "web/feedback/rating_actions.hpp"
#include "web/live/remote_actions.hpp"
#include "web/messages/handlers.hpp"
#include "web/programme/handlers.hpp"
#include "web/programme/programme_actions.hpp"
#include "web/reports/report_context.hpp"
#include "web/site/exchange.hpp"
#include "web/site/markdown.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

// A session as a line of the programme or the agenda shows it.
nlohmann::json session_line(const PublicProgramme& p, const programme::ListedSession& s,
                            bool attending) {
    auto j = listed_json(p, s, false);
    j["start_time"] = s.slot.start.substr(11);
    j["end_time"] = s.end.substr(11);
    j["zone"] = p.edition.time_zone;
    j["attending"] = attending;
    std::string tags;
    for (const auto& t : s.session.tags) tags += (tags.empty() ? "" : ", ") + t;
    j["has_tags"] = !tags.empty();
    j["tag_list"] = tags;
    return j;
}

nlohmann::json choice_options(const std::vector<std::string>& values, const std::string& current,
                              const std::map<std::string, std::string>* names = nullptr) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : values) {
        std::string label = v;
        if (names) {
            auto at = names->find(v);
            label = at != names->end() ? at->second : code_label("programme.type.", v);
        }
        out.push_back({{"value", v}, {"label", label}, {"selected", v == current}});
    }
    return out;
}

// Where "I plan to attend" sends its reader back: a page of this edition, else the session.
std::string back_address(const std::string& typed, const std::string& edition_path,
                         const std::string& fallback) {
    if (typed.rfind(edition_path + "/", 0) != 0 || typed.find("//") != std::string::npos ||
        typed.find('\\') != std::string::npos || typed.find_first_of("\r\n") != std::string::npos)
        return fallback;
    return typed;
}

}  // namespace

http::Response programme_page(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto filter = filter_in_query(ex.request);
    auto p = public_programme(ex, e);
    auto marks = reader_marks(ex, e.id);
    auto choices = programme::programme_choices(p.sessions);
    auto shown = programme::filtered(p.sessions, filter);
    auto base = edition_url(e, "/programme");

    nlohmann::json days = nlohmann::json::array();
    auto any_day = filter;
    any_day.day.clear();
    days.push_back({{"label", say("programme.public.every_day")},
                    {"url", base + filter_query(any_day)},
                    {"current", filter.day.empty()}});
    for (const auto& d : choices.days) {
        auto one = filter;
        one.day = d;
        days.push_back({{"label", day_words(d)},
                        {"url", base + filter_query(one)},
                        {"current", d == filter.day}});
    }

    // Grouped by day, then by start time.
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& s : shown) {
        if (groups.empty() || groups.back()["day"] != s.day())
            groups.push_back({{"day", s.day()},
                              {"label", day_words(s.day())},
                              {"times", nlohmann::json::array()}});
        auto& times = groups.back()["times"];
        auto start = s.slot.start.substr(11);
        if (times.empty() || times.back()["time"] != start)
            times.push_back({{"time", start}, {"sessions", nlohmann::json::array()}});
        times.back()["sessions"].push_back(session_line(p, s, marks.count(s.session.id) > 0));
    }
    auto count = shown.size() == 1 ? say("programme.public.count.one")
                                   : say("programme.public.count.many", {{"count", shown.size()}});
    nlohmann::json view = {{"title", say("page.programme.public.title", {{"edition", e.name}})},
                           {"edition", edition_view(e)},
                           {"published", p.published},
                           {"days", days},
                           {"day", filter.day},
                           {"q", filter.q},
                           {"rooms", choice_options(choices.rooms, filter.room)},
                           {"themes", choice_options(choices.themes, filter.theme)},
                           {"tags", choice_options(choices.tags, filter.tag)},
                           {"types", choice_options(choices.types, filter.type, &p.type_names)},
                           {"has_themes", !choices.themes.empty()},
                           {"has_tags", !choices.tags.empty()},
                           {"groups", groups},
                           {"has_results", !shown.empty()},
                           {"count", count},
                           {"narrowed", filter.any()},
                           {"clear", base},
                           {"agenda", ex.account() ? edition_url(e, "/agenda") : ""}};
    return ex.page("programme/programme", view);
}

http::Response programme_session_page(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto p = public_programme(ex, e);
    const auto& s = session_in_path(ex, p);
    auto marks = reader_marks(ex, e.id);
    auto session = session_line(p, s, marks.count(s.session.id) > 0);
    session["description_html"] = markdown_html(s.session.description);
    // The people by role, in the order the roles are first met.
    nlohmann::json roles = nlohmann::json::array();
    for (const auto& person : s.session.people) {
        auto label = code_label("programme.role.", person.role);
        auto at = std::find_if(roles.begin(), roles.end(),
                               [&](const nlohmann::json& r) { return r["role"] == label; });
        std::string name =
            person.onsite ? person.name : say("programme.public.online", {{"name", person.name}});
        if (at == roles.end())
            roles.push_back({{"role", label}, {"names", name}});
        else
            (*at)["names"] = (*at)["names"].get<std::string>() + ", " + name;
    }
    auto path = edition_url(e, "/programme/" + s.session.code);
    // The session's room while it is open, for everyone.
    auto live = store::live_rooms_of_sessions(ex.db(), e.id, true);
    auto open_room = live.find(s.session.id);
    // Remote participation; the Secretariat also finds the session's live room and link form.
    std::string secretariat_room, online_edit;
    if (policy::may_manage_edition(ex.actor(), e.id)) {
        online_edit = edition_url(e, "/timetable/sessions/" + to_string(s.session.id) + "/online");
        auto rooms = store::live_rooms_of_sessions(ex.db(), e.id, false);
        if (auto room = rooms.find(s.session.id); room != rooms.end())
            secretariat_room = edition_url(e, "/live-rooms/" + to_string(room->second));
    }
    // The session's report once filed, and the filing page for whoever may file it.
    auto report = report_target(ex, p, s);
    bool may_file = policy::may_file_report(ex.actor(), report.facts);
    nlohmann::json view = {
        {"report", published_report_view(ex, report)},
        {"report_file_url", may_file ? report_url(report) : std::string()},
        {"online", public_online_view(ex, e, store::session_online_link(ex.db(), s.session.id))},
        {"live_room", open_room == live.end()
                          ? ""
                          : edition_url(e, "/live-rooms/" + to_string(open_room->second))},
        {"secretariat_room", secretariat_room},
        {"online_edit", online_edit},
        {"title", say("page.programme.session.title",
                      {{"code", s.session.code}, {"title", s.session.title}})},
        {"edition", edition_view(e)},
        {"session", session},
        {"roles", roles},
        {"has_people", !roles.empty()},
        {"starts", time_view(session["start_utc"].get<std::string>(), e.time_zone)},
        {"ends", time_view(session["end_utc"].get<std::string>(), e.time_zone)},
        {"attend_url", path + "/attend"},
        {"back", path},
        {"sign_in", "/login?next=" + http::percent_encode(path)},
        {"agenda", edition_url(e, "/agenda")},
        {"feedback",
         feedback_view(ex, p, s, {}, nullptr, ex.request.query_param("feedback") == "saved")}};
    view["cited_by"] = messages_citing_view(ex, e, s.session.id);  // the messages of the year
    view["has_cited_by"] = !view["cited_by"].empty();
    return ex.page("programme/session", view);
}

http::Response programme_attend(Exchange& ex) {
    auto e = edition_in_path(ex);
    ex.require_sign_in();
    auto p = public_programme(ex, e);
    const auto& s = session_in_path(ex, p);
    const auto& form = ex.form();
    bool attending = reader_marks(ex, e.id).count(s.session.id) == 0;  // no value: toggles
    auto typed = form.get("attending");
    if (typed == "1" || typed == "true")
        attending = true;
    else if (typed == "0" || typed == "false")
        attending = false;
    else if (!typed.empty())
        throw http::unprocessable({{"attending", say("programme.public.attending_value")}});
    set_reader_attendance(ex, e.id, s, attending);
    auto session_path = edition_url(e, "/programme/" + s.session.code);
    auto back = back_address(form.get("back"), edition_url(e), session_path);
    return http::Response::redirect(back);
}

http::Response agenda_page(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto p = public_programme(ex, e);
    auto agenda = agenda_json(ex, p);
    auto live = store::live_rooms_of_sessions(ex.db(), e.id, true);
    auto links = store::session_online_links(ex.db(), e.id);
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto& s : p.sessions) {
        auto in =
            std::find_if(agenda["sessions"].begin(), agenda["sessions"].end(),
                         [&](const nlohmann::json& j) { return j["code"] == s.session.code; });
        if (in == agenda["sessions"].end()) continue;
        auto line = session_line(p, s, (*in)["attending"].get<bool>());
        line["day_label"] = day_words(s.day());
        std::string parts;
        for (const auto& role : (*in)["roles"])
            parts += (parts.empty() ? "" : ", ") +
                     code_label("programme.part.", role.get<std::string>());
        line["parts"] = parts;
        if (auto room = live.find(s.session.id); room != live.end())
            line["live_room"] = edition_url(e, "/live-rooms/" + to_string(room->second));
        auto link = links.find(s.session.id);
        line["online"] = public_online_view(
            ex, e, link == links.end() ? std::nullopt : std::optional(link->second));
        std::string clashes;
        for (const auto& code : (*in)["clashes"])
            clashes += (clashes.empty() ? "" : ", ") + code.get<std::string>();
        line["clashes"] =
            clashes.empty() ? "" : say("programme.agenda.clash", {{"codes", clashes}});
        sessions.push_back(std::move(line));
    }
    nlohmann::json view = {{"title", say("page.programme.agenda.title", {{"edition", e.name}})},
                           {"edition", edition_view(e)},
                           {"published", p.published},
                           {"sessions", sessions},
                           {"has_sessions", !sessions.empty()},
                           {"back", edition_url(e, "/agenda")},
                           {"programme", edition_url(e, "/programme")},
                           {"calendar", agenda["calendar"]}};
    return ex.page("programme/agenda", view);
}

}  // namespace convene::web
