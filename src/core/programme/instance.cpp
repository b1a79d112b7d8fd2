#include "core/programme/instance.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>

#include "core/common/messages.hpp"
#include "core/programme/local_time.hpp"

namespace convene::programme {

namespace {

// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm), and back.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
}

Minute floor_div(Minute a, Minute b) {
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

}  // namespace

std::optional<Minute> parse_local_time(const std::string& t) {
    // Exactly YYYY-MM-DDTHH:MM.
    if (t.size() != 16 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':')
        return std::nullopt;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15})
        if (t[static_cast<std::size_t>(i)] < '0' || t[static_cast<std::size_t>(i)] > '9')
            return std::nullopt;
    auto num = [&](int from, int len) {
        return std::stoi(t.substr(static_cast<std::size_t>(from), static_cast<std::size_t>(len)));
    };
    int y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2);
    if (y < 1970 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return std::nullopt;
    static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > month_days[mo - 1] + (mo == 2 && leap ? 1 : 0)) return std::nullopt;
    return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 1440 + h * 60 +
           mi;
}

std::string format_local_time(Minute m) {
    int y = 0;
    unsigned mo = 0, d = 0;
    civil_from_days(floor_div(m, 1440), y, mo, d);
    Minute in_day = m - floor_div(m, 1440) * 1440;
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d", y, mo, d,
                  static_cast<int>(in_day / 60), static_cast<int>(in_day % 60));
    return text;
}

std::string format_time_of_day(Minute m) {
    return format_local_time(m).substr(11);
}

FieldErrors instance_problems(const Instance& in) {
    FieldErrors errors;
    if (!known_time_zone(in.time_zone))
        errors.push_back({"time_zone", say("programme.input.time_zone", {{"zone", in.time_zone}})});
    for (std::size_t p = 0; p < in.people.size(); ++p)
        if (!in.person_zone[p].empty() && !known_time_zone(in.person_zone[p]))
            errors.push_back(
                {"time_zones", say("programme.input.person_zone",
                                   {{"person", in.people[p]}, {"zone", in.person_zone[p]}})});
    Minute longest_window = 0;
    for (std::size_t r = 0; r < in.rooms.size(); ++r) {
        const auto& room = in.rooms[r];
        for (std::size_t w = 0; w < room.windows.size(); ++w) {
            const auto& win = room.windows[w];
            auto field = "rooms[" + std::to_string(r) + "].windows[" + std::to_string(w) + "]";
            if (win.end <= win.start) {
                errors.push_back({field, say("programme.input.window_order",
                                             {{"room", room.id},
                                              {"start", format_local_time(win.start)},
                                              {"end", format_local_time(win.end)}})});
                continue;
            }
            longest_window = std::max(longest_window, win.end - win.start);
            for (std::size_t v = 0; v < w; ++v) {
                const auto& other = room.windows[v];
                if (other.end > other.start && win.start < other.end && other.start < win.end)
                    errors.push_back({field, say("programme.input.window_overlap",
                                                 {{"room", room.id},
                                                  {"start", format_local_time(win.start)},
                                                  {"other", format_local_time(other.start)}})});
            }
        }
    }
    if (in.sessions.empty()) errors.push_back({"sessions", say("programme.input.no_sessions")});
    for (std::size_t s = 0; s < in.sessions.size(); ++s)
        if (in.sessions[s].duration > longest_window)
            errors.push_back({"sessions[" + std::to_string(s) + "].duration",
                              say("programme.input.too_long",
                                  {{"session", in.sessions[s].id},
                                   {"duration", in.sessions[s].duration},
                                   {"longest", static_cast<long long>(longest_window)}})});
    for (std::size_t u = 0; u < in.unavailable.size(); ++u)
        if (in.unavailable[u].end <= in.unavailable[u].start)
            errors.push_back({"unavailable[" + std::to_string(u) + "]",
                              say("programme.input.unavailable_order")});
    // A cycle of "after" links: depth-first search, reporting each cycle once by the
    // session where it closes.
    std::vector<int> state(in.sessions.size(), 0);  // 0 new, 1 on the path, 2 done
    std::vector<int> path;
    std::function<void(int)> visit = [&](int s) {
        state[static_cast<std::size_t>(s)] = 1;
        path.push_back(s);
        for (int a : in.sessions[static_cast<std::size_t>(s)].after) {
            if (state[static_cast<std::size_t>(a)] == 1) {
                std::string cycle;
                auto from = std::find(path.begin(), path.end(), a);
                for (auto it = from; it != path.end(); ++it)
                    cycle += in.sessions[static_cast<std::size_t>(*it)].id + " → ";
                cycle += in.sessions[static_cast<std::size_t>(a)].id;
                errors.push_back({"sessions[" + std::to_string(s) + "].after",
                                  say("programme.input.after_cycle", {{"cycle", cycle}})});
            } else if (state[static_cast<std::size_t>(a)] == 0) {
                visit(a);
            }
        }
        path.pop_back();
        state[static_cast<std::size_t>(s)] = 2;
    };
    for (std::size_t s = 0; s < in.sessions.size(); ++s)
        if (state[s] == 0) visit(static_cast<int>(s));
    return errors;
}

}  // namespace convene::programme
