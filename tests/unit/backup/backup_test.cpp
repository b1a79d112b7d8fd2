// Backup, restore and copy: the tables' order, SQLite's online backup while a writer
// works, and a demo forum copied SQLite -> each engine -> SQLite, verified row for row.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "core/backup/table_order.hpp"
#include "core/common/clock.hpp"
#include "core/demo/demo_forum.hpp"
#include "database/database.hpp"
#include "database/migrations.hpp"
#include "database/sqlite_backup.hpp"
#include "security/secrets.hpp"
#include "store/accounts/accounts.hpp"
#include "store/backup/copy.hpp"
#include "store/backup/schema.hpp"
#include "store/backup/tables.hpp"
#include "store/demo/demo.hpp"

using namespace convene;
using namespace convene::store::backup;

TEST(ForeignKeyOrder, PutsEveryTableAfterTheTablesItReferences) {
    auto order = foreign_key_order({{"proposals", {"editions", "accounts"}},
                                    {"comments", {"comments", "proposals"}},
                                    {"accounts", {}},
                                    {"editions", {"elsewhere"}}});
    EXPECT_EQ(order, (std::vector<std::string>{"accounts", "editions", "proposals", "comments"}));
    EXPECT_THROW(foreign_key_order({{"a", {"b"}}, {"b", {"a"}}}), std::logic_error);
}

TEST(MigrationsSchema, ListsTheTablesOfTheMigrationsInForeignKeyOrder) {
    init_secrets();
    auto schema = migrations_schema();
    std::vector<std::string> names;
    for (const auto& t : schema) names.push_back(t.name);
    auto at = [&](const std::string& n) {
        return std::find(names.begin(), names.end(), n) - names.begin();
    };
    for (const char* n : {"schema_migrations", "countries", "accounts", "proposals",
                          "transcript_turns", "caption_chunks"})
        EXPECT_LT(at(n), static_cast<long>(names.size())) << n;
    EXPECT_LT(at("editions"), at("proposals"));
    EXPECT_LT(at("transcripts"), at("transcript_turns"));
    for (const auto& n : names) EXPECT_EQ(n.find("transcript_search"), std::string::npos) << n;
    for (const auto& t : schema) {
        for (const auto& r : t.references)
            if (r != t.name) {
                EXPECT_LT(at(r), at(t.name)) << t.name << " -> " << r;
            }
        if (t.name == "accounts") {
            EXPECT_TRUE(t.identity);
            EXPECT_EQ(t.columns.front().name, "id");
            EXPECT_TRUE(t.columns.front().integer);
            EXPECT_EQ(t.columns.front().key, 1);
        }
        if (t.name == "countries") {
            EXPECT_FALSE(t.identity);
        }
    }
}

namespace {

// A fresh database of each engine: a SQLite file, or a PostgreSQL schema of its own.
class Scratch {
  public:
    Scratch(const std::string& engine, const std::string& name) {
        if (engine == "sqlite") {
            dir_ = std::filesystem::temp_directory_path() /
                   ("convene-backup-" + random_token().substr(0, 12));
            std::filesystem::create_directories(dir_);
            url = "sqlite:" + (dir_ / (name + ".db")).string();
        } else {
            schema_ = "backup_" + random_token().substr(0, 12);
            db::connect_postgresql(std::getenv("CONVENE_TEST_POSTGRES"))
                ->run_script("CREATE SCHEMA " + schema_);
            url = std::string(std::getenv("CONVENE_TEST_POSTGRES")) + "?options=-csearch_path%3D" +
                  schema_;
        }
        database = db::Database::open(url, 2);
    }
    ~Scratch() {
        database.reset();
        if (!dir_.empty()) std::filesystem::remove_all(dir_);
        if (!schema_.empty())
            db::connect_postgresql(std::getenv("CONVENE_TEST_POSTGRES"))
                ->run_script("DROP SCHEMA " + schema_ + " CASCADE");
    }
    std::string path() const { return url.substr(7); }
    std::string url;
    std::unique_ptr<db::Database> database;

  private:
    std::filesystem::path dir_;
    std::string schema_;
};

std::unique_ptr<Scratch> demo_forum(const std::string& engine) {
    auto s = std::make_unique<Scratch>(engine, "demo");
    db::migrate(*s->database);
    DemoSize size;
    size.proposals = 40;
    size.mag_members = 12;
    store::load_demo_forum(*s->database, generate_demo_forum(3, size));
    return s;
}

std::vector<Fingerprint> fingerprints(db::Database& d) {
    auto c = d.acquire();
    std::vector<Fingerprint> out;
    for (const auto& t : migrations_schema()) out.push_back(fingerprint(*c, t));
    return out;
}

class Copy : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        init_secrets();
        if (GetParam() == "postgresql" && !std::getenv("CONVENE_TEST_POSTGRES")) {
            const char* ci = std::getenv("CI");
            if (ci && std::string_view(ci) == "true")
                FAIL() << "CI=true but CONVENE_TEST_POSTGRES is not set";
            GTEST_SKIP() << "CONVENE_TEST_POSTGRES is not set";
        }
    }
};

}  // namespace

TEST_P(Copy, ThereAndBackIsVerifiedRowForRow) {
    auto source = demo_forum("sqlite");
    page_rows = 7;  // tables read in many pages, by key and by offset
    struct Restore {
        ~Restore() { page_rows = 2000; }
    } restore;
    Scratch middle(GetParam(), "middle"), back("sqlite", "back");
    auto there = copy_forum(*source->database, *middle.database, "source", "middle");
    EXPECT_TRUE(there.verified());
    auto proposals = std::find_if(there.tables.begin(), there.tables.end(),
                                  [](const TableCheck& t) { return t.table == "proposals"; });
    ASSERT_NE(proposals, there.tables.end());
    EXPECT_GE(proposals->target.rows, 40);
    auto again = copy_forum(*middle.database, *back.database, "middle", "back");
    EXPECT_TRUE(again.verified());
    EXPECT_EQ(fingerprints(*source->database), fingerprints(*back.database));
    // The copy is a Convene database as `migrate` leaves it: nothing more to apply.
    EXPECT_TRUE(db::migrate(*middle.database).empty());
}

TEST_P(Copy, NewIdsComeAfterTheCopiedOnes) {
    auto source = demo_forum("sqlite");
    Scratch target(GetParam(), "target");
    copy_forum(*source->database, *target.database, "source", "target");
    auto c = target.database->acquire();
    auto highest = c->run("SELECT MAX(id) AS high FROM accounts").rows.at(0).integer("high");
    auto id =
        store::create_account(*c, "new@example.org", "New Person", "x", format_utc(Clock::now()));
    EXPECT_GT(id.value(), highest);
}

TEST_P(Copy, RefusesATargetThatHoldsAForumNamingTheTable) {
    auto source = demo_forum("sqlite");
    auto target = demo_forum(GetParam());
    try {
        copy_forum(*source->database, *target->database, "source", "target");
        FAIL() << "copied into a database with a forum";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("target is not empty"), std::string::npos) << e.what();
    }
    // A migrated database without a forum is empty enough.
    Scratch migrated(GetParam(), "migrated");
    db::migrate(*migrated.database);
    EXPECT_TRUE(copy_forum(*source->database, *migrated.database, "source", "migrated").verified());
}

TEST_P(Copy, AFingerprintSeesAChangedCellAndTellsNullFromEmpty) {
    Scratch s(GetParam(), "prints");
    db::migrate(*s.database);
    auto c = s.database->acquire();
    auto schema = migrations_schema();
    auto accounts = *std::find_if(schema.begin(), schema.end(),
                                  [](const Table& t) { return t.name == "accounts"; });
    auto empty = fingerprint(*c, accounts);
    EXPECT_EQ(empty.rows, 0);
    store::create_account(*c, "a@example.org", "A", "x", "2025-01-01T00:00:00Z");
    c->run("UPDATE accounts SET email_verified_at = NULL");
    auto one = fingerprint(*c, accounts);
    EXPECT_EQ(one.rows, 1);
    EXPECT_NE(one.checksum, empty.checksum);
    c->run("UPDATE accounts SET email_verified_at = ''");
    auto blank = fingerprint(*c, accounts);
    EXPECT_NE(blank.checksum, one.checksum);
    c->run("UPDATE accounts SET email_verified_at = NULL");
    EXPECT_EQ(fingerprint(*c, accounts), one);
}

INSTANTIATE_TEST_SUITE_P(Engines, Copy, ::testing::Values("sqlite", "postgresql"));

TEST(SqliteBackup, CopiesOneMomentWhileAWriterHoldsItsTransaction) {
    init_secrets();
    auto source = demo_forum("sqlite");
    auto before = fingerprints(*source->database);
    auto writer = source->database->acquire();
    writer->begin_write();
    store::create_account(*writer, "late@example.org", "Late", "x", "2025-01-01T00:00:00Z");
    Scratch copy("sqlite", "copy");
    copy.database.reset();
    db::sqlite_backup(source->path(), copy.path());
    writer->commit();
    copy.database = db::Database::open(copy.url, 1);
    EXPECT_EQ(fingerprints(*copy.database), before) << "the uncommitted account is not there";
    EXPECT_NE(fingerprints(*source->database), before);
    auto c = copy.database->acquire();
    EXPECT_EQ(c->run("PRAGMA integrity_check").rows.at(0).text("integrity_check"), "ok");
}

TEST(CopyVerification, NamesTheTableWhoseRowsCameOutDifferent) {
    init_secrets();
    auto source = demo_forum("sqlite");
    Scratch target("sqlite", "spoilt");
    db::migrate(*target.database);
    // A trigger of the target's own changes each theme as it arrives.
    target.database->acquire()->run_script(R"sql(
        CREATE TRIGGER spoil AFTER INSERT ON themes BEGIN
            UPDATE themes SET name = name || '!' WHERE id = new.id;
        END
    )sql");
    auto report = copy_forum(*source->database, *target.database, "source", "spoilt");
    EXPECT_FALSE(report.verified());
    for (const auto& t : report.tables) {
        EXPECT_EQ(t.same(), t.table != "themes") << t.table;
        if (t.table == "themes") {
            EXPECT_EQ(t.source.rows, t.target.rows);
        }
    }
}
