// Each hard rule and each term of the objective, once on the solver (it keeps the rule)
// and once on the checker (it names a timetable that breaks it).
#include <gtest/gtest.h>

#include "core/programme/checker.hpp"
#include "core/programme/instance_json.hpp"
#include "core/programme/solver.hpp"

using namespace convene::programme;
using nlohmann::json;

namespace {

// A day at the venue with two rooms; tests add sessions and change what they need.
json day() {
    return json::parse(R"({"time_zone": "Europe/Oslo", "granularity": 15,
      "rooms": [{"id": "A", "capacity": 100, "features": ["captioning"], "turnover": 15,
                 "windows": [{"start": "2027-06-23T09:00", "end": "2027-06-23T12:00"}]},
                {"id": "B", "capacity": 30, "turnover": 15,
                 "windows": [{"start": "2027-06-23T09:00", "end": "2027-06-23T12:00"}]}],
      "sessions": []})");
}

json session(const std::string& id, int duration, json more = json::object()) {
    json s = {{"id", id}, {"duration", duration}};
    s.update(more);
    return s;
}

Minute at(const std::string& t) {
    return *parse_local_time("2027-06-23T" + t);
}

ScheduleResult solve(const json& j) {
    auto result = schedule(checked_instance_from_json(j), {.time_limit = 5});
    EXPECT_TRUE(result.violations.empty()) << result.violations.front().text;
    return result;
}

std::vector<std::string> rules(const json& j, const Timetable& t) {
    std::vector<std::string> out;
    for (const auto& v : check_timetable(checked_instance_from_json(j), t).violations)
        out.push_back(v.rule);
    return out;
}

}  // namespace

TEST(ProgrammeRules, StartsOnTheGridInsideOneWindowWithTurnoverInside) {
    // The interpreted hall's 3 hours hold 2 x 80 minutes with 20 between, no more.
    auto j = day();
    j["granularity"] = 20;
    j["rooms"][0]["turnover"] = 20;
    for (auto id : {"MS1", "MS2", "MS3"})
        j["sessions"].push_back(session(id, 80, {{"needs", {"captioning"}}}));
    auto r = solve(j);
    EXPECT_EQ(r.placed, 2);
    ASSERT_EQ(r.unplaced.size(), 1u);
    EXPECT_NE(r.unplaced[0].reason.find("taken"), std::string::npos) << r.unplaced[0].reason;
    EXPECT_TRUE(r.optimal);
    EXPECT_EQ(rules(j, {Placement{0, at("09:10")}, std::nullopt, std::nullopt}),
              std::vector<std::string>{"grid"});
    EXPECT_EQ(rules(j, {Placement{0, at("11:00")}, std::nullopt, std::nullopt}),
              std::vector<std::string>{"window"});
}

TEST(ProgrammeRules, NeededFeaturesArePresent) {
    auto j = day();
    j["sessions"].push_back(session("WS40", 60, {{"needs", {"captioning"}}}));
    j["sessions"].push_back(session("WS41", 60, {{"needs", {"interpretation"}}}));
    auto r = solve(j);
    EXPECT_EQ(r.timetable[0]->room, 0);
    ASSERT_EQ(r.unplaced.size(), 1u);
    EXPECT_EQ(r.unplaced[0].session, 1);
    EXPECT_NE(r.unplaced[0].reason.find("interpretation"), std::string::npos);
    EXPECT_EQ(rules(j, {Placement{1, at("09:00")}, std::nullopt}),
              std::vector<std::string>{"features"});
}

TEST(ProgrammeRules, ARoomWaitsForItsTurnover) {
    auto j = day();
    j["rooms"][1]["windows"] = json::array();
    j["rooms"][1]["windows"].push_back(
        {{"start", "2027-06-23T13:00"}, {"end", "2027-06-23T14:00"}});
    j["sessions"].push_back(session("WS1", 90));
    j["sessions"].push_back(session("WS2", 75));
    auto r = solve(j);
    ASSERT_EQ(r.placed, 2);  // 90 + 15 + 75 = 180: both in A, the second after the turnover
    EXPECT_GE(r.timetable[1]->start, r.timetable[0]->start + 105);
    EXPECT_EQ(rules(j, {Placement{0, at("09:00")}, Placement{0, at("10:30")}}),
              std::vector<std::string>{"turnover"});
}

TEST(ProgrammeRules, NoPersonInTwoSessionsThatOverlapEvenPartly) {
    auto j = day();
    j["sessions"].push_back(session("WS12", 90, {{"people", {"ana"}}}));
    j["sessions"].push_back(session("OF3", 30, {{"people", {"ana", "ben"}}}));
    auto r = solve(j);
    ASSERT_EQ(r.placed, 2);
    auto a = *r.timetable[0], b = *r.timetable[1];
    EXPECT_TRUE(a.start + 90 <= b.start || b.start + 30 <= a.start);
    auto report = check_timetable(checked_instance_from_json(j),
                                  {Placement{0, at("10:00")}, Placement{1, at("11:15")}});
    ASSERT_EQ(report.violations.size(), 1u);
    EXPECT_EQ(report.violations[0].text, "ana is in WS12 and OF3 from 11:15 to 11:30");
}

TEST(ProgrammeRules, NobodyDuringTheirUnavailableTime) {
    auto j = day();
    j["rooms"][1]["windows"] = json::array();
    j["sessions"].push_back(session("WS1", 60, {{"people", {"ana"}}}));
    j["unavailable"] = {
        {{"person", "ana"}, {"start", "2027-06-23T09:00"}, {"end", "2027-06-23T11:30"}}};
    auto r = solve(j);
    EXPECT_EQ(r.unplaced.size(), 1u);
    EXPECT_NE(r.unplaced[0].reason.find("ana"), std::string::npos);
    j["unavailable"][0]["end"] = "2027-06-23T10:00";
    r = solve(j);
    ASSERT_EQ(r.placed, 1);
    EXPECT_GE(r.timetable[0]->start, at("10:00"));
    EXPECT_EQ(rules(j, {Placement{0, at("09:30")}}), std::vector<std::string>{"unavailable"});
}

TEST(ProgrammeRules, FixedPlacementsAreKept) {
    auto j = day();
    j["sessions"].push_back(session(
        "OPEN", 60, {{"demand", 90}, {"fixed", {{"room", "B"}, {"start", "2027-06-23T10:00"}}}}));
    auto r = solve(j);  // B seats 30 of 90, yet it stays there
    EXPECT_EQ(r.timetable[0], (Placement{1, at("10:00")}));
    EXPECT_EQ(r.objective.overflow, 60);
    EXPECT_EQ(rules(j, {Placement{0, at("10:00")}}), std::vector<std::string>{"fixed"});
    j["sessions"][0]["fixed"]["start"] = "2027-06-23T11:30";  // beyond the window
    r = solve(j);
    ASSERT_EQ(r.unplaced.size(), 1u);
    EXPECT_NE(r.unplaced[0].reason.find("fixed"), std::string::npos);
}

TEST(ProgrammeRules, AFeederEndsBeforeItsMainSession) {
    auto j = day();
    j["sessions"].push_back(session("MAIN", 60, {{"after", {"FEED"}}}));
    j["sessions"].push_back(session("FEED", 60));
    auto r = solve(j);
    ASSERT_EQ(r.placed, 2);
    EXPECT_GE(r.timetable[0]->start, r.timetable[1]->start + 60);
    EXPECT_EQ(rules(j, {Placement{0, at("09:00")}, Placement{1, at("09:30")}}),
              std::vector<std::string>{"after"});
}

TEST(ProgrammeObjective, CountsEachTermAsTheIssueDefinesIt) {
    auto j = day();
    j["weights"] = {{"overflow", 1}, {"similar", 50}, {"night", 20}, {"change", 100}};
    j["sessions"].push_back(
        session("WS1", 60, {{"tags", {"children"}}, {"demand", 50}, {"people", {"la", "syd"}}}));
    j["sessions"].push_back(session("WS2", 60, {{"tags", {"children", "health"}}}));
    j["time_zones"] = {{{"person", "la"}, {"time_zone", "America/Los_Angeles"}},
                       {{"person", "syd"}, {"time_zone", "Australia/Sydney"}}};
    j["previous"] = {{{"session", "WS2"}, {"room", "A"}, {"start", "2027-06-23T09:00"}}};
    auto in = checked_instance_from_json(j);
    // WS1 in B (30 seats for 50) at 09:30, meeting WS2 (moved); 09:30 is 00:30 in LA,
    // 17:30 in Sydney.
    auto report = check_timetable(in, {Placement{1, at("09:30")}, Placement{0, at("10:00")}});
    EXPECT_TRUE(report.violations.empty());
    EXPECT_EQ(report.objective.overflow, 20);
    EXPECT_EQ(report.objective.similar, 1);
    EXPECT_EQ(report.objective.night, 1);
    EXPECT_EQ(report.objective.changes, 1);
    EXPECT_EQ(report.objective.total, 20 + 50 + 20 + 100);
    // The solver: WS2 stays, WS1 in A after it; LA's night cannot be helped (09:00-12:00
    // in Oslo is midnight to 3 a.m. there).
    auto r = solve(j);
    EXPECT_TRUE(r.optimal);
    EXPECT_EQ(r.objective.total, 20);
    EXPECT_EQ(r.lower_bound, 20);
}
