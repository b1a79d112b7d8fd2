// The edition's dashboard names the first stage not yet done, in the forum's order.
#include "core/editions/progress.hpp"

#include <gtest/gtest.h>

using namespace convene;

TEST(EditionProgress, TheNextStepFollowsTheForumsOrder) {
    EditionProgress p;
    EXPECT_EQ(next_step(p).key, "dashboard.next.set_call");
    p.call_scheduled = true;
    EXPECT_EQ(next_step(p).key, "dashboard.next.call_open");
    p.call_closed = true;
    EXPECT_EQ(next_step(p).key, "dashboard.next.no_proposals");
    p.submitted = 300;
    EXPECT_EQ(next_step(p).page, "/screening");
    p.screened = 300;
    EXPECT_EQ(next_step(p).key, "dashboard.next.assign");
    p.screened = 0;
    p.assigned = 1;
    EXPECT_EQ(next_step(p).key, "dashboard.next.publish_assignment")
        << "an assignment made without screening is past screening";
    p.screened = 300;
    p.assigned = 1500;
    EXPECT_EQ(next_step(p).key, "dashboard.next.publish_assignment");
    p.published = 1500;
    EXPECT_EQ(next_step(p).page, "/evaluation/progress");
    p.evaluations_submitted = 1500;
    EXPECT_EQ(next_step(p).key, "dashboard.next.evaluations") << "the round closes by hand";
    p.round_closed = true;
    EXPECT_EQ(next_step(p).page, "/selection");
    p.selection_made = true;
    EXPECT_EQ(next_step(p).key, "dashboard.next.record_decisions");
    p.decisions = 300;
    EXPECT_EQ(next_step(p).key, "dashboard.next.publish_results");
    p.results_published = true;
    EXPECT_EQ(next_step(p).key, "dashboard.next.venue") << "then the programme's steps";
    p.rooms = 5;
    EXPECT_EQ(next_step(p).page, "/timetable");
    p.timetable_versions = 1;
    EXPECT_EQ(next_step(p).key, "dashboard.next.done");
    p.pending_changes = 2;
    EXPECT_EQ(next_step(p).page, "/timetable/changes");
}

TEST(EditionProgress, APublishedTimetablePassesTheEarlierStages) {
    EditionProgress p;
    p.rooms = 3;
    p.timetable_versions = 1;
    EXPECT_EQ(next_step(p).page, "/programme") << "an imported programme needs no call";
}
