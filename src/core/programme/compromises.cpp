#include "core/programme/compromises.hpp"

#include <algorithm>

#include "core/common/messages.hpp"
#include "core/programme/local_time.hpp"

namespace convene::programme {

namespace {

// The tags two sessions share, in the order of the first: "children's rights and privacy".
std::string shared_tags(const Session& a, const Session& b) {
    std::vector<std::string> shared;
    for (const auto& tag : a.tags)
        if (std::find(b.tags.begin(), b.tags.end(), tag) != b.tags.end() &&
            std::find(shared.begin(), shared.end(), tag) == shared.end())
            shared.push_back(tag);
    std::string out;
    for (std::size_t i = 0; i < shared.size(); ++i)
        out += (i == 0                   ? ""
                : i + 1 == shared.size() ? say("programme.compromise.and")
                                         : ", ") +
               shared[i];
    return out;
}

}  // namespace

std::vector<Compromise> compromises(const Instance& in, const Timetable& t) {
    std::vector<Compromise> overflow, similar, night, change;
    const auto n = std::min(in.sessions.size(), t.size());
    auto placed = [&](std::size_t s) {
        return t[s] && t[s]->room >= 0 && static_cast<std::size_t>(t[s]->room) < in.rooms.size();
    };
    auto start = [&](std::size_t s) { return t[s]->start; };
    auto end = [&](std::size_t s) { return t[s]->start + in.sessions[s].duration; };
    const auto& w = in.weights;
    ZoneClock clock(in.time_zone);
    for (std::size_t s = 0; s < n; ++s) {
        const auto& session = in.sessions[s];
        const int si = static_cast<int>(s);
        if (s < in.previous.size() && in.previous[s] && (!t[s] || !(*t[s] == *in.previous[s]))) {
            const auto& was = *in.previous[s];
            auto room = was.room >= 0 && static_cast<std::size_t>(was.room) < in.rooms.size()
                            ? in.rooms[static_cast<std::size_t>(was.room)].id
                            : std::string();
            change.push_back(
                {"change",
                 {si},
                 w.change,
                 say(t[s] ? "programme.compromise.moved" : "programme.compromise.dropped",
                     {{"session", session.id},
                      {"room", room},
                      {"start", format_local_time(was.start).replace(10, 1, " ")}})});
        }
        if (!placed(s)) continue;
        const auto& room = in.rooms[static_cast<std::size_t>(t[s]->room)];
        if (session.demand > room.capacity)
            overflow.push_back(
                {"overflow",
                 {si},
                 w.overflow * (session.demand - room.capacity),
                 say("programme.compromise.overflow", {{"session", session.id},
                                                       {"demand", session.demand},
                                                       {"room", room.id},
                                                       {"capacity", room.capacity}})});
        for (int p : session.people) {
            const auto person = static_cast<std::size_t>(p);
            if (person >= in.person_zone.size() || in.person_zone[person].empty()) continue;
            const auto& zone = in.person_zone[person];
            auto from = clock.in_zone(start(s), zone), to = clock.in_zone(end(s), zone);
            if (at_night(from, to))
                night.push_back(
                    {"night",
                     {si},
                     w.night,
                     say("programme.compromise.night", {{"session", session.id},
                                                        {"time", format_time_of_day(from)},
                                                        {"person", in.people[person]},
                                                        {"zone", zone}})});
        }
        for (std::size_t o = s + 1; o < n; ++o) {
            if (!placed(o) || !(start(s) < end(o) && start(o) < end(s))) continue;
            auto tags = shared_tags(session, in.sessions[o]);
            if (tags.empty()) continue;
            similar.push_back(
                {"similar",
                 {si, static_cast<int>(o)},
                 w.similar,
                 say("programme.compromise.similar",
                     {{"session", session.id},
                      {"other", in.sessions[o].id},
                      {"tags", tags},
                      {"time", format_time_of_day(std::max(start(s), start(o)))},
                      {"day", format_local_time(std::max(start(s), start(o))).substr(0, 10)}})});
        }
    }
    std::vector<Compromise> out = std::move(overflow);
    for (auto* more : {&similar, &night, &change})
        out.insert(out.end(), std::make_move_iterator(more->begin()),
                   std::make_move_iterator(more->end()));
    return out;
}

}  // namespace convene::programme
