#include "core/programme/search.hpp"

#include <algorithm>
#include <functional>
#include <numeric>

#include "core/programme/mip.hpp"

namespace convene::programme {

namespace {

bool is_fixed(const SearchState& st, int s) {
    return st.problem().in->sessions[static_cast<std::size_t>(s)].fixed.has_value();
}

// How much a room offers beyond what `s` needs: on equal cost the plainest room that
// fits is taken, keeping the equipped ones (the interpreted hall) for the sessions that
// need them.
int spare_features(const Problem& pb, int s, int room) {
    const auto& r = pb.in->rooms[static_cast<std::size_t>(room)];
    return static_cast<int>(r.features.size() -
                            pb.in->sessions[static_cast<std::size_t>(s)].needs.size());
}

// The fitting option of `s` that adds least to the total (then the plainest room, then
// the earliest), or -1.
int best_option(const SearchState& st, int s) {
    const auto& pb = st.problem();
    const auto& options = pb.options[static_cast<std::size_t>(s)];
    int best = -1;
    std::pair<std::int64_t, int> best_key{0, 0};
    for (std::size_t k = 0; k < options.size(); ++k) {
        const auto& o = options[k];
        if (!st.fits(s, o)) continue;
        std::pair<std::int64_t, int> key{st.added_cost(s, o), spare_features(pb, s, o.room)};
        if (best < 0 || key < best_key) best = static_cast<int>(k), best_key = key;
    }
    return best;
}

double seconds_left(SteadyClock::time_point deadline) {
    return std::chrono::duration<double>(deadline - SteadyClock::now()).count();
}

// Two sessions exchange their rooms and starts (a large session out of a small room,
// a small one into it) when that lowers the total; true when some exchange did.
bool swap_pairs(SearchState& st, SteadyClock::time_point deadline, const std::vector<int>& order) {
    const auto& pb = st.problem();
    bool progress = false;
    for (int s : order) {
        if (SteadyClock::now() >= deadline) break;
        if (st.choice(s) < 0 || is_fixed(st, s)) continue;
        for (int t : order) {
            int ks = st.choice(s), kt = st.choice(t);
            if (t == s || kt < 0 || is_fixed(st, t)) continue;
            const auto os = st.option(s, ks), ot = st.option(t, kt);
            if (os.room == ot.room && os.start == ot.start) continue;
            int ks2 = pb.find_option(s, ot.room, ot.start),
                kt2 = pb.find_option(t, os.room, os.start);
            if (ks2 < 0 || kt2 < 0) continue;
            auto linear = st.option(s, ks2).cost + st.option(t, kt2).cost - os.cost - ot.cost;
            if (linear > 0 ||
                (linear == 0 && st.similar_pairs(s, os) + st.similar_pairs(t, ot) == 0))
                continue;
            auto before = st.total();
            st.remove(s);
            st.remove(t);
            bool done = false;
            if (st.fits(s, st.option(s, ks2))) {
                st.place(s, ks2);
                if (st.fits(t, st.option(t, kt2))) {
                    st.place(t, kt2);
                    done = st.total() < before;
                    if (!done) st.remove(t);
                }
                if (!done) st.remove(s);
            }
            if (done) {
                progress = true;
                continue;
            }
            st.place(s, ks);
            st.place(t, kt);
        }
    }
    return progress;
}

}  // namespace

void place_greedily(SearchState& st) {
    const auto& pb = st.problem();
    const int n = static_cast<int>(pb.options.size());
    // Depth in the "after" links, so feeders go before the sessions they feed.
    std::vector<int> depth(static_cast<std::size_t>(n), -1);
    std::function<int(int)> depth_of = [&](int s) {
        auto& d = depth[static_cast<std::size_t>(s)];
        if (d >= 0) return d;
        d = 0;
        for (int a : pb.before[static_cast<std::size_t>(s)]) d = std::max(d, depth_of(a) + 1);
        return d;
    };
    std::vector<int> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    for (int s : order) depth_of(s);
    // Scarcity: a session's own number of places, or fewer when it feeds a scarcer one
    // (a feeder of a main-hall session goes with the main hall's sessions).
    std::vector<std::size_t> scarce(static_cast<std::size_t>(n), 0);
    std::vector<char> seen(static_cast<std::size_t>(n), 0);
    std::function<std::size_t(int)> scarce_of = [&](int s) {
        auto i = static_cast<std::size_t>(s);
        if (seen[i]) return scarce[i];
        seen[i] = 1;
        scarce[i] = pb.options[i].size();
        for (int b : pb.later[i]) scarce[i] = std::min(scarce[i], scarce_of(b));
        return scarce[i];
    };
    for (int s : order) scarce_of(s);
    auto key = [&](int s) {
        const auto& session = pb.in->sessions[static_cast<std::size_t>(s)];
        return std::make_tuple(!session.fixed.has_value(), scarce[static_cast<std::size_t>(s)],
                               depth[static_cast<std::size_t>(s)],
                               -static_cast<long>(session.people.size()), -session.duration);
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key(a) < key(b); });
    // Placing comes first, cost later (the moves and the neighbourhoods lower it): the
    // plainest room that fits, feeders as early as they go, rooms packed from the
    // left, then the cheapest.
    for (int s : order) {
        if (st.choice(s) >= 0) continue;
        const auto& options = pb.options[static_cast<std::size_t>(s)];
        bool feeder = !pb.later[static_cast<std::size_t>(s)].empty();
        int best = -1;
        std::tuple<int, Minute, Minute, std::int64_t> best_key{};
        for (std::size_t k = 0; k < options.size(); ++k) {
            const auto& o = options[k];
            if (!st.fits(s, o)) continue;
            std::tuple<int, Minute, Minute, std::int64_t> key{
                spare_features(pb, s, o.room), feeder ? o.start : 0, st.gap_before(o),
                st.added_cost(s, o)};
            if (best < 0 || key < best_key) best = static_cast<int>(k), best_key = key;
        }
        if (best >= 0) st.place(s, best);
    }
}

void repair(SearchState& st, SteadyClock::time_point deadline) {
    const auto& pb = st.problem();
    const int n = static_cast<int>(pb.options.size());
    bool progress = true;
    while (progress && SteadyClock::now() < deadline) {
        progress = false;
        for (int s = 0; s < n && SteadyClock::now() < deadline; ++s) {
            if (st.choice(s) >= 0) continue;
            int k = best_option(st, s);
            if (k >= 0) {
                st.place(s, k);
                progress = true;
                continue;
            }
            const auto& options = pb.options[static_cast<std::size_t>(s)];
            for (std::size_t j = 0; j < options.size() && st.choice(s) < 0; ++j) {
                auto blockers = st.blockers(s, options[j]);
                std::vector<int> moved;
                bool movable = true;
                for (const auto& b : blockers) {
                    if (is_fixed(st, b.session)) movable = false;
                    if (std::find(moved.begin(), moved.end(), b.session) == moved.end())
                        moved.push_back(b.session);
                }
                if (!movable || moved.size() > 2) continue;
                std::vector<int> old;
                for (int m : moved) old.push_back(st.choice(m)), st.remove(m);
                if (!st.fits(s, options[j])) {
                    for (std::size_t i = 0; i < moved.size(); ++i) st.place(moved[i], old[i]);
                    continue;
                }
                st.place(s, static_cast<int>(j));
                bool all = true;
                for (int m : moved) {
                    int mk = best_option(st, m);
                    if (mk < 0) {
                        all = false;
                        break;
                    }
                    st.place(m, mk);
                }
                if (all) {
                    progress = true;
                    break;
                }
                for (int m : moved) st.remove(m);
                st.remove(s);
                for (std::size_t i = 0; i < moved.size(); ++i) st.place(moved[i], old[i]);
            }
        }
    }
}

void improve(SearchState& st, SteadyClock::time_point deadline, std::mt19937_64& rng) {
    const int n = static_cast<int>(st.problem().options.size());
    std::vector<int> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    bool progress = true;
    while (progress && SteadyClock::now() < deadline) {
        progress = false;
        std::shuffle(order.begin(), order.end(), rng);
        for (int s : order) {
            if (SteadyClock::now() >= deadline) return;
            int was = st.choice(s);
            if (is_fixed(st, s)) continue;
            auto before = st.total();
            int placed = st.placed();
            st.remove(s);
            int k = best_option(st, s);
            if (k < 0) k = was;
            if (k >= 0) st.place(s, k);
            if (st.placed() > placed || st.total() < before)
                progress = true;
            else if (k != was) {  // no gain: put it back where it was
                st.remove(s);
                if (was >= 0) st.place(s, was);
            }
        }
        if (!progress) progress = swap_pairs(st, deadline, order);
    }
}

void search_neighbourhoods(SearchState& st, SteadyClock::time_point deadline, std::mt19937_64& rng,
                           std::int64_t bound) {
    const auto& pb = st.problem();
    const auto& in = *pb.in;
    const int n = static_cast<int>(pb.options.size());
    auto pick = [&](std::size_t size) {
        return static_cast<std::size_t>(rng() % std::max<std::size_t>(1, size));
    };
    int round = 0;
    while (seconds_left(deadline) > 0.05 && !(st.placed() == n && st.total() <= bound)) {
        ++round;
        // Sessions that cost something: similar pairs, nights, overflow, changes.
        std::vector<int> costly, placed, unplaced;
        for (int s = 0; s < n; ++s) {
            int k = st.choice(s);
            if (k < 0) {
                if (!pb.options[static_cast<std::size_t>(s)].empty()) unplaced.push_back(s);
                continue;
            }
            if (in.sessions[static_cast<std::size_t>(s)].fixed) continue;
            placed.push_back(s);
            if (st.option(s, k).cost > 0 || st.similar_pairs(s, st.option(s, k)) > 0)
                costly.push_back(s);
        }
        if (placed.empty()) break;
        int centre = (!costly.empty() && rng() % 4 != 0) ? costly[pick(costly.size())]
                                                         : placed[pick(placed.size())];
        const auto& c = st.option(centre, st.choice(centre));
        std::vector<int> free;
        bool window = round % 2 == 0;
        if (!unplaced.empty() && round % 3 != 0) {
            // Around a left-out session: it and the sessions in the way of its places.
            window = false;
            int u = unplaced[pick(unplaced.size())];
            free.push_back(u);
            auto options = pb.options[static_cast<std::size_t>(u)];
            std::shuffle(options.begin(), options.end(), rng);
            for (const auto& o : options) {
                for (const auto& b : st.blockers(u, o))
                    if (free.size() < 14 &&
                        !in.sessions[static_cast<std::size_t>(b.session)].fixed &&
                        std::find(free.begin(), free.end(), b.session) == free.end())
                        free.push_back(b.session);
                if (free.size() >= 14) break;
            }
            unplaced.erase(std::find(unplaced.begin(), unplaced.end(), u));
        }
        Minute from = c.start - 90, to = c.start + 120;
        if (!free.empty()) {
        } else if (window) {
            for (int s : placed) {
                Minute t = st.option(s, st.choice(s)).start;
                if (t >= from && t < to) free.push_back(s);
            }
            std::shuffle(free.begin(), free.end(), rng);
            if (free.size() > 14) free.resize(14);
            if (std::find(free.begin(), free.end(), centre) == free.end()) free.push_back(centre);
        } else {
            free.push_back(centre);
            for (const auto* related : {&pb.similar[static_cast<std::size_t>(centre)],
                                        &pb.clash[static_cast<std::size_t>(centre)]})
                for (int q : *related)
                    if (free.size() < 10 && st.choice(q) >= 0 &&
                        !in.sessions[static_cast<std::size_t>(q)].fixed &&
                        std::find(free.begin(), free.end(), q) == free.end())
                        free.push_back(q);
        }
        std::shuffle(unplaced.begin(), unplaced.end(), rng);
        for (std::size_t i = 0; i < unplaced.size() && i < 3; ++i) free.push_back(unplaced[i]);
        auto old_total = st.total();
        int old_placed = st.placed();
        std::vector<int> old(free.size());
        for (std::size_t i = 0; i < free.size(); ++i)
            old[i] = st.choice(free[i]), st.remove(free[i]);
        std::vector<std::vector<int>> allowed(free.size());
        for (std::size_t i = 0; i < free.size(); ++i) {
            int s = free[i];
            const auto& options = pb.options[static_cast<std::size_t>(s)];
            std::vector<std::pair<std::int64_t, int>> fitting;
            for (std::size_t k = 0; k < options.size(); ++k) {
                const auto& o = options[k];
                bool near = !window || old[i] < 0 || (o.start >= from && o.start < to + 60);
                if ((near || static_cast<int>(k) == old[i]) && st.fits(s, o))
                    fitting.push_back({st.added_cost(s, o), static_cast<int>(k)});
            }
            std::sort(fitting.begin(), fitting.end());
            if (fitting.size() > 250) fitting.resize(250);
            for (auto& [cost, k] : fitting) allowed[i].push_back(k);
            if (old[i] >= 0 &&
                std::find(allowed[i].begin(), allowed[i].end(), old[i]) == allowed[i].end())
                allowed[i].push_back(old[i]);
        }
        auto outcome = solve_mip(st, free, allowed, old, std::min(0.2, seconds_left(deadline)));
        bool applied = false;
        if (outcome.found) {
            applied = true;
            for (std::size_t i = 0; i < free.size(); ++i) {
                int k = outcome.choice[i];
                if (k < 0) continue;
                if (!st.fits(free[i], st.option(free[i], k))) {
                    applied = false;
                    break;
                }
                st.place(free[i], k);
            }
            if (applied && !st.better_than(old_placed, old_total) &&
                !(st.placed() == old_placed && st.total() == old_total))
                applied = false;
        }
        if (!applied) {
            for (int s : free) st.remove(s);
            for (std::size_t i = 0; i < free.size(); ++i)
                if (old[i] >= 0) st.place(free[i], old[i]);
        }
    }
}

}  // namespace convene::programme
