#pragma once
// Venue time to a person's own time, through ICU's time zone data, for the night rule:
// an online speaker should not speak outside 07:00-22:00 of their own day.
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "core/programme/instance.hpp"

namespace convene::programme {

// True when ICU knows the IANA zone name ("Europe/Oslo"; not "Mars/Base").
bool known_time_zone(const std::string& name);

// Converts venue-local minutes to the local minutes of other zones, remembering each
// conversion (a timetable asks for the same few hundred grid times again and again).
class ZoneClock {
  public:
    explicit ZoneClock(const std::string& venue_zone);
    ~ZoneClock();
    ZoneClock(const ZoneClock&) = delete;
    ZoneClock& operator=(const ZoneClock&) = delete;
    Minute in_zone(Minute venue_local, const std::string& zone);

  private:
    struct Zones;
    std::unique_ptr<Zones> zones_;
    std::map<std::pair<std::string, Minute>, Minute> memo_;
};

// A session from `local_start` to `local_end` (a person's local minutes) is at night for
// them unless it lies wholly inside 07:00-22:00 of one local day.
inline bool at_night(Minute local_start, Minute local_end) {
    Minute day = local_start >= 0 ? local_start / 1440 : (local_start - 1439) / 1440;
    return !(local_start >= day * 1440 + 7 * 60 && local_end <= day * 1440 + 22 * 60);
}

}  // namespace convene::programme
