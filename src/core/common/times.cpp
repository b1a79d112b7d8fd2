// Instants in the venue's zone and in UTC, with ICU (its zone rules include every DST
// change, past and future).
#include "core/common/times.hpp"

#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/unistr.h>

#include <memory>

#include "core/common/messages.hpp"

namespace convene {

namespace {

icu::UnicodeString unicode(std::string_view text) {
    return icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

// The zone's canonical ICU ID, or empty when ICU does not know the name.
std::string canonical_zone(std::string_view zone) {
    if (zone.empty() || zone.size() > 64) return "";
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString canonical;
    UBool system = false;
    icu::TimeZone::getCanonicalID(unicode(zone), canonical, system, status);
    if (U_FAILURE(status) || !system) return "";
    return utf8(canonical);
}

bool is_utc(const std::string& canonical) {
    return canonical == "Etc/UTC" || canonical == "Etc/GMT" || canonical == "Etc/UCT" ||
           canonical == "UTC";
}

// The instant written with an ICU pattern in a zone.
std::string written(UDate when, const icu::Locale& locale, std::string_view pattern,
                    const std::string& zone) {
    UErrorCode status = U_ZERO_ERROR;
    icu::SimpleDateFormat format(unicode(pattern), locale, status);
    if (U_FAILURE(status)) return "";
    format.adoptTimeZone(icu::TimeZone::createTimeZone(unicode(zone)));
    icu::UnicodeString out;
    format.format(when, out);
    return utf8(out);
}

// "Oslo" for Europe/Oslo, in the locale's words where ICU has them.
std::string exemplar_city(const icu::Locale& locale, const std::string& zone) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::TimeZoneNames> names(icu::TimeZoneNames::createInstance(locale, status));
    icu::UnicodeString city;
    if (U_SUCCESS(status) && names) names->getExemplarLocationName(unicode(zone), city);
    if (!city.isBogus() && !city.isEmpty()) return utf8(city);
    std::string last = zone.substr(zone.rfind('/') + 1);
    for (char& c : last)
        if (c == '_') c = ' ';
    return last;
}

}  // namespace

bool is_known_time_zone(std::string_view zone) {
    return !canonical_zone(zone).empty();
}

TimeText format_time(Clock::time_point instant, std::string_view zone,
                     std::string_view locale_name) {
    TimeText out;
    out.datetime = format_utc(instant);
    std::string canonical = canonical_zone(zone);
    out.zone_known = !canonical.empty() || zone.empty();
    bool utc_only = canonical.empty() || is_utc(canonical);
    out.zone = utc_only ? "UTC" : std::string(zone);

    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(std::string(locale_name).c_str(), status);
    if (U_FAILURE(status) || locale.isBogus()) locale = icu::Locale::getEnglish();
    auto when = static_cast<UDate>(
        std::chrono::duration_cast<std::chrono::milliseconds>(instant.time_since_epoch()).count());
    auto date_time = say_label("time.pattern.date_time");
    std::string utc_date_time = written(when, locale, date_time, "UTC");

    if (utc_only) {
        out.venue = utc_date_time;
        out.utc = say("time.utc", {{"time", utc_date_time}});
        out.text =
            out.zone_known ? out.utc : say("time.unknown_zone", {{"utc", out.utc}, {"zone", zone}});
        out.short_text = say(
            "time.utc", {{"time", written(when, locale, say_label("time.pattern.time"), "UTC")}});
        if (!out.zone_known)
            out.short_text = say("time.unknown_zone", {{"utc", out.short_text}, {"zone", zone}});
        return out;
    }
    out.venue = written(when, locale, date_time, out.zone);
    out.zone_name = say("time.zone_name", {{"city", exemplar_city(locale, canonical)}});
    auto day = say_label("time.pattern.date");
    bool same_day = written(when, locale, day, out.zone) == written(when, locale, day, "UTC");
    out.utc = say("time.utc",
                  {{"time", same_day ? written(when, locale, say_label("time.pattern.time"), "UTC")
                                     : utc_date_time}});
    out.text =
        say("time.in_zone", {{"venue", out.venue}, {"zone", out.zone_name}, {"utc", out.utc}});
    auto clock = say_label("time.pattern.time");
    out.short_text =
        say("time.in_zone",
            {{"venue", written(when, locale, clock, out.zone)},
             {"zone", out.zone_name},
             {"utc", say("time.utc", {{"time", written(when, locale, clock, "UTC")}})}});
    return out;
}

std::string day_words(std::string_view day) {
    auto written = stored_time(std::string(day) + "T12:00:00Z", "UTC").venue;
    auto comma = written.rfind(", ");
    return comma == std::string::npos ? std::string(day) : written.substr(0, comma);
}

TimeText stored_time(std::string_view utc, std::string_view zone) {
    auto instant = parse_utc(utc);
    if (!instant) {
        TimeText raw;
        raw.text = raw.short_text = std::string(utc);
        return raw;
    }
    return format_time(*instant, zone, say_label("time.locale"));
}

}  // namespace convene
