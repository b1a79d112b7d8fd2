// weighted_bm25, the ranking of transcript search on SQLite (database/sqlite_rank.hpp).
#include <gtest/gtest.h>

#include <filesystem>

#include "database/database.hpp"
#include "security/secrets.hpp"

using namespace convene;

namespace {

class WeightedBm25 : public ::testing::Test {
  protected:
    void SetUp() override {
        init_secrets();
        dir_ = std::filesystem::temp_directory_path() /
               ("convene-rank-" + random_token().substr(0, 12));
        std::filesystem::create_directories(dir_);
        db_ = db::Database::open("sqlite:" + (dir_ / "rank.db").string(), 1);
        auto c = db_->acquire();
        c->run_script(R"sql(
            CREATE VIRTUAL TABLE words USING fts5(text);
            INSERT INTO words (rowid, text) VALUES
                (1, 'forum forum and some other words that make this turn long'),
                (2, 'forum forum short'),
                (3, 'forum once in a turn of middling length'),
                (4, 'nothing to see');
        )sql");
    }
    void TearDown() override {
        db_.reset();
        std::filesystem::remove_all(dir_);
    }

    // The rows holding `word`, best first, each with its score.
    std::vector<std::pair<std::int64_t, std::string>> ranked(const std::string& match,
                                                             const std::string& score = "") {
        auto c = db_->acquire();
        auto r = c->run("SELECT rowid AS id, weighted_bm25(words" + score +
                            ") AS score FROM words WHERE words MATCH ? ORDER BY score DESC",
                        {match});
        std::vector<std::pair<std::int64_t, std::string>> out;
        for (const auto& row : r.rows) out.emplace_back(row.integer("id"), row.text("score"));
        return out;
    }

    std::filesystem::path dir_;
    std::unique_ptr<db::Database> db_;
};

TEST_F(WeightedBm25, AShorterTurnWithTheSameWordsRanksFirst) {
    auto first = ranked("forum");
    ASSERT_EQ(first.size(), 3u);
    EXPECT_EQ(first[0].first, 2);  // twice in three words
    EXPECT_EQ(first[1].first, 1);  // twice in eleven
    EXPECT_EQ(first[2].first, 3);  // once
}

TEST_F(WeightedBm25, LengthsRememberedByTheConnectionRankTheSameAgain) {
    auto first = ranked("forum");
    EXPECT_EQ(ranked("forum"), first);
    // A row added later is read and ranked as the others.
    db_->acquire()->run_script("INSERT INTO words (rowid, text) VALUES (9, 'forum forum')");
    auto again = ranked("forum");
    ASSERT_EQ(again.size(), 4u);
    EXPECT_EQ(again[0].first, 9);
}

TEST_F(WeightedBm25, OnlyTheFirstPhrasesAreScoredTheFiltersAfterThemAreNot) {
    // "forum" scored, "short" only filtering: row 2 alone, scored as "forum" alone scores it.
    auto both = ranked("forum AND short", ", 1");
    ASSERT_EQ(both.size(), 1u);
    EXPECT_EQ(both[0].first, 2);
    EXPECT_NEAR(std::stod(both[0].second), std::stod(ranked("forum", ", 1")[0].second), 1e-12);
    // Weighted: the first phrase's weight multiplies its score.
    auto weighted = ranked("forum AND short", ", 1, 2.0");
    EXPECT_NEAR(std::stod(weighted[0].second), 2 * std::stod(both[0].second), 1e-12);
}

}  // namespace
