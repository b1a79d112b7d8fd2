// Feedback in the store on both engines (SQLite always, PostgreSQL when
// CONVENE_TEST_POSTGRES names a cluster): one rating per account and per browser per
// session, changed in place; the counts per session and rating; comments verbatim.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "core/demo/demo_forum.hpp"
#include "database/database.hpp"
#include "database/migrations.hpp"
#include "engine_database.hpp"
#include "security/secrets.hpp"
#include "store/accounts/accounts.hpp"
#include "store/demo/demo.hpp"
#include "store/feedback/feedback.hpp"
#include "store/programme/sessions.hpp"

using namespace convene;

namespace {

class FeedbackStore : public convene::testing::EngineDatabase {};

TEST_P(FeedbackStore, OneRatingPerAccountAndBrowserChangedInPlace) {
    auto creds = store::load_demo_forum(*database_, generate_demo_forum(3));
    auto c = database_->acquire();
    auto edition = EditionId{
        db::scalar(c->run("SELECT id FROM editions WHERE name = 'Regional IGF demo 2027'"))};
    auto sessions = store::programme_sessions(*c, edition);
    ASSERT_GE(sessions.size(), 2u);
    auto a = sessions[0].id, b = sessions[1].id;
    auto account = store::find_account_for_sign_in(*c, creds.admin_email)->first.id;
    const store::Rater signed_in{account, ""}, browser{std::nullopt, "browser-1"},
        other_browser{std::nullopt, "browser-2"}, nobody{std::nullopt, ""};

    EXPECT_FALSE(store::own_rating(*c, a, signed_in));
    EXPECT_FALSE(store::own_rating(*c, a, nobody));
    const std::string verbatim =
        "<script>alert('x')</script> [link](https://x.example) «très» 有用";
    EXPECT_FALSE(
        store::save_rating(*c, a, signed_in, {2, verbatim, "youth"}, "2027-01-01T10:00:00Z"));
    EXPECT_TRUE(store::save_rating(*c, a, signed_in, {5, verbatim, "civil_society"},
                                   "2027-01-01T11:00:00Z"))
        << "the second is a change";
    auto mine = store::own_rating(*c, a, signed_in);
    ASSERT_TRUE(mine);
    EXPECT_EQ(mine->rating, 5);
    EXPECT_EQ(mine->comment, verbatim) << "byte for byte";
    EXPECT_EQ(mine->stakeholder_group, "civil_society");
    EXPECT_FALSE(store::own_rating(*c, b, signed_in)) << "per session";

    EXPECT_FALSE(store::save_rating(*c, a, browser, {3, "", ""}, "2027-01-01T12:00:00Z"));
    EXPECT_TRUE(store::save_rating(*c, a, browser, {4, "", ""}, "2027-01-01T12:05:00Z"));
    EXPECT_FALSE(
        store::save_rating(*c, a, other_browser, {4, "useful", ""}, "2027-01-01T12:06:00Z"));
    EXPECT_FALSE(store::save_rating(*c, b, browser, {1, "", ""}, "2027-01-01T12:07:00Z"));
    EXPECT_EQ(store::own_rating(*c, a, browser)->rating, 4);

    auto per = feedback::summaries(store::rating_counts(*c, edition));
    ASSERT_EQ(per.size(), 2u);
    EXPECT_EQ(per[a].count(), 3);
    EXPECT_EQ(per[a].distribution, (std::array<std::int64_t, 5>{0, 0, 0, 2, 1}));
    EXPECT_DOUBLE_EQ(per[a].mean(), 13.0 / 3.0);
    EXPECT_EQ(per[b].count(), 1);
    auto one = feedback::summaries(store::rating_counts(*c, a));
    EXPECT_EQ(one[a].distribution, per[a].distribution);

    auto comments = store::session_comments(*c, a);
    ASSERT_EQ(comments.size(), 2u) << "ratings without comment are not comments";
    EXPECT_EQ(comments[0].comment, "useful") << "newest first";
    EXPECT_EQ(comments[1].comment, verbatim);
    EXPECT_EQ(comments[1].stakeholder_group, "civil_society");
    EXPECT_EQ(comments[1].rating, 5);

    // The database refuses what the pages never send.
    EXPECT_THROW(c->run("INSERT INTO session_feedback (session_id, rating, created_at, "
                        "updated_at) VALUES (?, 6, 'now', 'now')",
                        {a}),
                 db::Error);
}

INSTANTIATE_TEST_SUITE_P(Engines, FeedbackStore, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
