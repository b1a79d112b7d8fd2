#include "core/common/times.hpp"

#include <gtest/gtest.h>

using namespace convene;

namespace {
TimeText oslo(std::string_view utc) {
    return format_time(*parse_utc(utc), "Europe/Oslo", "en-GB");
}
}  // namespace

TEST(Times, ShowsTheVenueZoneAndUtc) {
    auto t = oslo("2026-11-23T21:25:02Z");
    EXPECT_EQ(t.text, "23 November 2026, 22:25 (Oslo time) · 21:25 UTC");
    EXPECT_EQ(t.short_text, "22:25 (Oslo time) · 21:25 UTC");
    EXPECT_EQ(t.datetime, "2026-11-23T21:25:02Z");
    EXPECT_EQ(t.zone, "Europe/Oslo");
    EXPECT_TRUE(t.zone_known);
}

TEST(Times, GivesUtcItsOwnDateWhenTheDaysDiffer) {
    EXPECT_EQ(oslo("2026-11-23T23:30:00Z").text,
              "24 November 2026, 00:30 (Oslo time) · 23 November 2026, 23:30 UTC");
}

TEST(Times, FollowsOsloIntoSummerTimeInMarch) {
    // 28 March 2027: at 01:00 UTC Oslo's clocks jump from 02:00 to 03:00.
    EXPECT_EQ(oslo("2027-03-28T00:59:00Z").text, "28 March 2027, 01:59 (Oslo time) · 00:59 UTC");
    EXPECT_EQ(oslo("2027-03-28T01:00:00Z").text, "28 March 2027, 03:00 (Oslo time) · 01:00 UTC");
}

TEST(Times, FollowsOsloBackToWinterTimeInOctober) {
    // 31 October 2027: Oslo's 02:30 happens twice; UTC tells them apart.
    EXPECT_EQ(oslo("2027-10-31T00:30:00Z").text, "31 October 2027, 02:30 (Oslo time) · 00:30 UTC");
    EXPECT_EQ(oslo("2027-10-31T01:30:00Z").text, "31 October 2027, 02:30 (Oslo time) · 01:30 UTC");
    EXPECT_EQ(oslo("2027-10-31T02:00:00Z").text, "31 October 2027, 03:00 (Oslo time) · 02:00 UTC");
}

TEST(Times, AnUnknownZoneFallsBackToUtcAndSaysSo) {
    auto t = format_time(*parse_utc("2026-11-23T21:25:00Z"), "Mars/Olympus_Mons", "en-GB");
    EXPECT_FALSE(t.zone_known);
    EXPECT_EQ(t.zone, "UTC");
    EXPECT_EQ(t.text,
              "23 November 2026, 21:25 UTC (the venue's time zone “Mars/Olympus_Mons” is not "
              "known, so this time is in UTC)");
}

TEST(Times, UtcOrNoZoneShowsUtcOnce) {
    auto at = *parse_utc("2026-11-23T21:25:00Z");
    EXPECT_EQ(format_time(at, "UTC", "en-GB").text, "23 November 2026, 21:25 UTC");
    EXPECT_EQ(format_time(at, "Etc/UTC", "en-GB").text, "23 November 2026, 21:25 UTC");
    auto none = format_time(at, "", "en-GB");
    EXPECT_TRUE(none.zone_known);
    EXPECT_EQ(none.text, "23 November 2026, 21:25 UTC");
    EXPECT_EQ(none.short_text, "21:25 UTC");
}

TEST(Times, FarFutureDatesKeepTheZonesLastRule) {
    EXPECT_EQ(oslo("2199-07-01T12:00:00Z").text, "1 July 2199, 14:00 (Oslo time) · 12:00 UTC");
    EXPECT_EQ(oslo("2199-12-31T23:30:00Z").text,
              "1 January 2200, 00:30 (Oslo time) · 31 December 2199, 23:30 UTC");
}

TEST(Times, NamesTheCityAsPeopleWriteIt) {
    auto at = *parse_utc("2027-06-01T12:00:00Z");
    EXPECT_EQ(format_time(at, "America/Argentina/Buenos_Aires", "en-GB").text,
              "1 June 2027, 09:00 (Buenos Aires time) · 12:00 UTC");
    EXPECT_EQ(format_time(at, "Asia/Kolkata", "en-GB").zone_name, "Kolkata time");
}

TEST(Times, MonthsInTheReadersLanguage) {
    auto t = format_time(*parse_utc("2026-11-23T21:25:00Z"), "Europe/Paris", "fr");
    EXPECT_NE(t.venue.find("novembre"), std::string::npos) << t.venue;
}

TEST(Times, StoredTimesAreWrittenAndOtherTextKept) {
    EXPECT_EQ(stored_time("2026-11-23T21:25:00Z", "Europe/Oslo").text,
              "23 November 2026, 22:25 (Oslo time) · 21:25 UTC");
    EXPECT_EQ(stored_time("not a time", "Europe/Oslo").text, "not a time");
    EXPECT_EQ(stored_time("", "Europe/Oslo").text, "");
}

TEST(Times, KnowsTheZonesIcuKnows) {
    EXPECT_TRUE(is_known_time_zone("Europe/Oslo"));
    EXPECT_TRUE(is_known_time_zone("UTC"));
    EXPECT_TRUE(is_known_time_zone("America/Argentina/Buenos_Aires"));
    EXPECT_FALSE(is_known_time_zone("Mars/Olympus_Mons"));
    EXPECT_FALSE(is_known_time_zone("Europe/Osloo"));
    EXPECT_FALSE(is_known_time_zone(""));
}
