// The edition's programme as the solver's instance: names for people, rooms and sessions,
// online speakers' zones, fixed and "after" links, cancelled sessions left out, and what
// is placed kept fixed only when asked.
#include "core/programme/programme.hpp"

#include <gtest/gtest.h>

using namespace convene;
using namespace convene::programme;

namespace {

EditionProgramme small_edition() {
    EditionProgramme p;
    p.time_zone = "Europe/Oslo";
    VenueRoom hall;
    hall.name = "Main Hall";
    hall.capacity = 500;
    hall.features = {"interpretation"};
    hall.windows = {{"2027-06-15T09:00", "2027-06-15T12:00"}};
    VenueRoom small;
    small.name = "Room 2";
    small.capacity = 50;
    small.windows = {{"2027-06-15T09:00", "2027-06-15T19:00"}};
    p.rooms = {{RoomId{10}, hall}, {RoomId{11}, small}};
    ProgrammeSession a;
    a.id = SessionId{1};
    a.code = "WS1";
    a.duration = 90;
    a.demand = 40;
    a.people = {{PersonId{7}, "Ana Silva", "speaker", "", true},
                {PersonId{8}, "Ana Silva", "organiser", "", true},
                {PersonId{9}, "Kenji Sato", "speaker", "Asia/Tokyo", false}};
    ProgrammeSession b = a;
    b.id = SessionId{2};
    b.code = "MS1";
    b.marks = 300;
    b.needs = {"interpretation"};
    b.people = {{PersonId{7}, "Ana Silva", "moderator", "", true}};
    b.after = {SessionId{1}};
    b.fixed = Slot{RoomId{10}, "2027-06-15T10:30"};
    ProgrammeSession gone = a;
    gone.id = SessionId{3};
    gone.code = "WS3";
    gone.cancelled = true;
    p.sessions = {a, b, gone};
    p.unavailable = {{1, PersonId{9}, "Kenji Sato", "2027-06-15T09:00", "2027-06-15T10:00"}};
    p.placed = {{SessionId{1}, {RoomId{11}, "2027-06-15T09:00"}},
                {SessionId{3}, {RoomId{11}, "2027-06-15T13:00"}}};
    p.previous = {{SessionId{1}, {RoomId{11}, "2027-06-15T11:00"}}};
    return p;
}

}  // namespace

TEST(ProgrammeInstance, NamesPeopleRoomsAndSessionsInTheUsersWords) {
    auto ei = edition_instance(small_edition(), false);
    const auto& in = ei.instance;
    ASSERT_EQ(in.sessions.size(), 2u) << "the cancelled session is left out";
    EXPECT_EQ(in.sessions[0].id, "WS1");
    EXPECT_EQ(in.rooms[1].id, "Room 2");
    EXPECT_EQ(in.people, (std::vector<std::string>{"Ana Silva", "Ana Silva (2)", "Kenji Sato"}))
        << "two people of one name stay two people";
    EXPECT_EQ(in.person_zone[2], "Asia/Tokyo") << "an online speaker's zone counts at night";
    EXPECT_EQ(in.sessions[1].demand, 300) << "marks outweigh the estimate once there are some";
    EXPECT_EQ(in.sessions[0].demand, 40);
    EXPECT_EQ(in.sessions[1].after, std::vector<int>{0});
    ASSERT_TRUE(in.sessions[1].fixed);
    EXPECT_EQ(in.sessions[1].fixed->room, 0);
    EXPECT_EQ(format_local_time(in.sessions[1].fixed->start), "2027-06-15T10:30");
    EXPECT_FALSE(in.sessions[0].fixed) << "placed is not fixed unless asked";
    ASSERT_TRUE(in.previous[0]);
    EXPECT_EQ(format_local_time(in.previous[0]->start), "2027-06-15T11:00");
    ASSERT_EQ(in.unavailable.size(), 1u);
    EXPECT_EQ(in.unavailable[0].person, 2);
    EXPECT_TRUE(instance_problems(in).empty());
}

TEST(ProgrammeInstance, KeepsWhatIsPlacedWhenAskedAndMapsTheAnswerBack) {
    auto ei = edition_instance(small_edition(), true);
    ASSERT_TRUE(ei.instance.sessions[0].fixed);
    ASSERT_TRUE(ei.placed);
    auto slots = edition_slots(ei, *ei.placed);
    ASSERT_EQ(slots.size(), 1u);
    EXPECT_EQ(slots.at(SessionId{1}), (Slot{RoomId{11}, "2027-06-15T09:00"}));
}

TEST(ProgrammeInstance, SessionCodesFollowTheForumsHabits) {
    EXPECT_EQ(session_code("workshop", 12), "WS12");
    EXPECT_EQ(session_code("open_forum", 3), "OF3");
    EXPECT_EQ(session_code("lightning_talk", 40), "LT40");
    EXPECT_EQ(session_code("high_level_event", 2), "HLE2");
    EXPECT_EQ(session_code("", 2), "S2");
}
