// The figures of finished turns: people counted once, turns and speaking time by
// stakeholder group, gender (unstated kept apart) and where they spoke from.
#include "core/live/turn_figures.hpp"

#include <gtest/gtest.h>

using namespace convene::live;

namespace {

Turn turn(const std::string& person, const std::string& group, const std::string& gender,
          Where where, Seconds start, Seconds end) {
    return {{person, person, group, gender, where, "", false}, start, end};
}

TEST(TurnFigures, CountsEachPersonOnceAndAddsTheirTime) {
    auto f = turn_figures({turn("ana", "civil_society", "woman", Where::onsite, 100, 160),
                           turn("ben", "government", "", Where::online, 160, 190),
                           turn("ana", "civil_society", "woman", Where::online, 200, 210),
                           turn("hub", "youth", "man", Where::hub, 300, 290)});
    EXPECT_EQ(f.all.speakers, 3);
    EXPECT_EQ(f.all.turns, 4);
    EXPECT_EQ(f.all.seconds, 100);  // a turn ending before it starts counts no time
    EXPECT_EQ(f.by_group["civil_society"].speakers, 1);
    EXPECT_EQ(f.by_group["civil_society"].turns, 2);
    EXPECT_EQ(f.by_group["civil_society"].seconds, 70);
    EXPECT_EQ(f.by_gender[""].turns, 1);
    EXPECT_EQ(f.by_gender["woman"].seconds, 70);
    EXPECT_EQ(f.by_where["online"].speakers, 2);
    EXPECT_EQ(f.by_where["online"].seconds, 40);
    EXPECT_EQ(f.by_where["hub"].turns, 1);
}

TEST(TurnFigures, NoTurnsNoFigures) {
    auto f = turn_figures({});
    EXPECT_EQ(f.all.turns, 0);
    EXPECT_EQ(f.all.speakers, 0);
    EXPECT_TRUE(f.by_group.empty());
}

}  // namespace
