// The instance of `convene schedule`: read from its JSON, and every bad instance named by
// its field before anything is solved (unknown ids, windows backwards or overlapping, an
// unknown time zone, a cycle of "after" links, a session longer than every window, no
// sessions at all).
#include <gtest/gtest.h>

#include "core/programme/instance_json.hpp"
#include "core/programme/local_time.hpp"

using namespace convene;
using namespace convene::programme;
using nlohmann::json;

namespace {

json valid() {
    return json::parse(R"({"time_zone": "Europe/Oslo", "granularity": 15,
      "weights": {"overflow": 1, "similar": 50, "night": 20, "change": 100},
      "rooms": [{"id": "R1", "capacity": 80, "features": ["captioning"], "turnover": 15,
                 "windows": [{"start": "2027-06-23T09:00", "end": "2027-06-23T12:00"}]},
                {"id": "R2", "capacity": 40, "windows": [{"start": "2027-06-23T09:00", "end": "2027-06-23T17:00"}]}],
      "sessions": [{"id": "WS12", "duration": 90, "needs": ["captioning"], "demand": 120,
                    "tags": ["children"], "people": ["p1", "p2"],
                    "fixed": {"room": "R1", "start": "2027-06-23T09:00"}, "after": ["WS7"]},
                   {"id": "WS7", "duration": 60, "people": ["p1"]}],
      "unavailable": [{"person": "p1", "start": "2027-06-23T13:00", "end": "2027-06-23T14:00"}],
      "time_zones": [{"person": "p2", "time_zone": "Australia/Sydney"}],
      "previous": [{"session": "WS12", "room": "R1", "start": "2027-06-23T09:00"}]})");
}

// The field of the first problem, or "" when the instance is accepted.
std::string refused(const json& j) {
    try {
        checked_instance_from_json(j);
        return "";
    } catch (const InputError& e) {
        EXPECT_FALSE(e.message().empty());
        return e.field();
    }
}

}  // namespace

TEST(ProgrammeInstance, ReadsTheIssuesExample) {
    auto in = checked_instance_from_json(valid());
    ASSERT_EQ(in.sessions.size(), 2u);
    EXPECT_EQ(in.sessions[0].after, std::vector<int>{1});
    EXPECT_EQ(in.sessions[0].fixed->room, 0);
    EXPECT_EQ(format_local_time(in.sessions[0].fixed->start), "2027-06-23T09:00");
    EXPECT_EQ(in.person_zone[1], "Australia/Sydney");
    EXPECT_EQ(in.previous[0]->start, *parse_local_time("2027-06-23T09:00"));
    EXPECT_EQ(in.weights.similar, 50);
    // Round trip through the JSON the generator writes.
    auto again = checked_instance_from_json(to_json(in));
    EXPECT_EQ(to_json(again), to_json(in));
}

TEST(ProgrammeInstance, NamesEachBadThing) {
    auto j = valid();
    j["sessions"][0]["fixed"]["room"] = "R9";
    EXPECT_EQ(refused(j), "sessions[0].fixed.room");
    j = valid();
    j["sessions"][0]["after"] = {"WS99"};
    EXPECT_EQ(refused(j), "sessions[0].after[0]");
    j = valid();
    j["previous"][0]["session"] = "OF1";
    EXPECT_EQ(refused(j), "previous[0].session");
    j = valid();
    j["rooms"][1]["windows"][0]["end"] = "2027-06-23T08:00";
    EXPECT_EQ(refused(j), "rooms[1].windows[0]");
    j = valid();
    j["rooms"][0]["windows"].push_back(
        {{"start", "2027-06-23T11:00"}, {"end", "2027-06-23T13:00"}});
    EXPECT_EQ(refused(j), "rooms[0].windows[1]");
    j = valid();
    j["time_zone"] = "Europe/Atlantis";
    EXPECT_EQ(refused(j), "time_zone");
    j = valid();
    j["time_zones"][0]["time_zone"] = "Mars/Olympus";
    EXPECT_EQ(refused(j), "time_zones");
    j = valid();
    j["sessions"][1]["after"] = {"WS12"};
    EXPECT_EQ(refused(j), "sessions[1].after");
    j = valid();
    j["sessions"][1]["duration"] = 600;
    EXPECT_EQ(refused(j), "sessions[1].duration");
    j = valid();
    j["sessions"] = json::array();
    j["previous"] = json::array();
    EXPECT_EQ(refused(j), "sessions");
    j = valid();
    j["sessions"][1]["id"] = "WS12";
    EXPECT_EQ(refused(j), "sessions[1].id");
    j = valid();
    j["rooms"][0]["windows"][0]["start"] = "2027-02-30T09:00";
    EXPECT_EQ(refused(j), "rooms[0].windows[0].start");
    j = valid();
    j["sessions"][0]["duration"] = "90";
    EXPECT_EQ(refused(j), "sessions[0].duration");
    j = valid();
    j["granularity"] = 0;
    EXPECT_EQ(refused(j), "granularity");
    EXPECT_EQ(refused(json::array()), "instance");
    EXPECT_EQ(refused(valid()), "");
}

TEST(ProgrammeInstance, EveryProblemIsListed) {
    auto j = valid();
    j["time_zone"] = "Nowhere/Else";
    j["rooms"][1]["windows"][0]["end"] = "2027-06-23T08:00";
    j["sessions"][1]["after"] = {"WS12"};
    auto problems = instance_problems(instance_from_json(j));
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_NE(problems[2].message.find("WS12"), std::string::npos);
}

TEST(ProgrammeInstance, LongListsAreRefused) {
    auto j = valid();
    j["sessions"][0]["tags"] = json::array();
    for (int i = 0; i < 300; ++i) j["sessions"][0]["tags"].push_back("t" + std::to_string(i));
    EXPECT_EQ(refused(j), "sessions[0].tags");
}

TEST(ProgrammeLocalTime, ConvertsThroughIcu) {
    EXPECT_TRUE(known_time_zone("Australia/Sydney"));
    EXPECT_FALSE(known_time_zone("Australia/Atlantis"));
    ZoneClock clock("Europe/Oslo");
    auto nine = *parse_local_time("2027-06-23T09:00");
    // June: Oslo is UTC+2, Sydney UTC+10, Los Angeles UTC-7.
    EXPECT_EQ(format_local_time(clock.in_zone(nine, "Australia/Sydney")), "2027-06-23T17:00");
    EXPECT_EQ(format_local_time(clock.in_zone(nine, "America/Los_Angeles")), "2027-06-23T00:00");
    // January: Oslo UTC+1, Sydney UTC+11 (its summer).
    EXPECT_EQ(
        format_local_time(clock.in_zone(*parse_local_time("2027-01-10T09:00"), "Australia/Sydney")),
        "2027-01-10T19:00");
    EXPECT_FALSE(at_night(7 * 60, 22 * 60));
    EXPECT_TRUE(at_night(6 * 60 + 45, 8 * 60));
    EXPECT_TRUE(at_night(21 * 60, 22 * 60 + 15));
    EXPECT_TRUE(at_night(21 * 60 + 30, 24 * 60 + 8 * 60));
}
