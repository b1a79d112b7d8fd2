#include "core/programme/generator.hpp"

#include <algorithm>
#include <random>

namespace convene::programme {

namespace {

struct Slot {
    int room;
    Minute start;
    int duration;
};

}  // namespace

Instance generate_forum(std::uint64_t seed, const ForumSize& size) {
    std::mt19937_64 rng(seed);
    auto below = [&](int n) {
        return static_cast<int>(rng() % static_cast<std::uint64_t>(std::max(1, n)));
    };
    Instance in;
    in.time_zone = "Europe/Oslo";
    in.granularity = 15;
    const Minute first_day = *parse_local_time("2027-06-22T00:00");
    const std::vector<std::string> extras = {"captioning", "streaming", "hybrid", "step-free"};
    // The rooms: the interpreted main hall, then rooms of varied sizes and equipment.
    for (int r = 0; r < size.rooms; ++r) {
        Room room;
        if (r == 0) {
            room = {"Main hall",
                    1200,
                    {"interpretation", "captioning", "streaming", "hybrid", "step-free"},
                    20,
                    {}};
            for (int d = 0; d < size.days; ++d)
                for (Minute open : {9 * 60, 14 * 60})
                    room.windows.push_back(
                        {first_day + d * 1440 + open, first_day + d * 1440 + open + 180});
        } else {
            static const int capacities[] = {40, 60, 80, 100, 150, 200, 300, 400};
            room = {"Room " + std::to_string(r), capacities[below(8)], {}, 15, {}};
            for (const auto& f : extras)
                if (below(10) < 6) room.features.push_back(f);
            for (int d = 0; d < size.days; ++d)
                room.windows.push_back(
                    {first_day + d * 1440 + 9 * 60, first_day + d * 1440 + 19 * 60});
        }
        in.rooms.push_back(std::move(room));
    }
    // Every slot of a timetable filling each window, then as many as there are sessions.
    std::vector<Slot> main_slots, slots;
    for (int r = 0; r < size.rooms; ++r)
        for (const auto& w : in.rooms[static_cast<std::size_t>(r)].windows) {
            Minute t = w.start;
            while (true) {
                static const int durations[] = {30, 60, 60, 60, 75, 75, 90, 90, 90, 60};
                int d = r == 0 ? 75 : durations[below(10)];
                if (t + d > w.end) break;
                (r == 0 ? main_slots : slots).push_back({r, t, d});
                t += d + in.rooms[static_cast<std::size_t>(r)].turnover +
                     (r == 0 ? 0 : 15 * below(2));
                t = (t + in.granularity - 1) / in.granularity * in.granularity;  // on the grid
            }
        }
    std::shuffle(slots.begin(), slots.end(), rng);
    std::vector<Slot> chosen(main_slots.begin(), main_slots.end());
    for (const auto& s : slots)
        if (static_cast<int>(chosen.size()) < size.sessions) chosen.push_back(s);
    if (static_cast<int>(chosen.size()) > size.sessions)
        chosen.resize(static_cast<std::size_t>(size.sessions));
    std::shuffle(chosen.begin(), chosen.end(), rng);
    for (int p = 0; p < size.people; ++p) {
        in.people.push_back("p" + std::to_string(p + 1));
        in.person_zone.emplace_back();
    }
    static const char* zones[] = {"America/Los_Angeles", "America/New_York", "America/Sao_Paulo",
                                  "Asia/Tokyo",          "Australia/Sydney", "Asia/Kolkata",
                                  "Africa/Nairobi",      "Pacific/Auckland"};
    for (int p = 0; p < size.people; ++p)
        if (below(100) < size.online_percent)
            in.person_zone[static_cast<std::size_t>(p)] = zones[below(8)];
    std::vector<std::vector<std::pair<Minute, Minute>>> busy(static_cast<std::size_t>(size.people));
    std::vector<int> pool(static_cast<std::size_t>(size.people));
    for (int p = 0; p < size.people; ++p) pool[static_cast<std::size_t>(p)] = p;
    std::shuffle(pool.begin(), pool.end(), rng);
    std::size_t next_person = 0;
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        const auto& slot = chosen[i];
        const auto& room = in.rooms[static_cast<std::size_t>(slot.room)];
        Session s;
        s.id = (slot.room == 0 ? "MS" : "WS") + std::to_string(i + 1);
        s.duration = slot.duration;
        if (slot.room == 0) s.needs.push_back("interpretation");
        for (const auto& f : room.features)
            if (f != "interpretation" && below(10) < 3) s.needs.push_back(f);
        s.demand = room.capacity * (50 + below(70)) / 100;
        int tags = 1 + below(2);
        for (int t = 0; t < tags; ++t) {
            auto tag = "tag" + std::to_string(1 + below(size.tags));
            if (std::find(s.tags.begin(), s.tags.end(), tag) == s.tags.end()) s.tags.push_back(tag);
        }
        Minute end = slot.start + slot.duration;
        int people = 5 + below(5);
        for (int tries = 0; static_cast<int>(s.people.size()) < people && tries < 50; ++tries) {
            int p = next_person < pool.size() ? pool[next_person++] : below(size.people);
            auto& theirs = busy[static_cast<std::size_t>(p)];
            bool clash = std::any_of(theirs.begin(), theirs.end(), [&](const auto& b) {
                return b.first < end && slot.start < b.second;
            });
            if (clash || std::find(s.people.begin(), s.people.end(), p) != s.people.end()) continue;
            theirs.push_back({slot.start, end});
            s.people.push_back(p);
        }
        if (below(100) < size.fixed_percent) s.fixed = Placement{slot.room, slot.start};
        in.sessions.push_back(std::move(s));
    }
    // Feeder chains: a workshop (sometimes two) before a main session, as hidden.
    int chains = 0;
    for (std::size_t b = 0; b < chosen.size() && chains < size.chains; ++b) {
        if (chosen[b].room != 0) continue;
        int links = 1 + below(2);
        std::size_t target = b;
        for (int l = 0; l < links; ++l) {
            for (int tries = 0; tries < 100; ++tries) {
                auto a = static_cast<std::size_t>(below(static_cast<int>(chosen.size())));
                if (a == target || chosen[a].room == 0 ||
                    chosen[a].start + chosen[a].duration > chosen[target].start)
                    continue;
                in.sessions[target].after.push_back(static_cast<int>(a));
                target = a;
                break;
            }
        }
        ++chains;
    }
    // A few people away for some hours, never during their own hidden sessions.
    for (int p = 0; p < size.people; ++p) {
        if (below(100) >= 5) continue;
        Minute start = first_day + below(size.days) * 1440 + (9 + below(8)) * 60;
        Minute end = start + (2 + below(3)) * 60;
        const auto& theirs = busy[static_cast<std::size_t>(p)];
        if (std::none_of(theirs.begin(), theirs.end(),
                         [&](const auto& b) { return b.first < end && start < b.second; }))
            in.unavailable.push_back({p, start, end});
    }
    in.previous.assign(in.sessions.size(), std::nullopt);
    return in;
}

}  // namespace convene::programme
