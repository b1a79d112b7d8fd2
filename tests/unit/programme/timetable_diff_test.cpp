// The diff between two timetables: moved (room or start), added, cancelled, in the order
// of the day; an unchanged timetable has no difference.
#include "core/programme/timetable_diff.hpp"

#include <gtest/gtest.h>

using namespace convene;
using namespace convene::programme;

namespace {

const RoomId hall{1}, room2{2};
SessionId s(std::int64_t n) {
    return SessionId{n};
}

}  // namespace

TEST(TimetableDiff, SameTimetableHasNoDifference) {
    std::map<SessionId, Slot> t = {{s(1), {hall, "2027-06-23T09:00"}},
                                   {s(2), {room2, "2027-06-23T09:00"}}};
    EXPECT_TRUE(diff_timetables(t, t).empty());
    EXPECT_TRUE(diff_timetables({}, {}).empty());
}

TEST(TimetableDiff, MovedAddedAndCancelled) {
    std::map<SessionId, Slot> older = {{s(1), {hall, "2027-06-23T09:00"}},
                                       {s(2), {room2, "2027-06-23T09:00"}},
                                       {s(3), {room2, "2027-06-23T11:00"}},
                                       {s(4), {hall, "2027-06-24T09:00"}}};
    std::map<SessionId, Slot> newer = {{s(1), {hall, "2027-06-23T09:00"}},   // unchanged
                                       {s(2), {hall, "2027-06-23T14:00"}},   // room and start
                                       {s(3), {room2, "2027-06-23T10:00"}},  // start only
                                       {s(5), {room2, "2027-06-24T09:00"}}};
    auto d = diff_timetables(older, newer);
    ASSERT_EQ(d.moved.size(), 2u);
    EXPECT_EQ(d.moved[0],
              (SessionMove{s(3), {room2, "2027-06-23T11:00"}, {room2, "2027-06-23T10:00"}}));
    EXPECT_EQ(d.moved[1],
              (SessionMove{s(2), {room2, "2027-06-23T09:00"}, {hall, "2027-06-23T14:00"}}));
    ASSERT_EQ(d.added.size(), 1u);
    EXPECT_EQ(d.added[0], (SessionSlot{s(5), {room2, "2027-06-24T09:00"}}));
    ASSERT_EQ(d.cancelled.size(), 1u);
    EXPECT_EQ(d.cancelled[0], (SessionSlot{s(4), {hall, "2027-06-24T09:00"}}));
    EXPECT_FALSE(d.empty());
}

TEST(TimetableDiff, RoomOnlyIsAMove) {
    auto d = diff_timetables({{s(1), {hall, "2027-06-23T09:00"}}},
                             {{s(1), {room2, "2027-06-23T09:00"}}});
    ASSERT_EQ(d.moved.size(), 1u);
    EXPECT_EQ(d.moved[0].from.room, hall);
    EXPECT_EQ(d.moved[0].to.room, room2);
}

TEST(TimetableDiff, FirstPublicationAddsEverythingInTheOrderOfTheDay) {
    std::map<SessionId, Slot> draft = {{s(9), {hall, "2027-06-23T09:00"}},
                                       {s(1), {hall, "2027-06-23T11:00"}},
                                       {s(5), {room2, "2027-06-23T09:00"}}};
    auto d = diff_timetables({}, draft);
    ASSERT_EQ(d.added.size(), 3u);
    EXPECT_EQ(d.added[0].session, s(5));
    EXPECT_EQ(d.added[1].session, s(9));
    EXPECT_EQ(d.added[2].session, s(1));
    EXPECT_TRUE(d.moved.empty());
    EXPECT_TRUE(d.cancelled.empty());
    // And taking everything off cancels it all.
    EXPECT_EQ(diff_timetables(draft, {}).cancelled.size(), 3u);
}
