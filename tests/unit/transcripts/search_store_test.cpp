// The archive's search index kept with the turns on both engines: a transcript's turns are
// found once stored (alone or in a bulk import's batch), the newest matches are the ones
// ranked, a deleted transcript's turns and a turn's old words are no longer found, and a
// turn whose search words were missing is found once they are written.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine_database.hpp"
#include "store/editions/editions.hpp"
#include "store/transcripts/search.hpp"
#include "store/transcripts/transcripts.hpp"

using namespace convene;

namespace {

class SearchStore : public convene::testing::EngineDatabase {};

const std::string now = "2034-06-12T10:00:00Z";

transcripts::Transcript transcript_of(const std::vector<std::string>& texts) {
    transcripts::Transcript t;
    t.header.title = "Open consultation";
    t.header.date = "2034-06-12";
    for (const auto& text : texts) t.turns.push_back({std::string("CHAIR"), text, 0, "", ""});
    return t;
}

EditionId edition(db::Connection& c, const std::string& year) {
    return store::create_edition(
        c, {"IGF " + year, year, year + "-06-12", year + "-06-15", "UTC", "Kigali"}, now);
}

store::NewTranscript file(EditionId e, const std::string& name) {
    store::NewTranscript n;
    n.place.edition = e;
    n.file_name = name;
    n.added_at = now;
    return n;
}

std::vector<std::int64_t> found(db::Connection& c, const std::string& typed, std::size_t limit = 20,
                                store::TranscriptSearch s = {}) {
    s.query = transcripts::read_search_query(typed).query;
    s.limit = limit;
    std::vector<std::int64_t> out;
    for (const auto& f : store::search_transcript_turns(c, s).turns) out.push_back(f.turn_id);
    return out;
}

std::vector<std::int64_t> turns_of(db::Connection& c, TranscriptId t) {
    std::vector<std::int64_t> out;
    for (const auto& row :
         c.run("SELECT id FROM transcript_turns WHERE transcript_id = ? ORDER BY id", {t}).rows)
        out.push_back(row.integer("id"));
    return out;
}

}  // namespace

TEST_P(SearchStore, TurnsAreFoundOnceStoredAndNoLongerOnceGone) {
    auto lease = database_->acquire();
    auto& c = *lease;
    db::Transaction tx(c);
    auto e = edition(c, "2034");
    auto first = store::add_transcript(
        c, file(e, "a.txt"), transcript_of({"the river delta", "nothing here", "a river"}));
    auto a = turns_of(c, first);
    // A bulk import's batch: indexed when the batch is.
    store::SearchIndexBatch batch;
    store::BulkStore bulk{&batch, nullptr};
    auto second = store::add_transcript(c, file(e, "b.txt"),
                                        transcript_of({"river crossing", "no match"}), {}, bulk);
    batch.index();
    auto b = turns_of(c, second);
    auto all = found(c, "river");
    std::sort(all.begin(), all.end());
    EXPECT_EQ(all, (std::vector<std::int64_t>{a[0], a[2], b[0]}));
    EXPECT_EQ(found(c, "\"river crossing\""), (std::vector<std::int64_t>{b[0]}));

    // A turn's words changed: found by the new ones only.
    c.run("UPDATE transcript_turns SET search_text = 'stream delta' WHERE id = ?", {a[0]});
    EXPECT_EQ(found(c, "stream"), (std::vector<std::int64_t>{a[0]}));
    EXPECT_EQ(found(c, "river").size(), 2u);
    // Its search words gone (as before migration 022), then written again.
    c.run("UPDATE transcript_turns SET search_text = NULL WHERE id = ?", {a[0]});
    EXPECT_TRUE(found(c, "stream").empty());
    EXPECT_EQ(store::index_unsearched_turns(c), 1u);
    EXPECT_EQ(found(c, "river").size(), 3u);

    store::delete_transcript(c, second);
    all = found(c, "river");
    std::sort(all.begin(), all.end());
    EXPECT_EQ(all, (std::vector<std::int64_t>{a[0], a[2]}));
    tx.commit();
}

TEST_P(SearchStore, TheNewestMatchesAreTheOnesRanked) {
    auto lease = database_->acquire();
    auto& c = *lease;
    db::Transaction tx(c);
    auto e = edition(c, "2034");
    // The oldest turn matches best (short, the word three times), then 1,000 newer ones.
    auto oldest =
        store::add_transcript(c, file(e, "old.txt"), transcript_of({"lagoon lagoon lagoon"}));
    std::vector<std::string> many(1000, "a long turn about the lagoon and much else besides");
    auto newer = store::add_transcript(c, file(e, "new.txt"), transcript_of(many));
    auto page = found(c, "lagoon", 5);
    ASSERT_EQ(page.size(), 5u);
    // Past the newest 1,000 matches: not ranked, whatever its score.
    for (auto id : page) EXPECT_NE(id, turns_of(c, oldest).front());
    // Equal scores: the newest first.
    auto ids = turns_of(c, newer);
    EXPECT_EQ(page, (std::vector<std::int64_t>(ids.rbegin(), ids.rbegin() + 5)));
    // One fewer newer match: the oldest is ranked, and first.
    store::delete_transcript(c, newer);
    std::vector<std::string> fewer(999, "a long turn about the lagoon and much else besides");
    store::add_transcript(c, file(e, "new2.txt"), transcript_of(fewer));
    EXPECT_EQ(found(c, "lagoon", 5).front(), turns_of(c, oldest).front());
    tx.commit();
}

TEST_P(SearchStore, FiltersThatLeaveNothingOutFindWhatTheWordsFind) {
    auto lease = database_->acquire();
    auto& c = *lease;
    db::Transaction tx(c);
    auto e = edition(c, "2034");
    auto other = edition(c, "2035");
    auto day_one = transcript_of({"the river", "a river"});
    day_one.header.date = "2034-06-12";
    auto day_two = transcript_of({"river banks"});
    day_two.header.date = "2034-06-13";
    store::add_transcript(c, file(e, "1.txt"), day_one);
    auto second = store::add_transcript(c, file(e, "2.txt"), day_two);
    auto sorted = [](std::vector<std::int64_t> v) {
        std::sort(v.begin(), v.end());
        return v;
    };
    auto every = sorted(found(c, "river"));
    ASSERT_EQ(every.size(), 3u);
    store::TranscriptSearch in_edition;
    in_edition.edition = e;  // the only edition with transcripts
    EXPECT_EQ(sorted(found(c, "river", 20, in_edition)), every);
    in_edition.edition = other;
    EXPECT_TRUE(found(c, "river", 20, in_edition).empty());
    store::TranscriptSearch dates;
    dates.from = "2030-01-01";
    dates.to = "2040-01-01";  // every date of the archive
    EXPECT_EQ(sorted(found(c, "river", 20, dates)), every);
    dates.from = "2034-06-13";
    EXPECT_EQ(found(c, "river", 20, dates), turns_of(c, second));
    // A transcript without a date, and a transcript of another edition: left out again.
    auto undated = transcript_of({"river mouth"});
    undated.header.date = "";
    store::add_transcript(c, file(e, "3.txt"), undated);
    store::add_transcript(c, file(other, "4.txt"), transcript_of({"river again"}));
    dates.from = "2030-01-01";
    auto dated = found(c, "river", 20, dates);
    EXPECT_EQ(dated.size(), 4u);  // the three, and the other edition's (dated 2034-06-12)
    in_edition.edition = e;
    EXPECT_EQ(found(c, "river", 20, in_edition).size(), 4u);  // the three, and the undated
    tx.commit();
}

INSTANTIATE_TEST_SUITE_P(Engines, SearchStore, ::testing::Values("sqlite", "postgresql"));
