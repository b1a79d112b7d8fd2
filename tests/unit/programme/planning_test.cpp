// What the Secretariat adds by hand is checked field by field before it is stored.
#include "core/programme/planning.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace convene;
using namespace convene::programme;

namespace {

std::vector<std::string> fields(const FieldErrors& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.field);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace

TEST(ProgrammePlanning, ACreatedSessionIsCheckedFieldByField) {
    ProgrammeSession s;
    s.code = "MS2";
    s.title = "Main session on connectivity";
    s.session_type = "main_session";
    s.duration = 90;
    s.needs = {"interpretation"};
    s.fixed = Slot{RoomId{1}, "2027-06-16T09:00"};
    s.people = {{PersonId{1}, "Ana Silva", "moderator", "", true}};
    EXPECT_TRUE(check_created_session(s, "2027-06-15", "2027-06-18").empty());

    s.code = "MS 2!";
    s.title = "";
    s.duration = 5;
    s.needs = {"teleportation"};
    s.demand = -1;
    s.fixed = Slot{RoomId{1}, "2027-07-01T09:00"};
    s.people = {{PersonId{1}, "Ana Silva", "chair", "", true}};
    EXPECT_EQ(fields(check_created_session(s, "2027-06-15", "2027-06-18")),
              (std::vector<std::string>{"code", "demand", "duration", "fixed_start", "needs",
                                        "people", "title"}));
    s.fixed = Slot{RoomId{1}, "soon"};
    EXPECT_EQ(fields(check_created_session(s, "2027-06-15", "2027-06-18")).at(3), "fixed_start");
}

TEST(ProgrammePlanning, UnavailableTimesAndTimeZones) {
    PersonUnavailable u{0, PersonId{1}, "Ana Silva", "2027-06-16T09:00", "2027-06-16T12:00"};
    EXPECT_TRUE(check_unavailable(u, "2027-06-15", "2027-06-18").empty());
    u.end = "2027-06-16T08:00";
    EXPECT_EQ(fields(check_unavailable(u, "2027-06-15", "2027-06-18")),
              std::vector<std::string>{"end"});
    u.start = "2027-06-30T09:00";
    u.end = "later";
    EXPECT_EQ(fields(check_unavailable(u, "2027-06-15", "2027-06-18")),
              (std::vector<std::string>{"end", "start"}));
    EXPECT_TRUE(check_time_zone("").empty()) << "at the venue";
    EXPECT_TRUE(check_time_zone("Asia/Tokyo").empty());
    EXPECT_EQ(fields(check_time_zone("Mars/Base")), std::vector<std::string>{"time_zone"});
    EXPECT_EQ(fields(check_time_zone(std::string(5000, 'A'))),
              std::vector<std::string>{"time_zone"});
}
