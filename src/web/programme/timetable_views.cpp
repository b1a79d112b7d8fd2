#include "web/programme/timetable_views.hpp"

#include <algorithm>

#include "core/common/messages.hpp"
#include "core/programme/venue.hpp"
#include "store/programme/sessions.hpp"
#include "store/programme/timetable.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

const programme::ProgrammeSession* TimetableDraft::session(SessionId id) const {
    for (const auto& s : programme.sessions)
        if (s.id == id) return &s;
    return nullptr;
}

int TimetableDraft::index(SessionId id) const {
    const auto& ids = instance.sessions;
    auto at = std::find(ids.begin(), ids.end(), id);
    return at == ids.end() ? -1 : static_cast<int>(at - ids.begin());
}

TimetableDraft load_draft(Exchange& ex, const store::Edition& e) {
    TimetableDraft d;
    d.programme = store::load_programme(ex.db(), e.id);
    d.instance = programme::edition_instance(d.programme, false);
    d.timetable =
        d.instance.placed.value_or(programme::Timetable(d.instance.instance.sessions.size()));
    d.report = programme::check_timetable(d.instance.instance, d.timetable);
    d.compromises = programme::compromises(d.instance.instance, d.timetable);
    for (const auto& [id, placement] : store::draft_placements(ex.db(), e.id))
        d.versions[id] = placement.version;
    return d;
}

std::string session_url(const store::Edition& e, SessionId id) {
    return edition_url(e, "/timetable/sessions/" + to_string(id));
}

nlohmann::json conflicts_view(const TimetableDraft& d, const store::Edition& e,
                              std::optional<SessionId> only) {
    nlohmann::json out = nlohmann::json::array();
    auto concerned = [&](const std::vector<int>& sessions) {
        if (!only) return true;
        int at = d.index(*only);
        return std::find(sessions.begin(), sessions.end(), at) != sessions.end();
    };
    auto links = [&](const std::vector<int>& sessions) {
        nlohmann::json list = nlohmann::json::array();
        for (std::size_t i = 0; i < sessions.size(); ++i) {
            auto s = static_cast<std::size_t>(sessions[i]);
            list.push_back({{"code", d.instance.instance.sessions[s].id},
                            {"url", session_url(e, d.instance.sessions[s])},
                            {"last", i + 1 == sessions.size()}});
        }
        return list;
    };
    for (const auto& v : d.report.violations)
        if (concerned(v.sessions))
            out.push_back({{"kind", v.rule},
                           {"hard", true},
                           {"text", v.text},
                           {"sessions", links(v.sessions)}});
    for (const auto& c : d.compromises)
        if (concerned(c.sessions))
            out.push_back({{"kind", c.kind},
                           {"hard", false},
                           {"text", c.text},
                           {"cost", c.cost},
                           {"sessions", links(c.sessions)}});
    return out;
}

std::vector<std::pair<std::string, std::vector<std::string>>> grid_starts(
    const programme::EditionProgramme& p, const store::Edition& e) {
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    const int step = std::max(5, p.settings.granularity);
    for (const auto& day : programme::edition_days(e.start_date, e.end_date)) {
        auto midnight = programme::parse_local_time(day + "T00:00");
        if (!midnight) continue;
        programme::Minute first = -1, last = -1;
        for (const auto& r : p.rooms)
            for (const auto& w : r.room.windows) {
                if (w.start.substr(0, 10) != day) continue;
                auto a = programme::parse_local_time(w.start),
                     b = programme::parse_local_time(w.end);
                if (!a || !b) continue;
                first = first < 0 ? *a : std::min(first, *a);
                last = last < 0 ? *b : std::max(last, *b);
            }
        if (first < 0) continue;
        std::vector<std::string> starts;
        programme::Minute m = *midnight + ((first - *midnight + step - 1) / step) * step;
        for (; m < last; m += step) starts.push_back(programme::format_local_time(m));
        out.emplace_back(day, std::move(starts));
    }
    return out;
}

std::string place_words(const TimetableDraft& d, const programme::ProgrammeSession& s) {
    auto at = d.programme.placed.find(s.id);
    if (at == d.programme.placed.end()) return say("timetable.not_placed");
    std::string room;
    for (const auto& r : d.programme.rooms)
        if (r.id == at->second.room) room = r.room.name;
    auto start = programme::parse_local_time(at->second.start);
    if (!start) return say("timetable.not_placed");
    return say("timetable.place", {{"room", room},
                                   {"day", at->second.start.substr(0, 10)},
                                   {"from", programme::format_time_of_day(*start)},
                                   {"to", programme::format_time_of_day(*start + s.duration)}});
}

}  // namespace convene::web
