// The compromises of a timetable in words: each soft cost named with its numbers, and
// their costs adding up to the checker's total.
#include "core/programme/compromises.hpp"

#include <gtest/gtest.h>

#include "core/programme/checker.hpp"
#include "core/programme/instance_json.hpp"

using namespace convene::programme;
using nlohmann::json;

namespace {

json forum() {
    return json::parse(R"({"time_zone": "Europe/Oslo", "granularity": 15,
      "weights": {"overflow": 1, "similar": 50, "night": 20, "change": 100},
      "rooms": [{"id": "Room 1", "capacity": 200, "turnover": 0,
                 "windows": [{"start": "2027-06-23T09:00", "end": "2027-06-23T18:00"}]},
                {"id": "Room 2", "capacity": 50, "turnover": 0,
                 "windows": [{"start": "2027-06-23T09:00", "end": "2027-06-23T18:00"}]}],
      "sessions": [
        {"id": "WS3", "duration": 60, "demand": 120, "tags": ["privacy"]},
        {"id": "WS12", "duration": 90, "tags": ["children's rights", "safety"], "people": ["Ana Silva"]},
        {"id": "WS18", "duration": 60, "tags": ["children's rights"]}],
      "time_zones": [{"person": "Ana Silva", "time_zone": "Australia/Sydney"}]})");
}

Placement at(int room, const std::string& time) {
    return {room, *parse_local_time("2027-06-23T" + time)};
}

std::vector<std::string> texts(const std::vector<Compromise>& cs) {
    std::vector<std::string> out;
    for (const auto& c : cs) out.push_back(c.text);
    return out;
}

}  // namespace

TEST(ProgrammeCompromises, NamesEachSoftCostInWords) {
    auto in = checked_instance_from_json(forum());
    // WS3 in the small room; WS12 and WS18 side by side at 09:00 and 09:30 (Sydney: 17:00).
    Timetable t = {at(1, "14:00"), at(0, "09:00"), at(1, "09:30")};
    auto cs = compromises(in, t);
    EXPECT_EQ(texts(cs),
              (std::vector<std::string>{
                  "WS3 expects 120, Room 2 seats 50",
                  "WS12 and WS18 are both about children's rights at 09:30 on 2027-06-23"}));
    EXPECT_EQ(cs[0].kind, "overflow");
    EXPECT_EQ(cs[0].cost, 70);
    EXPECT_EQ(cs[1].sessions, (std::vector<int>{1, 2}));
    // Every tag they share is named.
    in.sessions[2].tags = {"safety", "children's rights", "privacy"};
    in.sessions[1].tags.push_back("privacy");
    EXPECT_EQ(compromises(in, t)[1].text,
              "WS12 and WS18 are both about children's rights, safety and privacy at 09:30 on "
              "2027-06-23");
}

TEST(ProgrammeCompromises, NightIsInThePersonsOwnTime) {
    auto in = checked_instance_from_json(forum());
    // 18:00 in Oslo (summer, UTC+2) is 02:00 the next day in Sydney (winter, UTC+10).
    Timetable t = {std::nullopt, at(0, "16:00"), std::nullopt};
    auto cs = compromises(in, t);
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(cs[0].kind, "night");
    EXPECT_EQ(cs[0].text, "WS12 is at 00:00 for Ana Silva in Australia/Sydney");
}

TEST(ProgrammeCompromises, ChangesFromThePublishedTimetable) {
    auto j = forum();
    j["previous"] = {{{"session", "WS3"}, {"room", "Room 1"}, {"start", "2027-06-23T09:00"}},
                     {{"session", "WS18"}, {"room", "Room 1"}, {"start", "2027-06-23T11:00"}}};
    auto in = checked_instance_from_json(j);
    Timetable t = {at(0, "10:00"), std::nullopt, std::nullopt};
    auto cs = compromises(in, t);
    EXPECT_EQ(texts(cs),
              (std::vector<std::string>{
                  "WS3 has moved from where the published timetable has it (Room 1 at "
                  "2027-06-23 09:00)",
                  "WS18 is off the grid, though the published timetable has it in Room 1 at "
                  "2027-06-23 11:00"}));
}

TEST(ProgrammeCompromises, CostsAddUpToTheCheckersTotal) {
    auto j = forum();
    j["previous"] = {{{"session", "WS3"}, {"room", "Room 1"}, {"start", "2027-06-23T09:00"}}};
    auto in = checked_instance_from_json(j);
    Timetable t = {at(1, "09:00"), at(0, "16:00"), at(1, "16:30")};
    std::int64_t sum = 0;
    for (const auto& c : compromises(in, t)) sum += c.cost;
    auto report = check_timetable(in, t);
    EXPECT_TRUE(report.violations.empty());
    EXPECT_EQ(sum, report.objective.total);
    EXPECT_GT(sum, 0);
}
