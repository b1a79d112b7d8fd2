// The storage layer against real engines: SQLite in a temporary file always, and the
// PostgreSQL cluster of the test run when CONVENE_TEST_POSTGRES names one.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <thread>

#include "core/common/text.hpp"
#include "core/demo/demo_forum.hpp"
#include "core/programme/checker.hpp"
#include "database/database.hpp"
#include "database/migrations.hpp"
#include "security/secrets.hpp"
#include "store/accounts/accounts.hpp"
#include "store/demo/demo.hpp"
#include "store/editions/editions.hpp"
#include "store/programme/agenda.hpp"
#include "store/programme/sessions.hpp"
#include "store/programme/timetable.hpp"
#include "store/proposals/proposal_list.hpp"

using namespace convene;

namespace {

class Storage : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        init_secrets();
        if (GetParam() == "sqlite") {
            dir_ = std::filesystem::temp_directory_path() /
                   ("convene-unit-" + random_token().substr(0, 12));
            url_ = "sqlite:" + (dir_ / "test.db").string();
        } else {
            const char* pg = std::getenv("CONVENE_TEST_POSTGRES");
            if (!pg) {
                // Under CI a missing engine is a failure, not half a run skipped in silence.
                const char* ci = std::getenv("CI");
                if (ci && std::string_view(ci) == "true")
                    FAIL() << "CI=true but CONVENE_TEST_POSTGRES is not set";
                GTEST_SKIP() << "CONVENE_TEST_POSTGRES is not set";
            }
            url_ = pg;
        }
        database_ = db::Database::open(url_, 4);
        if (GetParam() == "postgresql") {
            // A schema of its own, so runs do not see each other's tables.
            schema_ = "unit_" + random_token().substr(0, 12);
            database_.reset();
            auto admin = db::connect_postgresql(url_);
            admin->run_script("CREATE SCHEMA " + schema_);
            url_ += (url_.find('?') == std::string::npos ? "?" : "&") +
                    std::string("options=-csearch_path%3D") + schema_;
            database_ = db::Database::open(url_, 4);
        }
        db::migrate(*database_);
    }
    void TearDown() override {
        database_.reset();
        if (!dir_.empty()) std::filesystem::remove_all(dir_);
        if (!schema_.empty()) {
            auto admin = db::connect_postgresql(std::getenv("CONVENE_TEST_POSTGRES"));
            admin->run_script("DROP SCHEMA " + schema_ + " CASCADE");
        }
    }
    std::filesystem::path dir_;
    std::string url_, schema_;
    std::unique_ptr<db::Database> database_;
};

}  // namespace

TEST_P(Storage, MigrationsApplyOnceAndCountriesAreLoaded) {
    EXPECT_TRUE(db::migrate(*database_).empty()) << "a second run applies nothing";
    auto c = database_->acquire();
    EXPECT_EQ(db::scalar(c->run("SELECT COUNT(*) FROM countries")), 195);
    EXPECT_EQ(c->run("SELECT regional_group FROM countries WHERE code = ?", {std::string("KE")})
                  .rows[0]
                  .text(0),
              "african");
}

TEST_P(Storage, CellsAreReadByColumnNameOnBothEngines) {
    auto c = database_->acquire();
    auto r = c->run(R"sql(
        SELECT code,
               name,
               developing,
               NULL AS missing,
               COUNT(*) OVER () AS country_count
          FROM countries
         WHERE code = ?
    )sql",
                    {std::string("KE")});
    ASSERT_EQ(r.rows.size(), 1u);
    EXPECT_EQ(r.columns,
              (std::vector<std::string>{"code", "name", "developing", "missing", "country_count"}))
        << "aliases read the same on SQLite and PostgreSQL";
    const auto& kenya = r.rows[0];
    EXPECT_EQ(kenya.text("code"), "KE");
    EXPECT_EQ(kenya.text("name"), kenya.text(1));
    EXPECT_TRUE(kenya.boolean("developing"));
    EXPECT_EQ(kenya.integer("country_count"), 1);
    EXPECT_EQ(kenya.optional_text("code"), std::optional<std::string>("KE"));
    EXPECT_EQ(kenya.optional_text("missing"), std::nullopt);
    EXPECT_TRUE(kenya.is_null("missing"));
    EXPECT_EQ(kenya.text("missing"), "");
    EXPECT_TRUE(kenya.has("code"));
    EXPECT_FALSE(kenya.has("nmae"));
    try {
        (void)kenya.text("nmae");
        FAIL() << "an unknown column was read";
    } catch (const std::logic_error& e) {
        EXPECT_NE(std::string(e.what()).find("\"nmae\""), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("code, name, developing, missing, country_count"),
                  std::string::npos)
            << e.what();
    }
}

TEST_P(Storage, TextRoundTripsByteForByte) {
    auto c = database_->acquire();
    const std::string hostile =
        "Robert'); DROP TABLE editions;-- <script>\"x\"</script> 互联网 \t\n";
    EditionDraft d{hostile, "2027", "2027-06-15", "2027-06-16", "UTC", "?"};
    db::Transaction tx(*c);
    auto id = store::create_edition(*c, d, "2026-01-01T00:00:00Z");
    tx.commit();
    auto e = store::find_edition(*c, id);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->name, hostile);
    EXPECT_EQ(e->venue, "?") << "a literal question mark is data, not a placeholder";
}

TEST_P(Storage, RollbackLeavesNothing) {
    auto c = database_->acquire();
    {
        db::Transaction tx(*c);
        store::create_edition(*c, {"Gone", "2027", "2027-06-15", "2027-06-16", "UTC", "x"}, "now");
    }
    EXPECT_TRUE(store::list_editions(*c).empty());
}

TEST_P(Storage, UniqueViolationsAreRecognisedAndSavepointsKeepTheTransaction) {
    auto c = database_->acquire();
    db::Transaction tx(*c);
    auto edition =
        store::create_edition(*c, {"IGF", "2027", "2027-06-15", "2027-06-16", "UTC", "x"}, "now");
    store::add_theme(*c, edition, {"Inclusion", ""});
    try {
        db::Savepoint attempt(*c);
        store::add_theme(*c, edition, {"Inclusion", "again"});
        FAIL() << "duplicate theme accepted";
    } catch (const db::Error& e) {
        EXPECT_EQ(e.kind(), db::Error::Kind::unique_violation);
    }
    store::add_theme(*c, edition, {"Security", ""});
    tx.commit();
    EXPECT_EQ(store::list_themes(*c, edition).size(), 2u);
}

TEST_P(Storage, RolesHoldPerEditionOrEverywhere) {
    auto c = database_->acquire();
    auto a = store::create_account(*c, "Mag@Example.org ", "Mag", "x", "now");
    auto e1 =
        store::create_edition(*c, {"A", "2027", "2027-01-01", "2027-01-02", "UTC", "x"}, "now");
    auto e2 =
        store::create_edition(*c, {"B", "2028", "2028-01-01", "2028-01-02", "UTC", "x"}, "now");
    store::grant_role(*c, a, Role::evaluator, e1);
    store::grant_role(*c, a, Role::evaluator, e1);  // granting twice is harmless
    auto roles = store::roles_of(*c, a);
    EXPECT_EQ(roles.size(), 1u);
    EXPECT_TRUE(store::has_role(roles, Role::evaluator, e1));
    EXPECT_FALSE(store::has_role(roles, Role::evaluator, e2));
    EXPECT_FALSE(store::has_role(roles, Role::admin, e1));
    store::grant_role(*c, a, Role::admin, std::nullopt);
    EXPECT_TRUE(store::has_role(store::roles_of(*c, a), Role::admin, e2));
    EXPECT_TRUE(store::find_account_for_sign_in(*c, "mag@example.org"))
        << "e-mail matched case-insensitively";
}

TEST_P(Storage, SessionsExpire) {
    auto c = database_->acquire();
    auto a = store::create_account(*c, "s@example.org", "S", "x", "now");
    store::create_session(*c, "hash", a, "2027-01-01T00:00:00Z", "2027-01-02T00:00:00Z");
    EXPECT_TRUE(store::account_of_session(*c, "hash", "2027-01-01T12:00:00Z"));
    EXPECT_FALSE(store::account_of_session(*c, "hash", "2027-01-02T00:00:01Z"));
}

TEST_P(Storage, DemoForumLoadsInOneTransaction) {
    auto creds = store::load_demo_forum(*database_, generate_demo_forum(3));
    auto c = database_->acquire();
    EXPECT_EQ(db::scalar(c->run("SELECT COUNT(*) FROM proposals WHERE edition_id = ?",
                                {creds.edition_id.value()})),
              300);
    EXPECT_EQ(store::list_members(*c, creds.edition_id).size(), 50u);
    // The second edition's round is over: every assigned place has a submitted evaluation.
    auto evaluated =
        EditionId{db::scalar(c->run("SELECT id FROM editions WHERE name = 'IGF demo 2026'"))};
    EXPECT_EQ(store::list_members(*c, evaluated).size(), 50u);
    EXPECT_EQ(db::scalar(c->run("SELECT COUNT(*) FROM evaluations e JOIN proposals p ON p.id = "
                                "e.proposal_id WHERE p.edition_id = ? AND e.status = 'submitted'",
                                {evaluated.value()})),
              db::scalar(c->run("SELECT COUNT(*) FROM assignments a JOIN proposals p ON p.id = "
                                "a.proposal_id WHERE p.edition_id = ? AND a.published = 1",
                                {evaluated.value()})));
    auto admin = store::find_account_for_sign_in(*c, creds.admin_email);
    ASSERT_TRUE(admin);
    EXPECT_TRUE(verify_password(creds.admin_password, admin->second));
    EXPECT_THROW(store::load_demo_forum(*database_, generate_demo_forum(3)), std::runtime_error);
}

// The demo's regional IGF ships a published timetable: every accepted proposal is a
// session, placed without a hard conflict; the opening keeps its fixed place; a move
// over a stale version is refused; the published timetable is version 1.
TEST_P(Storage, DemoProgrammeIsPublishedWithoutHardConflicts) {
    store::load_demo_forum(*database_, generate_demo_forum(3));
    auto c = database_->acquire();
    auto edition = EditionId{
        db::scalar(c->run("SELECT id FROM editions WHERE name = 'Regional IGF demo 2027'"))};
    auto programme = store::load_programme(*c, edition);
    ASSERT_EQ(programme.sessions.size(), 61u) << "60 accepted proposals and the opening";
    EXPECT_EQ(programme.placed, programme.previous) << "the draft is what was published";
    EXPECT_EQ(programme.placed.size(), 61u);
    auto ei = programme::edition_instance(programme, false);
    ASSERT_TRUE(ei.placed);
    auto report = programme::check_timetable(ei.instance, *ei.placed);
    for (const auto& v : report.violations) ADD_FAILURE() << v.text;
    auto opening = std::find_if(programme.sessions.begin(), programme.sessions.end(),
                                [](const auto& s) { return s.code == "OP1"; });
    ASSERT_NE(opening, programme.sessions.end());
    EXPECT_EQ(programme.placed.at(opening->id), *opening->fixed);
    auto versions = store::timetable_versions(*c, edition);
    ASSERT_EQ(versions.size(), 1u);
    EXPECT_EQ(store::timetable_version(*c, edition, 1)->slots, programme.previous);
    // Two editors: the second move, over the version both opened, changes nothing.
    auto drafts = store::draft_placements(*c, edition);
    auto [session, placement] = *std::next(drafts.begin(), 3);
    auto moved = placement.slot;
    moved.start = programme.rooms.front().room.windows.back().start;
    EXPECT_TRUE(store::place_session(*c, session, moved, placement.version, "now"));
    EXPECT_FALSE(store::place_session(*c, session, placement.slot, placement.version, "now"));
    EXPECT_EQ(store::draft_slots(*c, edition).at(session), moved);
    // Bringing in the accepted proposals again adds nothing.
    EXPECT_EQ(store::sync_programme_sessions(*c, edition, "now"), 0);
}

// The lists' filter as SQL with bound values: the same answers on both engines.
TEST_P(Storage, ProposalFiltersRunAsBoundSql) {
    store::load_demo_forum(*database_, generate_demo_forum(3));
    auto c = database_->acquire();
    auto edition = EditionId{db::scalar(c->run("SELECT id FROM editions WHERE name = 'IGF demo'"))};
    auto all = store::list_proposals(*c, edition, {});
    ASSERT_EQ(all.size(), 300u);
    auto word = all[7].title.substr(0, all[7].title.find(' '));
    ProposalFilter f;
    f.words = {ascii_lower(word)};
    auto found = store::list_proposals(*c, edition, f);
    EXPECT_FALSE(found.empty());
    for (const auto& p : found) EXPECT_NE(ascii_lower(p.title).find(f.words[0]), std::string::npos);
    f.words = {"%"};
    EXPECT_TRUE(store::list_proposals(*c, edition, f).empty()) << "% is a letter, not a wildcard";
    f.words = {std::to_string(all[41].number)};
    auto by_number = store::list_proposals(*c, edition, f);
    EXPECT_TRUE(std::any_of(by_number.begin(), by_number.end(),
                            [&](const auto& p) { return p.number == all[41].number; }));
    ProposalFilter unscreened;
    unscreened.screening = "not_screened";
    unscreened.status = "submitted";
    auto rows = store::list_proposals(*c, edition, unscreened);
    EXPECT_EQ(static_cast<std::int64_t>(rows.size()),
              db::scalar(c->run("SELECT COUNT(*) FROM proposals WHERE edition_id = ? AND status "
                                "= 'submitted'",
                                {edition.value()})))
        << "the demo's first edition is not screened yet";
    ProposalFilter themed;
    themed.theme = all[0].theme_id;
    for (const auto& p : store::list_proposals(*c, edition, themed))
        EXPECT_EQ(p.theme, all[0].theme);
}

TEST_P(Storage, ConcurrentWritersAllSucceed) {
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w)
        writers.emplace_back([&, w] {
            for (int i = 0; i < 10; ++i) {
                auto c = database_->acquire();
                db::Transaction tx(*c);
                store::create_edition(*c,
                                      {"E" + std::to_string(w * 100 + i), "2027", "2027-01-01",
                                       "2027-01-02", "UTC", "x"},
                                      "now");
                tx.commit();
            }
        });
    for (auto& t : writers) t.join();
    auto c = database_->acquire();
    EXPECT_EQ(store::list_editions(*c).size(), 40u);
}

// The agenda: a participant's marks, and the sessions their people records (linked to
// the account) or their proposals as organiser give them a part in.
TEST_P(Storage, AgendaFindsMarksAndOwnSessions) {
    auto creds = store::load_demo_forum(*database_, generate_demo_forum(3));
    auto c = database_->acquire();
    auto edition = EditionId{
        db::scalar(c->run("SELECT id FROM editions WHERE name = 'Regional IGF demo 2027'"))};
    auto account = store::find_account_for_sign_in(*c, creds.admin_email)->first.id;
    auto sessions = store::programme_sessions(*c, edition);
    std::vector<programme::ProgrammeSession> with_people;
    for (const auto& s : sessions)
        if (s.proposal && !s.people.empty()) with_people.push_back(s);
    ASSERT_GE(with_people.size(), 2u);
    const auto& spoken = with_people[0];
    const auto& organised = with_people[1];
    EXPECT_TRUE(store::own_sessions(*c, account, edition).empty());
    c->run("UPDATE people SET account_id = ? WHERE id = ?", {account, spoken.people.back().person});
    c->run(
        "INSERT INTO proposal_editors (proposal_id, account_id, role, added_at) "
        "VALUES (?, ?, 'editor', 'now')",
        {*organised.proposal, account});
    auto own = store::own_sessions(*c, account, edition);
    ASSERT_TRUE(own.count(spoken.id));
    EXPECT_EQ(own.at(spoken.id).front(), spoken.people.back().role);
    ASSERT_TRUE(own.count(organised.id));
    EXPECT_NE(std::find(own.at(organised.id).begin(), own.at(organised.id).end(), "organiser"),
              own.at(organised.id).end());
    // Marks: set twice is one mark; removed is none; counted on the session.
    store::set_attendance(*c, account, spoken.id, true, "now");
    store::set_attendance(*c, account, spoken.id, true, "now");
    EXPECT_EQ(store::attending(*c, account, edition), std::vector<SessionId>{spoken.id});
    EXPECT_EQ(store::programme_session(*c, edition, spoken.id)->marks, 1);
    store::set_attendance(*c, account, spoken.id, false, "now");
    EXPECT_TRUE(store::attending(*c, account, edition).empty());
    EXPECT_EQ(store::programme_session(*c, edition, spoken.id)->marks, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, Storage, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

TEST(Placeholders, NumberedOutsideQuotes) {
    EXPECT_EQ(db::numbered_placeholders("SELECT ? , '?', \"?\", ?"), "SELECT $1 , '?', \"?\", $2");
}

TEST(Secrets, PasswordsAndTokens) {
    init_secrets();
    auto hash = hash_password("correct horse");
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
    EXPECT_TRUE(verify_password("correct horse", hash));
    EXPECT_FALSE(verify_password("wrong horse", hash));
    EXPECT_FALSE(verify_password("x", ""));
    EXPECT_EQ(random_token().size(), 64u);
    EXPECT_NE(random_token(), random_token());
    EXPECT_EQ(token_hash("a"), token_hash("a"));
    EXPECT_TRUE(same_secret("abc", "abc"));
    EXPECT_FALSE(same_secret("abc", "abd"));
    EXPECT_FALSE(same_secret("", ""));
}
