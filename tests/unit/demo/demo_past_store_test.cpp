// The demo's past edition in the database, on both engines: last year's regional IGF
// held, its sessions in rooms and times, their reports filed on time, late or not at all
// as the generator says, ratings, the messages of the year published citing its sessions;
// and this year's screening declining exactly one proposal, for the missing report.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string_view>

#include "core/common/clock.hpp"
#include "core/demo/demo_forum.hpp"
#include "core/screening/screening.hpp"
#include "database/database.hpp"
#include "database/migrations.hpp"
#include "engine_database.hpp"
#include "security/secrets.hpp"
#include "store/demo/demo.hpp"
#include "store/feedback/feedback.hpp"
#include "store/messages/messages.hpp"
#include "store/programme/timetable.hpp"
#include "store/proposals/proposals.hpp"
#include "store/reports/reports.hpp"

using namespace convene;

namespace {

class DemoPastStore : public convene::testing::EngineDatabase {};

}  // namespace

TEST_P(DemoPastStore, LastYearWasHeldWithReportsRatingsAndPublishedMessages) {
    auto forum = generate_demo_forum(3);
    auto creds = store::load_demo_forum(*database_, forum);
    ASSERT_TRUE(creds.past.edition);
    auto edition = *creds.past.edition;
    auto c = database_->acquire();
    const auto now = format_utc(Clock::now());

    EXPECT_EQ(store::published_slots(*c, edition).size(), forum.past_proposals.size());
    auto sessions = store::reported_sessions(*c, edition);
    ASSERT_EQ(sessions.size(), forum.past_proposals.size());
    EXPECT_EQ(creds.past.sessions, static_cast<int>(sessions.size()));
    const auto settings = store::report_settings(*c, edition);
    reports::Tally full;
    for (const auto& s : sessions) {
        EXPECT_LT(s.end_utc, now) << "the session took place";
        auto due = reports::deadlines(s.end_utc, settings);
        full.add(reports::filing_status(s.full_filed_at, s.full_late, due.full_due, now));
    }
    EXPECT_EQ(full.filed, creds.past.on_time);
    EXPECT_EQ(full.late, creds.past.late);
    EXPECT_EQ(full.missing, creds.past.missing);
    EXPECT_EQ(full.due, 0);
    EXPECT_GT(full.filed, full.late + full.missing);
    EXPECT_GT(full.late, 0);
    EXPECT_GT(full.missing, 0);

    // The first session's reports, as its rapporteur filed them, and its ratings.
    auto report = store::session_report(*c, sessions.front().id);
    ASSERT_TRUE(report);
    EXPECT_GE(report->short_report.key_messages.size(), 2u);
    EXPECT_FALSE(report->full_report.women_present.empty());
    EXPECT_FALSE(report->full_report.fields.at("presentations").empty());
    EXPECT_FALSE(store::report_versions(*c, sessions.front().id).front().author.empty());
    int rated = 0;
    for (const auto& s : sessions) rated += !store::rating_counts(*c, s.id).empty();
    EXPECT_GT(rated, 1);
    EXPECT_GT(creds.past.ratings, 0);

    // The messages of the year: published, each citing sessions of the edition.
    EXPECT_FALSE(store::message_round(*c, edition).published_at.empty());
    auto messages = store::edition_messages(*c, edition);
    ASSERT_FALSE(messages.empty());
    EXPECT_EQ(static_cast<int>(messages.size()), creds.past.messages);
    int citing = 0;
    for (const auto& s : sessions) citing += !store::messages_citing(*c, s.id).empty();
    EXPECT_GT(citing, 2);
}

TEST_P(DemoPastStore, ThisYearsScreeningDeclinesTheOrganiserWhoseReportIsMissing) {
    auto forum = generate_demo_forum(3);
    ASSERT_GE(forum.declined_proposal, 0);
    auto creds = store::load_demo_forum(*database_, forum);
    auto c = database_->acquire();
    const auto now = format_utc(Clock::now());
    auto proposals = store::load_proposals(*c, creds.edition_id);
    std::map<std::string, std::string> titles;
    for (const auto& p : proposals) titles[p.id] = p.title;
    auto results = screen_proposals(proposals, store::screening_context(*c, creds.edition_id, now));
    std::vector<std::string> declined;
    for (const auto& r : results)
        for (const auto& f : r.failures)
            if (f.code == "missing_previous_report") {
                declined.push_back(titles[r.proposal]);
                EXPECT_NE(f.message.find("previous edition"), std::string::npos) << f.message;
                // It names the session whose full report is missing.
                bool named = false;
                for (std::size_t k = 0; k < forum.past_sessions.size(); ++k)
                    if (forum.past_sessions[k].outcome == "full_missing")
                        named |= f.message.find(forum.past_proposals[k].title) != std::string::npos;
                EXPECT_TRUE(named) << f.message;
            }
    ASSERT_EQ(declined.size(), 1u);
    EXPECT_EQ(declined[0],
              forum.proposals[static_cast<std::size_t>(forum.declined_proposal)].title);
}

INSTANTIATE_TEST_SUITE_P(Engines, DemoPastStore, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });
