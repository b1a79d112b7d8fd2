// The solver against an independent exhaustive search on tiny random instances: every
// combination of places (or none) for 4-6 sessions in 2 rooms, the hard rules written
// out again here, the best by (most placed, then least total). The solver must find the
// same total and say it is optimal, and the checker must agree with both.
#include <gtest/gtest.h>

#include <functional>
#include <random>

#include "core/programme/checker.hpp"
#include "core/programme/local_time.hpp"
#include "core/programme/solver.hpp"

using namespace convene::programme;

namespace {

Instance random_instance(std::mt19937_64& rng) {
    auto below = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
    Instance in;
    in.time_zone = "Europe/Oslo";
    in.granularity = 30;
    Minute nine = *parse_local_time("2027-06-23T09:00");
    for (int r = 0; r < 2; ++r) {
        Room room{"R" + std::to_string(r), 20 + 30 * below(3), {}, 15 * below(2), {}};
        if (below(2)) room.features.push_back("captioning");
        room.windows.push_back({nine + 30 * below(2), nine + 180 + 30 * below(3)});
        in.rooms.push_back(room);
    }
    int people = 4;
    for (int p = 0; p < people; ++p) {
        in.people.push_back("p" + std::to_string(p));
        in.person_zone.push_back(below(3) == 0 ? (below(2) ? "America/New_York" : "Asia/Tokyo")
                                               : "");
    }
    int n = 4 + below(3);
    for (int s = 0; s < n; ++s) {
        Session session;
        session.id = "S" + std::to_string(s);
        session.duration = 30 + 30 * below(3);
        if (below(4) == 0) session.needs.push_back("captioning");
        session.demand = 10 + 10 * below(6);
        session.tags.push_back("t" + std::to_string(below(3)));
        for (int p = 0; p < people; ++p)
            if (below(4) == 0) session.people.push_back(p);
        if (s > 0 && below(5) == 0) session.after.push_back(below(s));
        in.sessions.push_back(session);
    }
    if (below(3) == 0) in.sessions[0].fixed = Placement{below(2), nine + 60};
    if (below(2) == 0)
        in.unavailable.push_back({below(people), nine + 30 * below(4), nine + 30 * below(4) + 60});
    in.previous.assign(in.sessions.size(), std::nullopt);
    if (below(2) == 0) in.previous[1] = Placement{below(2), nine + 30 * below(4)};
    in.weights = {1, 50, 20, 100};
    return in;
}

struct Best {
    int placed = -1;
    std::int64_t total = 0;
};

// Every timetable: each session unplaced or at any grid start of any room, kept only
// when no hard rule breaks; the objective computed here from the definitions.
Best exhaustive(const Instance& in) {
    const auto n = in.sessions.size();
    Timetable t(n);
    Best best;
    ZoneClock clock(in.time_zone);
    auto overlaps = [](Minute a, Minute ae, Minute b, Minute be) { return a < be && b < ae; };
    auto allowed = [&](std::size_t s) {  // s against itself and sessions 0..s-1
        const auto& x = in.sessions[s];
        const auto& p = *t[s];
        const auto& room = in.rooms[static_cast<std::size_t>(p.room)];
        Minute e = p.start + x.duration;
        if (x.fixed && !(*x.fixed == p)) return false;
        for (const auto& need : x.needs)
            if (std::find(room.features.begin(), room.features.end(), need) == room.features.end())
                return false;
        bool inside = false;
        for (const auto& w : room.windows) inside = inside || (w.start <= p.start && e <= w.end);
        if (!inside) return false;
        for (const auto& u : in.unavailable)
            if (std::find(x.people.begin(), x.people.end(), u.person) != x.people.end() &&
                overlaps(p.start, e, u.start, u.end))
                return false;
        for (std::size_t o = 0; o < s; ++o) {
            if (!t[o]) continue;
            const auto& y = in.sessions[o];
            Minute os = t[o]->start, oe = os + y.duration;
            if (t[o]->room == p.room &&
                overlaps(p.start, e + room.turnover, os, oe + room.turnover))
                return false;
            for (int q : x.people)
                if (std::find(y.people.begin(), y.people.end(), q) != y.people.end() &&
                    overlaps(p.start, e, os, oe))
                    return false;
            for (int a : x.after)
                if (a == static_cast<int>(o) && p.start < oe) return false;
            for (int a : y.after)
                if (a == static_cast<int>(s) && os < e) return false;
        }
        return true;
    };
    auto total = [&] {
        std::int64_t overflow = 0, similar = 0, night = 0, changes = 0;
        for (std::size_t s = 0; s < n; ++s) {
            const auto& x = in.sessions[s];
            if (in.previous[s] && (!t[s] || !(*t[s] == *in.previous[s]))) ++changes;
            if (!t[s]) continue;
            Minute st = t[s]->start, e = st + x.duration;
            overflow +=
                std::max(0, x.demand - in.rooms[static_cast<std::size_t>(t[s]->room)].capacity);
            for (int p : x.people) {
                const auto& z = in.person_zone[static_cast<std::size_t>(p)];
                if (!z.empty() && at_night(clock.in_zone(st, z), clock.in_zone(e, z))) ++night;
            }
            for (std::size_t o = s + 1; o < n; ++o)
                if (t[o] && overlaps(st, e, t[o]->start, t[o]->start + in.sessions[o].duration)) {
                    bool shared = false;
                    for (const auto& tag : x.tags)
                        for (const auto& other : in.sessions[o].tags)
                            shared = shared || tag == other;
                    if (shared) ++similar;
                }
        }
        return overflow * in.weights.overflow + similar * in.weights.similar +
               night * in.weights.night + changes * in.weights.change;
    };
    std::function<void(std::size_t, int)> go = [&](std::size_t s, int placed) {
        if (s == n) {
            auto v = total();
            if (placed > best.placed || (placed == best.placed && v < best.total))
                best = {placed, v};
            return;
        }
        t[s] = std::nullopt;
        go(s + 1, placed);
        for (std::size_t r = 0; r < in.rooms.size(); ++r)
            for (Minute m = *parse_local_time("2027-06-23T08:00");
                 m <= *parse_local_time("2027-06-23T13:00"); m += in.granularity) {
                t[s] = Placement{static_cast<int>(r), m};
                if (allowed(s)) go(s + 1, placed + 1);
            }
        t[s] = std::nullopt;
    };
    go(0, 0);
    return best;
}

}  // namespace

TEST(ProgrammeSolver, MatchesAnExhaustiveSearchOnTinyInstances) {
    std::mt19937_64 rng(2027);
    int compared = 0;
    for (int round = 0; round < 25; ++round) {
        auto in = random_instance(rng);
        if (!instance_problems(in).empty()) continue;
        auto expected = exhaustive(in);
        auto result = schedule(in, {.time_limit = 10});
        SCOPED_TRACE("round " + std::to_string(round));
        EXPECT_TRUE(result.violations.empty());
        EXPECT_EQ(result.placed, expected.placed);
        EXPECT_EQ(result.objective.total, expected.total);
        EXPECT_TRUE(result.optimal);
        EXPECT_EQ(result.lower_bound, result.objective.total);
        auto report = check_timetable(in, result.timetable);
        EXPECT_EQ(report.objective.total, result.objective.total);
        ++compared;
    }
    EXPECT_GE(compared, 20);
}
