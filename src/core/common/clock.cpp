#include "core/common/clock.hpp"

#include <cstdio>

namespace convene {

std::string format_utc(Clock::time_point t) {
    auto seconds = std::chrono::floor<std::chrono::seconds>(t);
    auto days = std::chrono::floor<std::chrono::days>(seconds);
    std::chrono::year_month_day ymd{days};
    std::chrono::hh_mm_ss hms{seconds - days};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02lldZ", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), long(hms.hours().count()),
                  long(hms.minutes().count()), static_cast<long long>(hms.seconds().count()));
    return buf;
}

std::optional<Clock::time_point> parse_utc(std::string_view text) {
    int y, mo, d, h, mi, s;
    if (text.size() != 20 || text[19] != 'Z') return std::nullopt;
    std::string copy(text);
    if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &s) != 6)
        return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month(mo),
                                    std::chrono::day(d)};
    if (!ymd.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
    return std::chrono::sys_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{mi} +
           std::chrono::seconds{s};
}

}  // namespace convene
