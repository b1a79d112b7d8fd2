#include "core/programme/solver.hpp"

#include <Cbc_C_Interface.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <numeric>

#include "core/common/messages.hpp"
#include "core/programme/mip.hpp"
#include "core/programme/problem.hpp"
#include "core/programme/search.hpp"

namespace convene::programme {

namespace {

// The total can be no lower: every session at its cheapest own cost (similar pairs at 0).
std::int64_t simple_bound(const Problem& pb) {
    std::int64_t bound = 0;
    for (std::size_t s = 0; s < pb.options.size(); ++s) {
        std::int64_t best = pb.unplaced_cost[s];
        for (const auto& o : pb.options[s]) best = std::min(best, o.cost);
        bound += best;
    }
    return bound;
}

// When every session is placed: the linear relaxation of sharing the rooms' open minutes
// (a session and its turnover take minutes of its room; a window of W minutes holds
// sessions whose durations plus turnovers sum to W + turnover at most), each session
// paying at least its cheapest place in the room. Times, people and similar pairs are
// relaxed away, so this bounds the overflow above all.
std::int64_t room_time_bound(const Problem& pb) {
    const auto& in = *pb.in;
    const auto n = pb.options.size(), rooms = in.rooms.size();
    std::vector<CoinBigIndex> start{0};
    std::vector<int> index;
    std::vector<double> value, cost;
    for (std::size_t s = 0; s < n; ++s) {
        std::vector<double> cheapest(rooms, -1);
        for (const auto& o : pb.options[s]) {
            auto& c = cheapest[static_cast<std::size_t>(o.room)];
            if (c < 0 || static_cast<double>(o.cost) < c) c = static_cast<double>(o.cost);
        }
        for (std::size_t r = 0; r < rooms; ++r) {
            if (cheapest[r] < 0) continue;
            cost.push_back(cheapest[r]);
            index.push_back(static_cast<int>(s));  // placed once
            value.push_back(1);
            index.push_back(static_cast<int>(n + r));  // the room's minutes
            value.push_back(in.sessions[s].duration + in.rooms[r].turnover);
            start.push_back(static_cast<CoinBigIndex>(index.size()));
        }
    }
    std::vector<double> row_lo(n + rooms, 0), row_hi(n + rooms, 0);
    for (std::size_t s = 0; s < n; ++s) row_lo[s] = row_hi[s] = 1;
    for (std::size_t r = 0; r < rooms; ++r) {
        row_lo[n + r] = -1e30;
        for (const auto& w : in.rooms[r].windows)
            row_hi[n + r] +=
                static_cast<double>(std::max<Minute>(0, w.end - w.start) + in.rooms[r].turnover);
    }
    const int cols = static_cast<int>(cost.size());
    std::vector<double> lo(cost.size(), 0), hi(cost.size(), 1);
    std::unique_ptr<Cbc_Model, void (*)(Cbc_Model*)> model(Cbc_newModel(), Cbc_deleteModel);
    Cbc_setLogLevel(model.get(), 0);
    Cbc_loadProblem(model.get(), cols, static_cast<int>(n + rooms), start.data(), index.data(),
                    value.data(), lo.data(), hi.data(), cost.data(), row_lo.data(), row_hi.data());
    Cbc_solve(model.get());
    if (!Cbc_isProvenOptimal(model.get())) return 0;
    return static_cast<std::int64_t>(std::ceil(Cbc_getObjValue(model.get()) - 1e-6));
}

// Why `s` is left out: the rule that blocks most of its possible places, with an example.
std::string unplaced_reason(const SearchState& st, int s) {
    const auto& pb = st.problem();
    const auto& in = *pb.in;
    if (pb.options[static_cast<std::size_t>(s)].empty())
        return pb.no_option_reason[static_cast<std::size_t>(s)];
    std::map<std::string, std::pair<int, SearchState::Blocker>> tally;
    std::map<std::string, Option> example;
    for (const auto& o : pb.options[static_cast<std::size_t>(s)]) {
        auto blockers = st.blockers(s, o);
        if (blockers.empty()) return say("programme.unplaced.time");
        auto& entry = tally.try_emplace(blockers.front().rule, 0, blockers.front()).first->second;
        ++entry.first;
        example.try_emplace(blockers.front().rule, o);
    }
    auto most = std::max_element(tally.begin(), tally.end(), [](const auto& a, const auto& b) {
        return a.second.first < b.second.first;
    });
    const auto& b = most->second.second;
    const auto& other = in.sessions[static_cast<std::size_t>(b.session)].id;
    const auto& o = example.at(most->first);
    if (most->first == "person")
        return say("programme.unplaced.person",
                   {{"person", b.person >= 0 ? in.people[static_cast<std::size_t>(b.person)] : ""},
                    {"other", other}});
    if (most->first == "after") return say("programme.unplaced.after", {{"other", other}});
    if (most->first == "before") return say("programme.unplaced.before", {{"other", other}});
    return say("programme.unplaced.room", {{"other", other},
                                           {"room", in.rooms[static_cast<std::size_t>(o.room)].id},
                                           {"start", format_local_time(o.start)}});
}

// Runs the model with every session free from an empty state, seeded with `seed`.
MipOutcome full_model(const Problem& pb, const std::vector<int>& seed, double seconds) {
    SearchState empty(pb);
    std::vector<int> all(pb.options.size());
    std::iota(all.begin(), all.end(), 0);
    std::vector<std::vector<int>> allowed(all.size());
    for (std::size_t s = 0; s < all.size(); ++s) {
        allowed[s].resize(pb.options[s].size());
        std::iota(allowed[s].begin(), allowed[s].end(), 0);
    }
    return solve_mip(empty, all, allowed, seed, seconds);
}

}  // namespace

ScheduleResult schedule(const Instance& in, const ScheduleOptions& options) {
    const auto started = SteadyClock::now();
    const auto deadline = started + std::chrono::duration_cast<SteadyClock::duration>(
                                        std::chrono::duration<double>(options.time_limit));
    auto left = [&] {
        return std::chrono::duration<double>(deadline - SteadyClock::now()).count();
    };
    std::mt19937_64 rng(options.seed);
    Problem pb = build_problem(in);
    const int n = static_cast<int>(in.sessions.size());
    SearchState st(pb);
    ScheduleResult result;
    result.lower_bound = simple_bound(pb);
    // Valid once every session is placed, as the search soon finds on real instances.
    const std::int64_t room_bound = options.plain_cbc ? 0 : room_time_bound(pb);
    bool proven = false;
    auto adopt = [&](const MipOutcome& outcome) {
        SearchState next(pb);
        for (int s = 0; s < n; ++s)
            if (outcome.choice[static_cast<std::size_t>(s)] >= 0)
                next.place(s, outcome.choice[static_cast<std::size_t>(s)]);
        if (next.better_than(st.placed(), st.total()) || options.plain_cbc) st = next;
    };
    auto model_bound = [&](const MipOutcome& outcome) {
        // Objective = total - (left-out costs) - M x placed, so total >= bound + those.
        double uc = 0;
        for (auto c : pb.unplaced_cost) uc += static_cast<double>(c);
        double b = outcome.bound_objective + uc + outcome.big_m * st.placed();
        if (std::isfinite(b))
            result.lower_bound =
                std::max(result.lower_bound, static_cast<std::int64_t>(std::ceil(b - 1e-6)));
    };
    if (options.plain_cbc) {
        auto outcome = full_model(pb, {}, left());
        if (outcome.found) adopt(outcome);
        proven = outcome.proven;
        if (outcome.found) model_bound(outcome);
    } else {
        place_greedily(st);
        repair(st, deadline);
        improve(st, deadline, rng);
        if (pb.option_count <= options.exact_up_to && left() > 0.05) {
            std::vector<int> seed(static_cast<std::size_t>(n));
            for (int s = 0; s < n; ++s) seed[static_cast<std::size_t>(s)] = st.choice(s);
            auto outcome = full_model(pb, seed, left());
            if (outcome.found) adopt(outcome);
            proven = outcome.proven;
            if (outcome.found && !proven) model_bound(outcome);
        }
        if (!proven) {
            search_neighbourhoods(st, deadline, rng, std::max(result.lower_bound, room_bound));
            improve(st, deadline, rng);
        }
    }
    if (st.placed() == n && !proven) result.lower_bound = std::max(result.lower_bound, room_bound);
    result.timetable = st.timetable();
    for (int s = 0; s < n; ++s)
        if (st.choice(s) < 0) result.unplaced.push_back({s, unplaced_reason(st, s)});
    auto report = check_timetable(in, result.timetable);
    result.objective = report.objective;
    result.violations = std::move(report.violations);
    result.placed = report.placed;
    if (proven) result.lower_bound = result.objective.total;
    result.optimal =
        result.violations.empty() &&
        (proven || (result.placed == n && result.objective.total <= result.lower_bound));
    result.lower_bound = std::min(result.lower_bound, result.objective.total);
    result.seconds = std::chrono::duration<double>(SteadyClock::now() - started).count();
    return result;
}

std::vector<Unplaced> unplaced_reasons(const Instance& in, const Timetable& timetable) {
    std::vector<Unplaced> out;
    const int n = static_cast<int>(in.sessions.size());
    bool any = false;
    for (int s = 0; s < n; ++s)
        any = any || static_cast<std::size_t>(s) >= timetable.size() ||
              !timetable[static_cast<std::size_t>(s)];
    if (!any) return out;
    Problem pb = build_problem(in);
    SearchState st(pb);
    for (int s = 0; s < n && static_cast<std::size_t>(s) < timetable.size(); ++s)
        if (const auto& p = timetable[static_cast<std::size_t>(s)]) {
            int k = pb.find_option(s, p->room, p->start);
            if (k >= 0) st.place(s, k);
        }
    for (int s = 0; s < n; ++s)
        if (static_cast<std::size_t>(s) >= timetable.size() ||
            !timetable[static_cast<std::size_t>(s)]) {
            // Left off by hand though a place is free: say where, not that time ran out.
            const auto& options = pb.options[static_cast<std::size_t>(s)];
            auto free = std::find_if(options.begin(), options.end(),
                                     [&](const Option& o) { return st.fits(s, o); });
            out.push_back(
                {s, free == options.end()
                        ? unplaced_reason(st, s)
                        : say("programme.unplaced.free",
                              {{"room", in.rooms[static_cast<std::size_t>(free->room)].id},
                               {"start", format_local_time(free->start).replace(10, 1, " ")}})});
        }
    return out;
}

}  // namespace convene::programme
