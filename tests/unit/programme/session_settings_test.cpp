// A session's settings for the solver: every problem named by its field, and the "after"
// links never going round in a circle; the reasons a hand-edited draft leaves a session off.
#include "core/programme/session_settings.hpp"

#include <gtest/gtest.h>

#include "core/programme/solver.hpp"

using namespace convene;
using namespace convene::programme;

namespace {

ProgrammeSession session(std::int64_t id, const std::string& code) {
    ProgrammeSession s;
    s.id = SessionId(id);
    s.code = code;
    return s;
}

std::vector<std::string> fields(const FieldErrors& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.field);
    return out;
}

}  // namespace

TEST(ProgrammeSessionSettings, NamesEveryField) {
    auto s = session(1, "WS1");
    s.duration = 2;
    s.demand = -1;
    s.needs = {"captioning", "jacuzzi"};
    s.tags = {"children's rights", std::string(61, 'x')};
    s.fixed = Slot{RoomId(1), "2027-06-30T09:00"};
    auto errors = check_session_settings(s, {s}, "2027-06-23", "2027-06-26", 15);
    EXPECT_EQ(fields(errors),
              (std::vector<std::string>{"duration", "needs", "demand", "tags", "fixed_start"}));
    EXPECT_NE(errors.back().message.find("2027-06-23 to 2027-06-26"), std::string::npos);
    s = session(1, "WS1");
    s.fixed = Slot{RoomId(1), "2027-06-23T09:10"};
    EXPECT_EQ(fields(check_session_settings(s, {s}, "2027-06-23", "2027-06-26", 15)),
              (std::vector<std::string>{"fixed_start"}));
    s.fixed = Slot{RoomId(1), "2027-06-23T09:15"};
    EXPECT_TRUE(check_session_settings(s, {s}, "2027-06-23", "2027-06-26", 15).empty());
}

TEST(ProgrammeSessionSettings, AfterLinksNeverGoRound) {
    auto a = session(1, "WS1"), b = session(2, "WS2"), c = session(3, "WS3");
    b.after = {a.id};
    c.after = {b.id};
    auto changed = a;
    changed.after = {c.id};
    auto errors = check_session_settings(changed, {a, b, c}, "2027-06-23", "2027-06-26", 15);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "after");
    EXPECT_EQ(errors[0].message,
              "WS1 cannot follow WS3: WS3 already follows WS1, so the links would go round in a "
              "circle.");
    changed.after = {a.id};
    EXPECT_EQ(check_session_settings(changed, {a, b, c}, "2027-06-23", "2027-06-26", 15)[0].message,
              "WS1 cannot follow itself.");
    // Following a session that follows another is no circle.
    auto d = session(4, "WS4");
    d.after = {c.id, a.id};
    EXPECT_TRUE(check_session_settings(d, {a, b, c, d}, "2027-06-23", "2027-06-26", 15).empty());
}

TEST(ProgrammeSessionSettings, TagsTypedInOneField) {
    EXPECT_EQ(tags_from_text(" children's rights, privacy,,children's rights\nsafety "),
              (std::vector<std::string>{"children's rights", "privacy", "safety"}));
    EXPECT_EQ(tags_text({"a", "b"}), "a, b");
}

TEST(ProgrammeUnplacedReasons, SaysWhereASessionLeftOffByHandFits) {
    Instance in;
    in.time_zone = "UTC";
    Room room;
    room.id = "R1";
    room.capacity = 10;
    room.windows = {{*parse_local_time("2027-06-23T09:00"), *parse_local_time("2027-06-23T11:00")}};
    in.rooms.push_back(room);
    for (auto id : {"WS1", "WS2", "WS3"}) {
        Session s;
        s.id = id;
        s.duration = 60;
        in.sessions.push_back(s);
    }
    in.previous.assign(3, std::nullopt);
    Timetable t = {Placement{0, *parse_local_time("2027-06-23T09:00")}, std::nullopt, std::nullopt};
    auto reasons = unplaced_reasons(in, t);
    ASSERT_EQ(reasons.size(), 2u);
    EXPECT_EQ(reasons[0].session, 1);
    EXPECT_EQ(reasons[0].reason,
              "it is off the grid, though it fits: R1 at 2027-06-23 10:00 is free, for one");
    t[1] = Placement{0, *parse_local_time("2027-06-23T10:00")};
    reasons = unplaced_reasons(in, t);
    ASSERT_EQ(reasons.size(), 1u);
    EXPECT_NE(reasons[0].reason.find("taken"), std::string::npos) << reasons[0].reason;
    t[2] = Placement{0, *parse_local_time("2027-06-23T09:00")};
    EXPECT_TRUE(unplaced_reasons(in, t).empty());
}
