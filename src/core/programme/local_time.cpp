#include "core/programme/local_time.hpp"

#include <unicode/timezone.h>
#include <unicode/ucal.h>
#include <unicode/unistr.h>

namespace convene::programme {

namespace {

std::unique_ptr<icu::TimeZone> zone_named(const std::string& name) {
    return std::unique_ptr<icu::TimeZone>(
        icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(name)));
}

// Milliseconds east of UTC at `date`; `local` says whether `date` is a wall time there.
std::int64_t offset_ms(const icu::TimeZone& zone, double date, bool local) {
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    zone.getOffset(date, local ? true : false, raw, dst, status);
    if (U_FAILURE(status)) return 0;
    return std::int64_t{raw} + dst;
}

}  // namespace

bool known_time_zone(const std::string& name) {
    if (name.empty() || name.size() > 64) return false;
    auto zone = zone_named(name);
    icu::UnicodeString id;
    zone->getID(id);
    return id != icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID);
}

struct ZoneClock::Zones {
    std::unique_ptr<icu::TimeZone> venue;
    std::map<std::string, std::unique_ptr<icu::TimeZone>> others;
};

ZoneClock::ZoneClock(const std::string& venue_zone) : zones_(std::make_unique<Zones>()) {
    zones_->venue = zone_named(venue_zone);
}

ZoneClock::~ZoneClock() = default;

Minute ZoneClock::in_zone(Minute venue_local, const std::string& zone) {
    auto key = std::make_pair(zone, venue_local);
    if (auto it = memo_.find(key); it != memo_.end()) return it->second;
    auto& other = zones_->others[zone];
    if (!other) other = zone_named(zone);
    double wall = static_cast<double>(venue_local) * 60000.0;
    double utc = wall - static_cast<double>(offset_ms(*zones_->venue, wall, true));
    Minute result = venue_local +
                    (offset_ms(*other, utc, false) - offset_ms(*zones_->venue, wall, true)) / 60000;
    memo_.emplace(std::move(key), result);
    return result;
}

}  // namespace convene::programme
