// The messages of the year in the database, on SQLite always and on PostgreSQL when
// CONVENE_TEST_POSTGRES names a cluster: messages with their citations and positions,
// versions with their authors, a stale save kept beside the save it missed, the round,
// comments hidden and handled, the messages citing a session.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "database/database.hpp"
#include "database/migrations.hpp"
#include "engine_database.hpp"
#include "security/secrets.hpp"
#include "store/accounts/accounts.hpp"
#include "store/demo/demo_messages.hpp"
#include "store/editions/editions.hpp"
#include "store/messages/messages.hpp"
#include "store/programme/sessions.hpp"

using namespace convene;

namespace {

class MessagesStore : public convene::testing::EngineDatabase {};

const std::string now = "2027-07-01T10:00:00Z";

TEST_P(MessagesStore, MessagesKeepVersionsCitationsAndComments) {
    auto lease = database_->acquire();
    auto& c = *lease;
    db::Transaction t(c);
    auto e = store::create_edition(
        c, {"IGF 2027", "2027", "2027-06-14", "2027-06-17", "Europe/Oslo", "Lillestrøm"}, now);
    auto theme = store::add_theme(c, e, {"Access", "Connecting people"});
    auto ana = store::create_account(c, "ana@example.org", "Ana", "x", now);
    auto ben = store::create_account(c, "ben@example.org", "Ben", "x", now);
    programme::ProgrammeSession ws;
    ws.code = "WS1";
    ws.title = "Community networks";
    ws.session_type = "workshop";
    ws.theme = "Access";
    auto s1 = store::add_programme_session(c, e, ws);
    ws.code = "WS2";
    ws.title = "Satellites";
    auto s2 = store::add_programme_session(c, e, ws);
    EXPECT_EQ(store::citable_sessions(c, e).size(), 2u);

    messages::Draft d;
    d.title = "Who connects the unconnected";
    d.body = "First paragraph.\n\nSecond « paragraph ».";
    d.stance = "diverging";
    d.positions = {{"Public money", {"government", "civil_society"}},
                   {"Private investment", {"private_sector"}}};
    d.citations = {{s2, "Low orbits change the cost."}, {s1, ""}};
    auto id = store::add_message(c, e, theme, d, ana, now);

    auto stored = store::find_message(c, e, id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->version, 1);
    EXPECT_EQ(stored->theme_name, "Access");
    EXPECT_EQ(stored->draft.body, d.body);
    ASSERT_EQ(stored->cited.size(), 2u);
    EXPECT_EQ(stored->cited[0].code, "WS2");  // in the order given
    EXPECT_EQ(stored->cited[0].quote, "Low orbits change the cost.");
    ASSERT_EQ(stored->draft.positions.size(), 2u);
    EXPECT_EQ(stored->draft.positions[0].groups,
              (std::vector<std::string>{"government", "civil_society"}));
    EXPECT_EQ(stored->created_by, "Ana");

    // Ben saves over version 1; Ana, still at version 1, is told and her draft kept.
    auto bens = d;
    bens.title = "Ben's title";
    bens.citations = {{s1, ""}};
    EXPECT_TRUE(store::save_message(c, id, bens, 1, ben, "2027-07-01T11:00:00Z"));
    auto anas = d;
    anas.title = "Ana's title";
    EXPECT_FALSE(store::save_message(c, id, anas, 1, ana, "2027-07-01T11:05:00Z"));
    stored = store::find_message(c, e, id);
    EXPECT_EQ(stored->version, 2);
    EXPECT_EQ(stored->draft.title, "Ben's title");
    EXPECT_EQ(stored->updated_by, "Ben");
    EXPECT_EQ(stored->cited.size(), 1u);
    auto versions = store::message_versions(c, id);
    ASSERT_EQ(versions.size(), 3u);
    EXPECT_EQ(versions[0].kind, "stale");
    EXPECT_EQ(versions[0].draft.title, "Ana's title");
    EXPECT_EQ(versions[0].based_on, 1);
    EXPECT_EQ(versions[0].author, "Ana");
    EXPECT_EQ(versions[1].kind, "saved");
    EXPECT_EQ(versions[1].version, 2);
    EXPECT_EQ(versions[1].author, "Ben");
    EXPECT_EQ(versions[2].version, 1);
    EXPECT_EQ(versions[2].draft.citations.size(), 2u);

    // A session's page finds the messages citing it.
    EXPECT_EQ(store::messages_citing(c, s1).size(), 1u);
    EXPECT_TRUE(store::messages_citing(c, s2).empty());

    // The round.
    auto round = store::message_round(c, e);
    EXPECT_TRUE(round.period.opens_at.empty());
    store::set_comment_period(c, e, {"2027-07-01T09:00:00Z", "2027-07-10T09:00:00Z"});
    store::count_refused_comment(c, e);
    round = store::message_round(c, e);
    EXPECT_EQ(round.period.closes_at, "2027-07-10T09:00:00Z");
    EXPECT_EQ(round.refused_comments, 1);

    // Comments: verbatim, hidden with a reason, handled.
    std::string script = "<script>alert('x')</script> see http://example.org";
    auto k1 = store::add_comment(c, id, {2, "Chen", "youth", "asia_pacific", script},
                                 "Second « paragraph ».", 2, std::nullopt, now);
    auto k2 = store::add_comment(c, id, {1, "Troll", "youth", "weog", "abuse"}, "First paragraph.",
                                 2, ben, now);
    store::hide_comment(c, k2, ana, "Insults", now);
    store::handle_comment(c, k1, "partly", "Taken into paragraph 2.", ben, now);
    auto comments = store::message_comments(c, id);
    ASSERT_EQ(comments.size(), 2u);
    EXPECT_EQ(comments[0].comment.body, script);
    EXPECT_EQ(comments[0].handling, "partly");
    EXPECT_EQ(comments[0].handled_by, "Ben");
    EXPECT_TRUE(comments[1].hidden);
    EXPECT_EQ(comments[1].hidden_reason, "Insults");
    EXPECT_EQ(comments[1].hidden_by, "Ana");
    auto counts = store::comment_counts(c, e);
    EXPECT_EQ(counts[id].shown, 1);
    EXPECT_EQ(counts[id].hidden, 1);
    EXPECT_EQ(counts[id].handled, 1);
    EXPECT_TRUE(store::find_comment(c, id, k1));
    EXPECT_FALSE(store::find_comment(c, id, MessageCommentId{k2.value() + 100}));

    // Published once.
    EXPECT_TRUE(store::publish_messages(c, e, ana, now));
    EXPECT_FALSE(store::publish_messages(c, e, ben, now));
    round = store::message_round(c, e);
    EXPECT_EQ(round.published_at, now);
    EXPECT_EQ(round.published_by, "Ana");
    EXPECT_EQ(store::edition_messages(c, e).size(), 1u);
    t.commit();
}

TEST_P(MessagesStore, TheDemosPastEditionGetsPublishedMessages) {
    auto lease = database_->acquire();
    auto& c = *lease;
    db::Transaction t(c);
    auto e = store::create_edition(
        c, {"IGF 2026", "2026", "2026-06-14", "2026-06-17", "Europe/Oslo", "Oslo"}, now);
    store::add_theme(c, e, {"Access", ""});
    store::add_theme(c, e, {"Empty", ""});
    auto member = store::create_account(c, "m@example.org", "Mia Member", "x", now);
    auto admin = store::create_account(c, "a@example.org", "Ada Admin", "x", now);
    EXPECT_EQ(store::add_demo_messages(c, e, member, admin, now).messages, 0);
    for (const char* code : {"WS1", "WS2", "WS3"}) {
        programme::ProgrammeSession s;
        s.code = code;
        s.title = std::string("Session ") + code;
        s.session_type = "workshop";
        s.theme = "Access";
        store::add_programme_session(c, e, s);
    }
    auto added = store::add_demo_messages(c, e, member, admin, now);
    EXPECT_EQ(added.messages, 2);
    EXPECT_EQ(added.comments, 3);
    auto stored = store::edition_messages(c, e);
    ASSERT_EQ(stored.size(), 2u);
    for (const auto& m : stored)
        EXPECT_TRUE(messages::check_draft(m.draft).empty()) << m.draft.title;
    EXPECT_EQ(stored[1].draft.stance, "diverging");
    EXPECT_EQ(stored[1].draft.positions.size(), 3u);
    auto round = store::message_round(c, e);
    EXPECT_EQ(round.published_at, "2027-06-17T10:00:00Z");
    EXPECT_EQ(messages::period_state(round.period, now), messages::PeriodState::closed);
    auto counts = store::comment_counts(c, e);
    EXPECT_EQ(counts[stored[0].id].hidden, 1);
    EXPECT_EQ(counts[stored[0].id].handled, 1);
    t.commit();
}

INSTANTIATE_TEST_SUITE_P(Engines, MessagesStore, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
