// Reminders about session reports in the store, on both engines: who is reminded, the
// claim that lets each reminder go once (a second claim, as by another node, does
// nothing), what was sent, and the gender report cards the statistics read.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string_view>

#include "core/common/text.hpp"
#include "core/demo/demo_forum.hpp"
#include "database/database.hpp"
#include "database/migrations.hpp"
#include "engine_database.hpp"
#include "security/secrets.hpp"
#include "store/demo/demo.hpp"
#include "store/editions/editions.hpp"
#include "store/proposals/proposals.hpp"
#include "store/reports/reminders.hpp"
#include "store/reports/reports.hpp"

using namespace convene;

namespace {

class ReportRemindersStore : public convene::testing::EngineDatabase {};

}  // namespace

TEST_P(ReportRemindersStore, AddresseesClaimsOnceAndCards) {
    store::load_demo_forum(*database_, generate_demo_forum(3));
    auto c = database_->acquire();
    auto edition = EditionId{
        db::scalar(c->run("SELECT id FROM editions WHERE name = 'Regional IGF demo 2027'"))};
    auto editions = store::editions_with_published_sessions(*c);
    EXPECT_NE(std::find(editions.begin(), editions.end(), edition), editions.end());

    auto sessions = store::reported_sessions(*c, edition);
    ASSERT_FALSE(sessions.empty());
    auto addressees = store::report_addressees(*c, edition);
    ASSERT_FALSE(addressees.empty()) << "the demo's sessions have organisers with addresses";
    for (const auto& [session, people] : addressees) {
        std::set<std::string> seen;
        for (const auto& p : people) {
            EXPECT_FALSE(p.email.empty());
            EXPECT_TRUE(seen.insert(ascii_lower(p.email)).second) << "each address once";
        }
    }

    auto session = addressees.begin()->first;
    reports::DueReminder soon{"short", "soon", "2027-04-20T23:00:00Z"};
    {
        db::Transaction tx(*c);
        EXPECT_TRUE(store::claim_reminder(*c, edition, session, soon, "Rita@Example.org",
                                          "2027-04-20T21:00:00Z"));
        tx.commit();
    }
    {
        // Another node, later: the same reminder (the address in any case) is not claimed.
        auto other = database_->acquire();
        db::Transaction tx(*other);
        EXPECT_FALSE(store::claim_reminder(*other, edition, session, soon, "rita@example.org",
                                           "2027-04-20T21:01:00Z"));
        EXPECT_TRUE(store::claim_reminder(*other, edition, session,
                                          {"short", "late", "2027-04-20T23:00:00Z"},
                                          "rita@example.org", "2027-04-20T23:00:00Z"));
        tx.commit();
    }
    auto keys = store::sent_reminder_keys(*c, edition);
    EXPECT_EQ(
        keys,
        (std::set<std::string>{
            reports::reminder_key(session.value(), soon, "rita@example.org"),
            reports::reminder_key(session.value(), {"short", "late", ""}, "rita@example.org")}));
    EXPECT_EQ(store::reminders_per_session(*c, edition)[session], 2);

    // The statistics read the cards of filed full reports only.
    reports::FullReport full;
    full.fields["key_issues"] = "Issues";
    full.women_present = "about_half";
    full.gender_discussed = "main_topic";
    store::ReportSave save;
    save.part = store::ReportPart::full_report;
    save.content = reports::to_json(full);
    save.file = true;
    save.author = "Rita Rapporteur";
    save.now = "2027-04-21T10:00:00Z";
    store::save_report(*c, edition, sessions[0].id, save);
    save.file = false;
    store::save_report(*c, edition, sessions[1 % sessions.size()].id, save);
    auto cards = store::filed_report_cards(*c, edition);
    ASSERT_EQ(cards.size(), 1u);
    EXPECT_EQ(cards[0].session, sessions[0].id);
    EXPECT_EQ(cards[0].women_present, "about_half");
    EXPECT_EQ(cards[0].gender_discussed, "main_topic");
}

INSTANTIATE_TEST_SUITE_P(Engines, ReportRemindersStore, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });
