// Participants' feedback in core: what a participant sends read with each wrong field
// named (0, 6, "x", a comment too long or with control characters, an unknown group), a
// comment with links and markup kept verbatim, the session's end, the results per session
// and summed by theme and type, and the flood limit.
#include "core/feedback/feedback.hpp"

#include <gtest/gtest.h>

#include "core/feedback/flood_limit.hpp"

namespace convene::feedback {
namespace {

std::string field_of(const ReadRating& r) {
    return r.errors.empty() ? "" : r.errors.front().field;
}

TEST(Feedback, RatingsOneToFiveAndEachWrongFieldNamed) {
    for (int i = 1; i <= 5; ++i) {
        auto r = read_rating({std::to_string(i), "", ""});
        ASSERT_TRUE(r.rating) << i;
        EXPECT_EQ(r.rating->rating, i);
    }
    for (const char* bad : {"0", "6", "x", "", "44", "-1", "4.5", "\xff"}) {
        auto r = read_rating({bad, "", ""});
        EXPECT_FALSE(r.rating) << bad;
        EXPECT_EQ(field_of(r), "rating") << bad;
        EXPECT_FALSE(r.errors.front().message.empty());
    }
    EXPECT_EQ(field_of(read_rating({"3", "", "aliens"})), "stakeholder_group");
    EXPECT_EQ(field_of(read_rating({"3", std::string(2001, 'a'), ""})), "comment");
    EXPECT_EQ(field_of(read_rating({"3", "a\x01z", ""})), "comment");
    EXPECT_EQ(field_of(read_rating({"3", "\xc3(", ""})), "comment");
    auto two = read_rating({"9", std::string(2001, 'a'), ""});
    EXPECT_EQ(two.errors.size(), 2u) << "every wrong field at once";
    auto group = read_rating({"2", "", "civil_society"});
    ASSERT_TRUE(group.rating);
    EXPECT_EQ(group.rating->stakeholder_group, "civil_society");
}

TEST(Feedback, CommentsAreKeptVerbatim) {
    const std::string comment =
        "See <script>alert(1)</script> and [this](javascript:alert(2)) https://x.example/?a=1&b=2\n"
        "Très utile — 非常有用";
    auto r = read_rating({"4", "  " + comment + "  ", ""});
    ASSERT_TRUE(r.rating);
    EXPECT_EQ(r.rating->comment, comment) << "trimmed, nothing else changed";
    EXPECT_TRUE(read_rating({"4", std::string(2000, 'a'), ""}).rating) << "2000 is allowed";
    EXPECT_TRUE(read_rating({"4", std::string(1000, 'a') + std::string(500, '\n'), ""}).rating);
}

TEST(Feedback, TheSessionEndsAtItsEndInUtc) {
    EXPECT_FALSE(session_ended("2027-06-23T10:00:00Z", "2027-06-23T09:59:59Z"));
    EXPECT_TRUE(session_ended("2027-06-23T10:00:00Z", "2027-06-23T10:00:00Z"));
    EXPECT_TRUE(session_ended("2027-06-23T10:00:00Z", "2027-06-24T00:00:00Z"));
    EXPECT_FALSE(session_ended("", "2027-06-24T00:00:00Z")) << "no end: never";
}

TEST(Feedback, SummariesPerSessionAndByThemeAndType) {
    const SessionId a{1}, b{2}, c{3}, unrated{4};
    auto per = summaries(
        {{a, 5, 2}, {a, 3, 1}, {b, 1, 1}, {b, 2, 3}, {c, 4, 4}, {a, 7, 9}, {a, 0, 9}, {c, 2, 0}});
    ASSERT_EQ(per.size(), 3u);
    EXPECT_EQ(per[a].count(), 3);
    EXPECT_DOUBLE_EQ(per[a].mean(), 13.0 / 3.0);
    EXPECT_EQ(per[a].distribution, (std::array<std::int64_t, 5>{0, 0, 1, 0, 2}));
    EXPECT_EQ(per[b].count(), 4);
    EXPECT_DOUBLE_EQ(per[b].mean(), 7.0 / 4.0);
    EXPECT_DOUBLE_EQ(Summary{}.mean(), 0.0);
    EXPECT_EQ(Summary{}.count(), 0);
    per[unrated];  // a session without ratings adds nothing
    auto by_theme = summed_by(per, {{a, "Access"}, {b, "Access"}, {c, ""}, {unrated, "Trust"}});
    ASSERT_EQ(by_theme.size(), 2u);
    EXPECT_EQ(by_theme["Access"].count(), 7);
    EXPECT_DOUBLE_EQ(by_theme["Access"].mean(), 20.0 / 7.0);
    EXPECT_EQ(by_theme[""].count(), 4);
    EXPECT_EQ(by_theme.count("Trust"), 0u);
    auto by_type = summed_by(per, {{a, "workshop"}, {b, "open_forum"}, {c, "workshop"}});
    EXPECT_EQ(by_type["workshop"].count(), 7);
    EXPECT_EQ(by_type["workshop"].distribution, (std::array<std::int64_t, 5>{0, 0, 1, 4, 2}));
}

TEST(FeedbackFloodLimit, LimitsEachKeyInItsWindowAndCountsRefusals) {
    FloodLimit limit(3, std::chrono::seconds(600));
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(limit.allow("address:1", 1000 + i));
    EXPECT_FALSE(limit.allow("address:1", 1010));
    EXPECT_FALSE(limit.allow("address:1", 1599));
    EXPECT_TRUE(limit.allow("address:2", 1010)) << "another key has its own count";
    EXPECT_EQ(limit.refused(), 2);
    EXPECT_TRUE(limit.allow("address:1", 1600)) << "a new window";
    EXPECT_TRUE(limit.allow("address:1", 500)) << "a clock moved back starts again";
}

TEST(FeedbackFloodLimit, MemoryIsBounded) {
    FloodLimit limit(1, std::chrono::seconds(60), 100);
    for (int i = 0; i < 1000; ++i) EXPECT_TRUE(limit.allow("k" + std::to_string(i), i / 10));
    EXPECT_LE(limit.keys(), 100u);
    EXPECT_TRUE(limit.allow("k999", 1000)) << "its window is over";
}

}  // namespace
}  // namespace convene::feedback
