// What people type in the archive's search box, hostile or not, read into typed terms.
#include "core/transcripts/search_query.hpp"

#include <gtest/gtest.h>

using namespace convene::transcripts;

namespace {

std::string read(std::string_view typed) {
    auto r = read_search_query(typed);
    return r.refusal.empty() ? query_text(r.query) : "refused: " + r.refusal;
}

}  // namespace

TEST(TranscriptSearchQuery, WordsPhrasesLeftOutAndOr) {
    EXPECT_EQ(read("Internet governance"), "internet governance");
    EXPECT_EQ(read("\"open consultations\" MAG"), "\"open consultations\" mag");
    EXPECT_EQ(read("forum -Paris -\"day zero\""), "forum -paris -\"day zero\"");
    EXPECT_EQ(read("youth OR jeunesse forum"), "youth OR jeunesse forum");
    EXPECT_EQ(read("a OR b OR c"), "a OR b OR c");
    EXPECT_EQ(read("\xE2\x80\x9C"
                   "open forum\xE2\x80\x9D \xC2\xAB"
                   "forum ouvert\xC2\xBB"),
              "\"open forum\" \"forum ouvert\"");
    // Punctuation inside a word makes a phrase; so does a run of Chinese characters.
    EXPECT_EQ(read("l'\xC3\xA9"
                   "cole co-operation"),
              "\"l ecole\" \"co operation\"");
    EXPECT_EQ(read("\xE4\xBA\x92\xE8\x81\x94\xE7\xBD\x91"),
              "\"\xE4\xBA\x92 \xE8\x81\x94 \xE7\xBD\x91\"");
}

TEST(TranscriptSearchQuery, OrWhereItCannotJoinIsAWord) {
    EXPECT_EQ(read("OR"), "or");
    EXPECT_EQ(read("a OR"), "a or");
    EXPECT_EQ(read("OR a"), "or a");
    EXPECT_EQ(read("a OR -b"), "a or -b");
    EXPECT_EQ(read("-a OR b"), "or b -a");
    EXPECT_EQ(read("x -a OR b"), "x or b -a");
    EXPECT_EQ(read("a or b"), "a or b");
}

TEST(TranscriptSearchQuery, SyntaxCharactersAreOnlyText) {
    EXPECT_EQ(read("\"unbalanced quote"), "\"unbalanced quote\"");
    EXPECT_EQ(read("a \"b c"), "a \"b c\"");
    EXPECT_EQ(read("\"\""), "refused: transcripts.search.no_words");
    EXPECT_EQ(read("NEAR(a b, 3)"), "\"near a\" b 3");
    EXPECT_EQ(read("gov* title:forum ^start (a OR b)"), "gov \"title forum\" start a OR b");
    EXPECT_EQ(read("a AND b NOT c"), "a and b not c");
    EXPECT_EQ(read("- -- --- a"), "a");
    EXPECT_EQ(read("-"), "refused: transcripts.search.no_words");
    EXPECT_EQ(read("- --"), "refused: transcripts.search.no_words");
    EXPECT_EQ(read("a-"), "a");
    EXPECT_EQ(read("\"a\"\"b\""), "a b");
    EXPECT_EQ(read("* ^ : ( ) \" -"), "refused: transcripts.search.no_words");
    EXPECT_EQ(read("   "), "");
    EXPECT_EQ(read(""), "");
    EXPECT_EQ(read("'; DROP TABLE transcripts; --"), "drop table transcripts");
}

TEST(TranscriptSearchQuery, Refusals) {
    EXPECT_EQ(read(std::string(max_query_bytes + 1, 'a')),
              "refused: transcripts.search.query_too_long");
    EXPECT_EQ(read("-only -left -out"), "refused: transcripts.search.only_left_out");
    EXPECT_EQ(read("a\xFF"), "refused: transcripts.search.not_text");
    EXPECT_EQ(read(std::string("a\0b", 3)), "refused: transcripts.search.not_text");
    EXPECT_EQ(read("\x1b[31m"), "refused: transcripts.search.not_text");
    std::string many;
    for (std::size_t i = 0; i <= max_query_terms; ++i) many += "w" + std::to_string(i) + " ";
    EXPECT_EQ(read(many), "refused: transcripts.search.too_many_terms");
    std::string phrase = "\"";
    for (std::size_t i = 0; i <= max_phrase_words; ++i) phrase += "a ";
    EXPECT_EQ(read(phrase), "refused: transcripts.search.phrase_too_long");
    // A long Chinese sentence is one phrase of too many characters.
    std::string chinese;
    for (std::size_t i = 0; i <= max_phrase_words; ++i) chinese += "\xE4\xB8\xAD";
    EXPECT_EQ(read(chinese), "refused: transcripts.search.phrase_too_long");
    // Tabs and line ends are spaces.
    EXPECT_EQ(read("a\tb\r\nc"), "a b c");
}

TEST(TranscriptSearchQuery, TermsKeepWhatWasTyped) {
    auto r = read_search_query(
        "-\"Salle XI\" \xC3\x89"
        "cole");
    ASSERT_EQ(r.refusal, "");
    ASSERT_EQ(r.query.all.size(), 1u);
    EXPECT_EQ(r.query.all[0].any[0].written,
              "\xC3\x89"
              "cole");
    EXPECT_EQ(r.query.all[0].any[0].words, std::vector<std::string>{"ecole"});
    ASSERT_EQ(r.query.none.size(), 1u);
    EXPECT_EQ(r.query.none[0].written, "Salle XI");
    EXPECT_TRUE(r.query.none[0].phrase());
}
