#include "web/programme/timetable_actions.hpp"

#include <algorithm>

#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/programme/checker.hpp"
#include "core/programme/compromises.hpp"
#include "http/error.hpp"
#include "store/programme/sessions.hpp"
#include "store/programme/timetable.hpp"
#include "store/programme/venue.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

using programme::Minute;

void refuse_when_locked(Exchange& ex, const store::Edition& e,
                        const programme::ProgrammeSettings& settings) {
    if (programme::programme_locked(settings, ex.now()))
        throw http::conflict(say("timetable.locked", {{"edition", e.name}}));
}

// The session's [start, end) in venue minutes at `slot`; nullopt when the start is not a time.
std::optional<std::pair<Minute, Minute>> span(const programme::ProgrammeSession& s,
                                              const programme::Slot& slot) {
    auto start = programme::parse_local_time(slot.start);
    if (!start) return std::nullopt;
    return std::pair{*start, *start + s.duration};
}

}  // namespace

std::int64_t move_session(Exchange& ex, const store::Edition& e, const MoveRequest& move) {
    auto settings = store::programme_settings(ex.db(), e.id);
    refuse_when_locked(ex, e, settings);
    auto sessions = store::programme_sessions(ex.db(), e.id);
    auto at = std::find_if(sessions.begin(), sessions.end(),
                           [&](const auto& s) { return s.id == move.session && !s.cancelled; });
    if (at == sessions.end()) throw http::not_found(say("timetable.no_such_session"));
    const auto& session = *at;
    if (session.fixed)
        throw http::conflict(say("timetable.session_fixed", {{"session", session.code}}));

    if (move.to) {
        FieldErrors errors;
        if (!store::venue_room(ex.db(), e.id, move.to->room))
            errors.push_back({"room", say("timetable.no_such_room")});
        auto start = programme::parse_local_time(move.to->start);
        if (!start) {
            errors.push_back({"start", say("timetable.start_not_time")});
        } else {
            auto day = move.to->start.substr(0, 10);
            if (day < e.start_date || day > e.end_date)
                errors.push_back({"start", say("timetable.start_outside_days",
                                               {{"first", e.start_date}, {"last", e.end_date}})});
            else if ((*start % 1440) % settings.granularity != 0)
                errors.push_back({"start", say("timetable.start_off_grid",
                                               {{"minutes", settings.granularity}})});
        }
        throw_if_invalid(errors);
        auto mine = span(session, *move.to);
        for (const auto& other : sessions) {
            if (other.id == session.id || other.cancelled || !other.fixed) continue;
            if (!(other.fixed->room == move.to->room)) continue;
            auto theirs = span(other, *other.fixed);
            if (mine && theirs && mine->first < theirs->second && theirs->first < mine->second)
                throw http::conflict(
                    say("timetable.onto_fixed", {{"session", session.code}, {"other", other.code}}),
                    {{"start", say("timetable.onto_fixed",
                                   {{"session", session.code}, {"other", other.code}})}});
        }
    }

    bool done = move.to
                    ? store::place_session(ex.db(), session.id, *move.to, move.version, ex.now())
                    : store::unplace_session(ex.db(), session.id, move.version);
    if (!done) throw http::conflict(say("timetable.moved_since", {{"session", session.code}}));
    ex.audit("timetable.move", "session " + to_string(session.id),
             {{"code", session.code},
              {"room", move.to ? nlohmann::json(move.to->room) : nlohmann::json()},
              {"start", move.to ? nlohmann::json(move.to->start) : nlohmann::json()}});
    if (!move.to) return 0;
    return move.version + 1;  // a first placement is version 1, each move adds one
}

CompletedTimetable complete_timetable(Exchange& ex, const store::Edition& e, bool keep_placed,
                                      double time_limit) {
    refuse_when_locked(ex, e, store::programme_settings(ex.db(), e.id));
    CompletedTimetable out;
    out.brought_in = store::sync_programme_sessions(ex.db(), e.id, ex.now());
    // The solver runs for seconds: not inside a write transaction, which on SQLite would
    // hold every other writer of the forum that long. What it read is checked again
    // before its answer is written.
    ex.commit();
    auto programme = store::load_programme(ex.db(), e.id);
    out.instance = programme::edition_instance(programme, keep_placed);
    if (out.instance.instance.sessions.empty())
        throw http::unprocessable({{"sessions", say("timetable.nothing_to_place")}});
    if (out.instance.instance.rooms.empty())
        throw http::unprocessable({{"rooms", say("timetable.no_rooms")}});
    throw_if_invalid(programme::instance_problems(out.instance.instance));
    programme::ScheduleOptions options;
    options.time_limit = time_limit;
    out.result = programme::schedule(out.instance.instance, options);

    ex.restart_write();
    auto now = store::load_programme(ex.db(), e.id);
    if (now.placed != programme.placed || now.sessions.size() != programme.sessions.size() ||
        now.settings.locked_from != programme.settings.locked_from)
        throw http::conflict(say("timetable.changed_while_solving"));
    refuse_when_locked(ex, e, now.settings);
    store::replace_draft(ex.db(), e.id,
                         programme::edition_slots(out.instance, out.result.timetable), ex.now());
    ex.audit("timetable.complete", "edition " + to_string(e.id),
             {{"keep_placed", keep_placed},
              {"placed", out.result.placed},
              {"unplaced", out.result.unplaced.size()},
              {"total", out.result.objective.total},
              {"lower_bound", out.result.lower_bound}});
    return out;
}

nlohmann::json timetable_json(Exchange& ex, const store::Edition& e) {
    auto programme = store::load_programme(ex.db(), e.id);
    auto placements = store::draft_placements(ex.db(), e.id);
    auto ei = programme::edition_instance(programme, false);
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto& s : programme.sessions) {
        if (s.cancelled) continue;
        nlohmann::json j = {{"id", s.id},
                            {"code", s.code},
                            {"title", s.title},
                            {"session_type", s.session_type},
                            {"duration", s.duration},
                            {"needs", s.needs},
                            {"expected", s.expected()},
                            {"placement", nullptr},
                            {"version", 0}};
        if (auto p = placements.find(s.id); p != placements.end()) {
            j["placement"] = {{"room", p->second.slot.room}, {"start", p->second.slot.start}};
            j["version"] = p->second.version;
        }
        if (s.fixed) j["fixed"] = {{"room", s.fixed->room}, {"start", s.fixed->start}};
        sessions.push_back(std::move(j));
    }
    nlohmann::json conflicts = nlohmann::json::array(), compromises = nlohmann::json::array(),
                   unplaced = nlohmann::json::array();
    auto codes = [&](const std::vector<int>& indices) {
        nlohmann::json out = nlohmann::json::array();
        for (int s : indices) out.push_back(ei.instance.sessions[static_cast<std::size_t>(s)].id);
        return out;
    };
    std::int64_t total = 0;
    auto timetable = ei.placed.value_or(programme::Timetable(ei.instance.sessions.size()));
    if (ei.placed) {
        auto report = programme::check_timetable(ei.instance, timetable);
        for (const auto& v : report.violations)
            conflicts.push_back(
                {{"rule", v.rule}, {"sessions", codes(v.sessions)}, {"text", v.text}});
        total = report.objective.total;
        for (const auto& c : programme::compromises(ei.instance, timetable))
            compromises.push_back({{"kind", c.kind},
                                   {"sessions", codes(c.sessions)},
                                   {"cost", c.cost},
                                   {"text", c.text}});
        // Why each session off the grid cannot go anywhere around the rest.
        for (const auto& u : programme::unplaced_reasons(ei.instance, timetable))
            unplaced.push_back(
                {{"session", ei.instance.sessions[static_cast<std::size_t>(u.session)].id},
                 {"reason", u.reason}});
    }
    return {{"sessions", sessions},
            {"placed", placements.size()},
            {"conflicts", conflicts},
            {"compromises", compromises},
            {"total", total},
            {"unplaced", unplaced},
            {"locked", programme::programme_locked(programme.settings, ex.now())},
            {"settings", settings_json(programme.settings)}};
}

programme::ProgrammeSettings settings_in_body(const nlohmann::json& body,
                                              programme::ProgrammeSettings s) {
    if (!body.is_object()) throw http::unprocessable({{"body", say("venue.body_not_object")}});
    FieldErrors errors;
    auto whole = [&](const nlohmann::json& j, const std::string& name, long long lo, long long hi,
                     auto& into) {
        if (!j.is_number_integer() || j.get<long long>() < lo || j.get<long long>() > hi)
            errors.push_back({name, say("timetable.settings.whole", {{"lo", lo}, {"hi", hi}})});
        else
            into = j.get<long long>();
    };
    if (body.contains("granularity")) {
        long long g = s.granularity;
        whole(body["granularity"], "granularity", 5, 60, g);
        if (g > 0 && 60 % g != 0)
            errors.push_back({"granularity", say("timetable.settings.granularity")});
        s.granularity = static_cast<int>(g);
    }
    if (body.contains("weights")) {
        const auto& w = body["weights"];
        if (!w.is_object()) {
            errors.push_back({"weights", say("timetable.settings.weights")});
        } else {
            for (auto [name, into] :
                 {std::pair{"overflow", &s.weights.overflow},
                  std::pair{"similar", &s.weights.similar}, std::pair{"night", &s.weights.night},
                  std::pair{"change", &s.weights.change}})
                if (w.contains(name))
                    whole(w[name], std::string("weights.") + name, 0, 1000000, *into);
        }
    }
    if (body.contains("locked_from")) {
        const auto& l = body["locked_from"];
        if (l.is_null() || (l.is_string() && l.get<std::string>().empty()))
            s.locked_from.clear();
        else if (!l.is_string() || !parse_utc(l.get<std::string>()))
            errors.push_back({"locked_from", say("timetable.settings.locked_from")});
        else
            s.locked_from = format_utc(*parse_utc(l.get<std::string>()));
    }
    throw_if_invalid(errors);
    return s;
}

void save_settings(Exchange& ex, const store::Edition& e, const programme::ProgrammeSettings& s) {
    store::set_programme_settings(ex.db(), e.id, s);
    ex.audit("timetable.settings", "edition " + to_string(e.id), settings_json(s));
}

nlohmann::json settings_json(const programme::ProgrammeSettings& s) {
    return {{"granularity", s.granularity},
            {"weights",
             {{"overflow", s.weights.overflow},
              {"similar", s.weights.similar},
              {"night", s.weights.night},
              {"change", s.weights.change}}},
            {"locked_from", s.locked_from}};
}

}  // namespace convene::web
