#include "core/programme/checker.hpp"

#include <algorithm>

#include "core/common/messages.hpp"
#include "core/programme/local_time.hpp"

namespace convene::programme {

namespace {

bool shares(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    for (const auto& x : a)
        if (std::find(b.begin(), b.end(), x) != b.end()) return true;
    return false;
}

}  // namespace

CheckReport check_timetable(const Instance& in, const Timetable& t) {
    CheckReport report;
    const auto n = in.sessions.size();
    auto id = [&](std::size_t s) { return in.sessions[s].id; };
    auto add = [&](const char* rule, std::vector<int> sessions, std::string text) {
        report.violations.push_back({rule, std::move(sessions), std::move(text)});
    };
    auto start = [&](std::size_t s) { return t[s]->start; };
    auto end = [&](std::size_t s) { return t[s]->start + in.sessions[s].duration; };
    ZoneClock clock(in.time_zone);
    for (std::size_t s = 0; s < n && s < t.size(); ++s) {
        const auto& session = in.sessions[s];
        if (in.previous[s] && (!t[s] || !(*t[s] == *in.previous[s]))) ++report.objective.changes;
        if (!t[s]) continue;
        ++report.placed;
        const int si = static_cast<int>(s);
        if (t[s]->room < 0 || static_cast<std::size_t>(t[s]->room) >= in.rooms.size()) {
            add("room", {si}, say("programme.violation.room", {{"session", id(s)}}));
            continue;
        }
        const auto& room = in.rooms[static_cast<std::size_t>(t[s]->room)];
        Minute of_day = ((start(s) % 1440) + 1440) % 1440;
        if (of_day % in.granularity != 0)
            add("grid", {si},
                say("programme.violation.grid", {{"session", id(s)}, {"minutes", in.granularity}}));
        if (std::none_of(room.windows.begin(), room.windows.end(),
                         [&](const Window& w) { return w.start <= start(s) && end(s) <= w.end; }))
            add("window", {si},
                say("programme.violation.window", {{"session", id(s)}, {"room", room.id}}));
        for (const auto& need : session.needs)
            if (std::find(room.features.begin(), room.features.end(), need) == room.features.end())
                add("features", {si},
                    say("programme.violation.features",
                        {{"session", id(s)}, {"feature", need}, {"room", room.id}}));
        if (session.fixed && !(*session.fixed == *t[s]))
            add("fixed", {si}, say("programme.violation.fixed", {{"session", id(s)}}));
        for (const auto& u : in.unavailable)
            if (std::find(session.people.begin(), session.people.end(), u.person) !=
                    session.people.end() &&
                u.start < end(s) && start(s) < u.end)
                add("unavailable", {si},
                    say("programme.violation.unavailable",
                        {{"person", in.people[static_cast<std::size_t>(u.person)]},
                         {"session", id(s)}}));
        for (int a : session.after)
            if (t[static_cast<std::size_t>(a)] && start(s) < end(static_cast<std::size_t>(a)))
                add("after", {si, a},
                    say("programme.violation.after",
                        {{"session", id(s)}, {"other", id(static_cast<std::size_t>(a))}}));
        report.objective.overflow += std::max(0, session.demand - room.capacity);
        for (int p : session.people) {
            const auto& zone = in.person_zone[static_cast<std::size_t>(p)];
            if (!zone.empty() &&
                at_night(clock.in_zone(start(s), zone), clock.in_zone(end(s), zone)))
                ++report.objective.night;
        }
        for (std::size_t o = s + 1; o < n && o < t.size(); ++o) {
            if (!t[o]) continue;
            const auto& other = in.sessions[o];
            const int oi = static_cast<int>(o);
            bool intersect = start(s) < end(o) && start(o) < end(s);
            if (t[o]->room == t[s]->room && start(s) < end(o) + room.turnover &&
                start(o) < end(s) + room.turnover)
                add("turnover", {si, oi},
                    say("programme.violation.turnover", {{"session", id(s)},
                                                         {"other", id(o)},
                                                         {"room", room.id},
                                                         {"minutes", room.turnover}}));
            if (intersect)
                for (int p : session.people)
                    if (std::find(other.people.begin(), other.people.end(), p) !=
                        other.people.end())
                        add("person", {si, oi},
                            say("programme.violation.person",
                                {{"person", in.people[static_cast<std::size_t>(p)]},
                                 {"session", id(s)},
                                 {"other", id(o)},
                                 {"from", format_time_of_day(std::max(start(s), start(o)))},
                                 {"to", format_time_of_day(std::min(end(s), end(o)))}}));
            if (intersect && shares(session.tags, other.tags)) ++report.objective.similar;
        }
    }
    const auto& w = in.weights;
    auto& o = report.objective;
    o.total =
        w.overflow * o.overflow + w.similar * o.similar + w.night * o.night + w.change * o.changes;
    return report;
}

}  // namespace convene::programme
