// The Secretariat's timetable: a grid per day (rooms across, hours down) that is a real
// table, the sessions not on the grid with the reason the solver gives, every conflict
// and compromise of the draft in words, and the solver's buttons.
#include <algorithm>
#include <set>
#include <string>
#include <tuple>

#include "core/common/messages.hpp"
#include "core/common/times.hpp"
#include "core/programme/solver.hpp"
#include "core/programme/venue.hpp"
#include "http/error.hpp"
#include "store/programme/sessions.hpp"
#include "web/programme/handlers.hpp"
#include "web/programme/timetable_views.hpp"
#include "web/site/exchange.hpp"
#include "web/site/static_assets.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

using programme::Minute;

// The day asked for, or the first of the edition; 404 for a day it does not have.
std::string chosen_day(Exchange& ex, const std::vector<std::string>& days) {
    auto day = ex.request.query_param("day");
    if (day.empty()) return days.empty() ? std::string() : days.front();
    if (std::find(days.begin(), days.end(), day) == days.end())
        throw http::not_found(say("timetable.no_such_day"));
    return day;
}

// The grid of one day: an hour a row from the first opening to the last closing (or to
// the last session), a room a column; each cell lists the sessions starting in it.
nlohmann::json day_grid(const TimetableDraft& d, const store::Edition& e, const std::string& day) {
    auto midnight = *programme::parse_local_time(day + "T00:00");
    Minute first = -1, last = -1;
    auto widen = [&](Minute a, Minute b) {
        first = first < 0 ? a : std::min(first, a);
        last = last < 0 ? b : std::max(last, b);
    };
    for (const auto& r : d.programme.rooms)
        for (const auto& w : r.room.windows)
            if (w.start.substr(0, 10) == day)
                if (auto a = programme::parse_local_time(w.start),
                    b = programme::parse_local_time(w.end);
                    a && b)
                    widen(*a, *b);
    std::set<int> in_conflict;
    for (const auto& v : d.report.violations)
        in_conflict.insert(v.sessions.begin(), v.sessions.end());
    struct Placed {
        const programme::ProgrammeSession* session;
        RoomId room;
        Minute start;
    };
    std::vector<Placed> placed;
    for (const auto& [id, slot] : d.programme.placed) {
        if (slot.start.substr(0, 10) != day) continue;
        auto s = d.session(id);
        auto start = programme::parse_local_time(slot.start);
        if (!s || s->cancelled || !start) continue;
        placed.push_back({s, slot.room, *start});
        widen(*start, *start + s->duration);
    }
    if (first < 0) widen(midnight + 9 * 60, midnight + 18 * 60);
    std::sort(placed.begin(), placed.end(),
              [](const Placed& a, const Placed& b) { return a.start < b.start; });
    nlohmann::json rooms = nlohmann::json::array();
    for (const auto& r : d.programme.rooms)
        rooms.push_back({{"name", r.room.name}, {"capacity", r.room.capacity}});
    nlohmann::json rows = nlohmann::json::array();
    for (Minute hour = first - (first - midnight) % 60; hour < last; hour += 60) {
        nlohmann::json cells = nlohmann::json::array();
        bool any = false;
        for (const auto& r : d.programme.rooms) {
            nlohmann::json sessions = nlohmann::json::array();
            for (const auto& p : placed)
                if (p.room == r.id && p.start >= hour && p.start < hour + 60) {
                    int index = d.index(p.session->id);
                    auto version = d.versions.find(p.session->id);
                    sessions.push_back(
                        {{"id", p.session->id},
                         {"version", version == d.versions.end() ? 0 : version->second},
                         {"code", p.session->code},
                         {"title", p.session->title},
                         {"url", session_url(e, p.session->id)},
                         {"from", programme::format_time_of_day(p.start)},
                         {"to", programme::format_time_of_day(p.start + p.session->duration)},
                         {"duration", p.session->duration},
                         {"fixed", p.session->fixed.has_value()},
                         {"conflict", in_conflict.count(index) > 0}});
                    any = true;
                }
            cells.push_back({{"sessions", sessions},
                             {"room", r.room.name},
                             {"room_id", r.id},
                             {"start", programme::format_local_time(hour)}});
        }
        rows.push_back(
            {{"time", programme::format_time_of_day(hour)}, {"cells", cells}, {"any", any}});
    }
    return {{"rooms", rooms}, {"rows", rows}, {"count", placed.size()}};
}

// "WS2" before "WS10": the type's letters, then the number.
bool code_order(const std::string& a, const std::string& b) {
    auto split = [](const std::string& code) {
        auto digits = code.find_first_of("0123456789");
        auto prefix = code.substr(0, digits);
        auto rest = digits == std::string::npos ? std::string() : code.substr(digits);
        return std::make_tuple(prefix, rest.size(), rest);
    };
    return split(a) < split(b);
}

nlohmann::json unplaced_view(const TimetableDraft& d, const store::Edition& e) {
    std::vector<programme::Unplaced> unplaced;
    if (d.report.placed == 0) {
        // Nothing placed yet: the reason is that the solver has not run.
        for (std::size_t s = 0; s < d.instance.sessions.size(); ++s)
            unplaced.push_back({static_cast<int>(s), say("timetable.unplaced.not_yet")});
    } else {
        unplaced = programme::unplaced_reasons(d.instance.instance, d.timetable);
    }
    std::vector<std::pair<const programme::ProgrammeSession*, std::string>> listed;
    for (const auto& u : unplaced)
        listed.emplace_back(d.session(d.instance.sessions[static_cast<std::size_t>(u.session)]),
                            u.reason);
    std::sort(listed.begin(), listed.end(), [](const auto& a, const auto& b) {
        return code_order(a.first->code, b.first->code);
    });
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [s, reason] : listed)
        out.push_back({{"code", s->code},
                       {"title", s->title},
                       {"duration", s->duration},
                       {"url", session_url(e, s->id)},
                       {"reason", reason}});
    return out;
}

// The notice after the solver ran, from the numbers the redirect carries.
nlohmann::json run_view(Exchange& ex) {
    auto q = [&](const char* name) { return ex.request.query_param(name); };
    if (q("completed").empty()) return nullptr;
    auto number = [&](const char* name) {
        auto v = q(name);
        return v.empty() || v.size() > 12 || v.find_first_not_of("0123456789") != std::string::npos
                   ? std::int64_t{0}
                   : std::stoll(v);
    };
    auto total = number("total"), bound = number("bound");
    return {{"placed", number("placed")},
            {"unplaced", number("unplaced")},
            {"total", total},
            {"bound", bound},
            {"gap", total - std::min(bound, total)},
            {"optimal", q("optimal") == "1"},
            {"replan", q("completed") == "replan"},
            {"added", number("added")},
            {"has_added", number("added") > 0},
            {"placed_one", number("placed") == 1},
            {"added_one", number("added") == 1}};
}

}  // namespace

http::Response timetable_with(Exchange& ex, const store::Edition& e, const std::string& day_asked,
                              const FieldErrors& errors, int status) {
    auto d = load_draft(ex, e);
    auto all_days = programme::edition_days(e.start_date, e.end_date);
    auto day = day_asked.empty() ? chosen_day(ex, all_days) : day_asked;
    nlohmann::json days = nlohmann::json::array();
    for (const auto& each : all_days) {
        int count = 0;
        for (const auto& [id, slot] : d.programme.placed)
            if (slot.start.substr(0, 10) == each) ++count;
        days.push_back({{"day", each},
                        {"label", day_words(each)},
                        {"url", edition_url(e, "/timetable?day=" + each)},
                        {"count", count},
                        {"current", each == day}});
    }
    auto conflicts = conflicts_view(d, e);
    nlohmann::json hard = nlohmann::json::array(), soft = nlohmann::json::array();
    for (auto& c : conflicts) (c["hard"].get<bool>() ? hard : soft).push_back(c);
    // After a move: what it caused, at once.
    nlohmann::json moved = nullptr;
    auto moved_id = ex.request.query_param("moved");
    if (!moved_id.empty() && moved_id.size() < 12 &&
        moved_id.find_first_not_of("0123456789") == std::string::npos)
        if (auto s = d.session(SessionId(std::stoll(moved_id)))) {
            auto caused = conflicts_view(d, e, s->id);
            moved = {{"code", s->code},
                     {"url", session_url(e, s->id)},
                     {"place", place_words(d, *s)},
                     {"conflicts", caused},
                     {"has_conflicts", !caused.empty()}};
        }
    auto unplaced = unplaced_view(d, e);
    auto settings = d.programme.settings;
    bool locked = programme::programme_locked(settings, ex.now());
    std::size_t sessions = 0;
    for (const auto& s : d.programme.sessions) sessions += s.cancelled ? 0 : 1;
    nlohmann::json view = {
        {"title", say("page.programme.timetable.title", {{"edition", e.name}})},
        {"edition", edition_view(e)},
        {"day", day},
        {"day_label", day_words(day)},
        {"days", days},
        {"grid", day.empty() ? nlohmann::json(nullptr) : day_grid(d, e, day)},
        {"hard", hard},
        {"soft", soft},
        {"has_hard", !hard.empty()},
        {"has_soft", !soft.empty()},
        {"hard_count", hard.size()},
        {"soft_count", soft.size()},
        {"hard_one", hard.size() == 1},
        {"soft_one", soft.size() == 1},
        {"unplaced_one", unplaced.size() == 1},
        {"total", d.report.objective.total},
        {"unplaced", unplaced},
        {"has_unplaced", !unplaced.empty()},
        {"unplaced_count", unplaced.size()},
        {"sessions", sessions},
        {"has_sessions", sessions > 0},
        {"has_rooms", !d.programme.rooms.empty()},
        {"has_published", !d.programme.previous.empty()},
        {"locked", locked},
        {"timetable_js", static_path("timetable.js")},
        {"locked_from", time_view(settings.locked_from, e.time_zone)},
        {"run", run_view(ex)},
        {"moved", moved},
        {"taken_off", ex.request.query_param("taken_off") == "1"},
        {"synced", ex.request.query_param("synced")},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()},
        {"notice", errors.empty() ? std::string() : errors.front().message},
    };
    return ex.page("programme/timetable", view, status);
}

http::Response timetable_page(Exchange& ex) {
    auto e = managed_edition(ex);
    return timetable_with(ex, e, "", {}, 200);
}

http::Response timetable_sync(Exchange& ex) {
    auto e = managed_edition(ex);
    int added = store::sync_programme_sessions(ex.db(), e.id, ex.now());
    ex.audit("timetable.sync", "edition " + to_string(e.id), {{"added", added}});
    return http::Response::redirect(edition_url(e, "/timetable?synced=" + std::to_string(added)));
}

}  // namespace convene::web
