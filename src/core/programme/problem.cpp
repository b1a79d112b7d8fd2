#include "core/programme/problem.hpp"

#include <algorithm>
#include <map>

#include "core/common/messages.hpp"
#include "core/programme/local_time.hpp"

namespace convene::programme {

namespace {

bool has_all(const Room& room, const std::vector<std::string>& needs) {
    return std::all_of(needs.begin(), needs.end(), [&](const std::string& f) {
        return std::find(room.features.begin(), room.features.end(), f) != room.features.end();
    });
}

Minute day_of(Minute m) {
    return m >= 0 ? m / 1440 : (m - 1439) / 1440;
}

bool on_grid(Minute m, int g) {
    return (m - day_of(m) * 1440) % g == 0;
}

// The first grid time at or after `m` (the grid restarts at each midnight).
Minute next_on_grid(Minute m, int g) {
    Minute day = day_of(m) * 1440, of_day = m - day;
    Minute next = (of_day + g - 1) / g * g;
    return next >= 1440 ? day + 1440 : day + next;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

void sort_unique(std::vector<int>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

Problem build_problem(const Instance& in) {
    Problem pb;
    pb.in = &in;
    const auto n = in.sessions.size();
    pb.options.resize(n);
    pb.no_option_reason.resize(n);
    pb.similar.resize(n);
    pb.clash.resize(n);
    pb.before.resize(n);
    pb.later.resize(n);
    pb.unplaced_cost.resize(n);
    std::vector<std::vector<const Unavailable*>> away(in.people.size());
    for (const auto& u : in.unavailable) away[static_cast<std::size_t>(u.person)].push_back(&u);
    ZoneClock clock(in.time_zone);
    for (std::size_t s = 0; s < n; ++s) {
        const auto& session = in.sessions[s];
        pb.unplaced_cost[s] = in.previous[s] ? in.weights.change : 0;
        const Unavailable* blocked_by = nullptr;
        auto free_of_people = [&](Minute start, Minute end) {
            for (int p : session.people)
                for (const auto* u : away[static_cast<std::size_t>(p)])
                    if (u->start < end && start < u->end) {
                        blocked_by = u;
                        return false;
                    }
            return true;
        };
        auto add = [&](int r, Minute start) {
            const auto& room = in.rooms[static_cast<std::size_t>(r)];
            Option o{r, start, start + session.duration, 0};
            o.cost = in.weights.overflow * std::max(0, session.demand - room.capacity);
            for (int p : session.people) {
                const auto& zone = in.person_zone[static_cast<std::size_t>(p)];
                if (!zone.empty() &&
                    at_night(clock.in_zone(o.start, zone), clock.in_zone(o.end, zone)))
                    o.cost += in.weights.night;
            }
            if (in.previous[s] && !(*in.previous[s] == Placement{r, start}))
                o.cost += in.weights.change;
            pb.options[s].push_back(o);
        };
        if (session.fixed) {
            const auto& f = *session.fixed;
            const auto& room = in.rooms[static_cast<std::size_t>(f.room)];
            Minute end = f.start + session.duration;
            const char* why = nullptr;
            if (!has_all(room, session.needs))
                why = "programme.fixed.features";
            else if (!on_grid(f.start, in.granularity))
                why = "programme.fixed.grid";
            else if (std::none_of(room.windows.begin(), room.windows.end(), [&](const Window& w) {
                         return w.start <= f.start && end <= w.end;
                     }))
                why = "programme.fixed.window";
            else if (!free_of_people(f.start, end))
                why = "programme.fixed.unavailable";
            if (why)
                pb.no_option_reason[s] = say(
                    "programme.unplaced.fixed",
                    {{"room", room.id}, {"start", format_local_time(f.start)}, {"why", say(why)}});
            else
                add(f.room, f.start);
        } else {
            bool any_room = false, any_window = false;
            for (std::size_t r = 0; r < in.rooms.size(); ++r) {
                const auto& room = in.rooms[r];
                if (!has_all(room, session.needs)) continue;
                any_room = true;
                for (const auto& w : room.windows)
                    for (Minute t = next_on_grid(w.start, in.granularity);
                         t + session.duration <= w.end; t = next_on_grid(t + 1, in.granularity)) {
                        any_window = true;
                        if (free_of_people(t, t + session.duration)) add(static_cast<int>(r), t);
                    }
            }
            if (pb.options[s].empty()) {
                if (!any_room)
                    pb.no_option_reason[s] =
                        say("programme.unplaced.features", {{"needs", joined(session.needs)}});
                else if (!any_window)
                    pb.no_option_reason[s] =
                        say("programme.unplaced.window", {{"duration", session.duration}});
                else
                    pb.no_option_reason[s] =
                        say("programme.unplaced.unavailable",
                            {{"person",
                              blocked_by ? in.people[static_cast<std::size_t>(blocked_by->person)]
                                         : ""}});
            }
        }
        pb.option_count += static_cast<std::int64_t>(pb.options[s].size());
        pb.option_at.emplace_back();
        for (std::size_t k = 0; k < pb.options[s].size(); ++k)
            pb.option_at[s][pb.options[s][k].start * 1024 + pb.options[s][k].room] =
                static_cast<int>(k);
        for (int a : session.after) {
            pb.before[s].push_back(a);
            pb.later[static_cast<std::size_t>(a)].push_back(static_cast<int>(s));
        }
    }
    std::vector<std::vector<int>> of_person(in.people.size());
    std::map<std::string, std::vector<int>> of_tag;
    for (std::size_t s = 0; s < n; ++s) {
        for (int p : in.sessions[s].people)
            of_person[static_cast<std::size_t>(p)].push_back(static_cast<int>(s));
        for (const auto& tag : in.sessions[s].tags) of_tag[tag].push_back(static_cast<int>(s));
    }
    for (auto* groups : {&of_person}) {
        for (auto& group : *groups)
            for (int a : group)
                for (int b : group)
                    if (a != b) pb.clash[static_cast<std::size_t>(a)].push_back(b);
    }
    for (auto& [tag, group] : of_tag)
        for (int a : group)
            for (int b : group)
                if (a != b) pb.similar[static_cast<std::size_t>(a)].push_back(b);
    for (std::size_t s = 0; s < n; ++s)
        for (auto* v : {&pb.similar[s], &pb.clash[s], &pb.before[s], &pb.later[s]}) sort_unique(*v);
    return pb;
}

SearchState::SearchState(const Problem& problem)
    : pb_(&problem), choice_(problem.options.size(), -1), in_room_(problem.in->rooms.size()) {
    for (auto c : problem.unplaced_cost) total_ += c;
}

bool SearchState::fits(int s, const Option& o) const {
    const auto& in = *pb_->in;
    const int turnover = in.rooms[static_cast<std::size_t>(o.room)].turnover;
    for (int q : in_room_[static_cast<std::size_t>(o.room)]) {
        if (q == s) continue;
        const auto& p = option(q, choice(q));
        if (o.start < p.end + turnover && p.start < o.end + turnover) return false;
    }
    for (int q : pb_->clash[static_cast<std::size_t>(s)]) {
        if (choice(q) < 0) continue;
        const auto& p = option(q, choice(q));
        if (o.start < p.end && p.start < o.end) return false;
    }
    for (int a : pb_->before[static_cast<std::size_t>(s)])
        if (choice(a) >= 0 && o.start < option(a, choice(a)).end) return false;
    for (int b : pb_->later[static_cast<std::size_t>(s)])
        if (choice(b) >= 0 && option(b, choice(b)).start < o.end) return false;
    return true;
}

std::vector<SearchState::Blocker> SearchState::blockers(int s, const Option& o) const {
    std::vector<Blocker> out;
    const auto& in = *pb_->in;
    const int turnover = in.rooms[static_cast<std::size_t>(o.room)].turnover;
    for (int q : in_room_[static_cast<std::size_t>(o.room)]) {
        if (q == s) continue;
        const auto& p = option(q, choice(q));
        if (o.start < p.end + turnover && p.start < o.end + turnover)
            out.push_back({q, "room", -1});
    }
    for (int q : pb_->clash[static_cast<std::size_t>(s)]) {
        if (choice(q) < 0) continue;
        const auto& p = option(q, choice(q));
        if (!(o.start < p.end && p.start < o.end)) continue;
        int person = -1;
        for (int x : in.sessions[static_cast<std::size_t>(s)].people) {
            const auto& theirs = in.sessions[static_cast<std::size_t>(q)].people;
            if (std::find(theirs.begin(), theirs.end(), x) != theirs.end()) person = x;
        }
        out.push_back({q, "person", person});
    }
    for (int a : pb_->before[static_cast<std::size_t>(s)])
        if (choice(a) >= 0 && o.start < option(a, choice(a)).end) out.push_back({a, "after", -1});
    for (int b : pb_->later[static_cast<std::size_t>(s)])
        if (choice(b) >= 0 && option(b, choice(b)).start < o.end) out.push_back({b, "before", -1});
    return out;
}

std::int64_t SearchState::similar_pairs(int s, const Option& o) const {
    std::int64_t pairs = 0;
    for (int q : pb_->similar[static_cast<std::size_t>(s)]) {
        if (choice(q) < 0) continue;
        const auto& p = option(q, choice(q));
        if (o.start < p.end && p.start < o.end) ++pairs;
    }
    return pairs;
}

std::int64_t SearchState::added_cost(int s, const Option& o) const {
    return o.cost - pb_->unplaced_cost[static_cast<std::size_t>(s)] +
           pb_->in->weights.similar * similar_pairs(s, o);
}

Minute SearchState::gap_before(const Option& o) const {
    const auto& room = pb_->in->rooms[static_cast<std::size_t>(o.room)];
    Minute free_from = o.start;
    for (const auto& w : room.windows)
        if (w.start <= o.start && o.end <= w.end) free_from = w.start;
    for (int q : in_room_[static_cast<std::size_t>(o.room)]) {
        Minute ready = option(q, choice(q)).end + room.turnover;
        if (ready <= o.start) free_from = std::max(free_from, ready);
    }
    return o.start - free_from;
}

void SearchState::place(int s, int k) {
    const auto& o = option(s, k);
    total_ += added_cost(s, o);
    choice_[static_cast<std::size_t>(s)] = k;
    in_room_[static_cast<std::size_t>(o.room)].push_back(s);
    ++placed_;
}

void SearchState::remove(int s) {
    int k = choice(s);
    if (k < 0) return;
    const auto& o = option(s, k);
    choice_[static_cast<std::size_t>(s)] = -1;
    auto& room = in_room_[static_cast<std::size_t>(o.room)];
    room.erase(std::find(room.begin(), room.end(), s));
    total_ -= added_cost(s, o);
    --placed_;
}

Timetable SearchState::timetable() const {
    Timetable t(choice_.size());
    for (std::size_t s = 0; s < choice_.size(); ++s)
        if (choice_[s] >= 0) {
            const auto& o = option(static_cast<int>(s), choice_[s]);
            t[s] = Placement{o.room, o.start};
        }
    return t;
}

}  // namespace convene::programme
