// Live captions: every chunk applied exactly once and in order, backspaces honoured,
// bad text refused, readers resuming from their position, turns as in the transcripts.
#include "core/live/captions.hpp"

#include <gtest/gtest.h>

#include "core/common/messages.hpp"

using namespace convene;
using namespace convene::live;

TEST(LiveCaptions, ChunksApplyOnceAndInOrderWhateverTheirArrival) {
    CaptionStream s;
    EXPECT_EQ(add_chunk(s, {1, ">> CHAIR: Good morning"}).outcome, ChunkOutcome::applied);
    EXPECT_EQ(add_chunk(s, {3, " all.\n"}).outcome, ChunkOutcome::held);
    EXPECT_EQ(s.text, ">> CHAIR: Good morning") << "3 waits for 2";
    EXPECT_EQ(add_chunk(s, {3, " all.\n"}).outcome, ChunkOutcome::duplicate);
    auto two = add_chunk(s, {2, " to"});
    EXPECT_EQ(two.outcome, ChunkOutcome::applied);
    EXPECT_EQ(two.applied, 3) << "2 lets 3 in";
    EXPECT_EQ(s.text, ">> CHAIR: Good morning to all.\n");
    EXPECT_EQ(add_chunk(s, {1, ">> CHAIR: Good morning"}).outcome, ChunkOutcome::duplicate)
        << "a resend after a dropped connection duplicates nothing";
    EXPECT_EQ(s.text, ">> CHAIR: Good morning to all.\n");
    auto after = chunks_after(s, 1);
    ASSERT_EQ(after.size(), 2u);
    EXPECT_EQ(after[0].first, 2);
    EXPECT_TRUE(chunks_after(s, 3).empty());
}

TEST(LiveCaptions, BackspacesRemoveWholeCharacters) {
    EXPECT_EQ(apply_backspaces("Internat", "\b\b\bnet"), "Internet");
    EXPECT_EQ(apply_backspaces("café", "\b\be"), "cae") << "é is two bytes, one character";
    EXPECT_EQ(apply_backspaces("", "\b\bok"), "ok");
    CaptionStream s;
    add_chunk(s, {1, "Helo"});
    add_chunk(s, {2, "\blo"});
    EXPECT_EQ(s.text, "Hello");
}

TEST(LiveCaptions, BadChunksAreRefusedAndChangeNothing) {
    CaptionStream s;
    add_chunk(s, {1, "ok"});
    EXPECT_EQ(add_chunk(s, {2, std::string("\xC3\x28", 2)}).refusal, "live.captions.not_utf8");
    EXPECT_EQ(add_chunk(s, {2, std::string("a\x01"
                                           "b")})
                  .refusal,
              "live.captions.control");
    EXPECT_EQ(add_chunk(s, {0, "x"}).refusal, "live.captions.sequence");
    EXPECT_EQ(add_chunk(s, {2, std::string(max_chunk_bytes + 1, 'a')}).refusal,
              "live.captions.too_long");
    for (std::int64_t n = 3; n < 3 + static_cast<std::int64_t>(max_held_chunks); ++n)
        EXPECT_EQ(add_chunk(s, {n, "."}).outcome, ChunkOutcome::held);
    EXPECT_EQ(add_chunk(s, {100000, "."}).refusal, "live.captions.gap");
    EXPECT_EQ(s.text, "ok");
    EXPECT_EQ(s.applied, 1);
    for (const char* key : {"live.captions.sequence", "live.captions.too_long",
                            "live.captions.not_utf8", "live.captions.control", "live.captions.gap"})
        EXPECT_NE(say(key), key);
}

TEST(LiveCaptions, TurnsBeginAtEachDoubleChevron) {
    auto turns = caption_turns(
        "(standing by)\r\n>> LYNN ST. AMOUR: Good morning.\nWelcome all.\n"
        ">>KIEREN McCARTHY: Thank you: a question.\n>> Thank you: from the floor.\n"
        ">> JAC sm KEE:   Yes.\n");
    ASSERT_EQ(turns.size(), 5u);
    EXPECT_EQ(turns[0].speaker, "");
    EXPECT_EQ(turns[0].text, "(standing by)");
    EXPECT_EQ(turns[1].speaker, "LYNN ST. AMOUR");
    EXPECT_EQ(turns[1].text, "Good morning. Welcome all.");
    EXPECT_EQ(turns[2].speaker, "KIEREN McCARTHY");
    EXPECT_EQ(turns[2].text, "Thank you: a question.");
    EXPECT_EQ(turns[3].speaker, "") << "speech, not a name";
    EXPECT_EQ(turns[3].text, "Thank you: from the floor.");
    EXPECT_EQ(turns[4].speaker, "JAC sm KEE");
    EXPECT_EQ(turns[4].text, "Yes.");
}

TEST(LiveCaptions, TurnsKeepTheTimesOfTheChunksThatWroteThem) {
    std::vector<TimedChunk> chunks = {
        {1, ">> ANA ONSITE: Good morn", "2027-06-15T09:00:00Z"},
        {2, "ing.\n", "2027-06-15T09:00:05Z"},
        {3, ">> BEN: Hello thx\b\b\b", "2027-06-15T09:01:00Z"},
        {4, "thanks.", "2027-06-15T09:01:30Z"},
    };
    auto turns = timed_caption_turns(chunks);
    ASSERT_EQ(turns.size(), 2u);
    EXPECT_EQ(turns[0].turn.speaker, "ANA ONSITE");
    EXPECT_EQ(turns[0].turn.text, "Good morning.");
    EXPECT_EQ(turns[0].started_at, "2027-06-15T09:00:00Z");
    EXPECT_EQ(turns[0].ended_at, "2027-06-15T09:00:05Z");
    EXPECT_EQ(turns[1].turn.speaker, "BEN");
    EXPECT_EQ(turns[1].turn.text, "Hello thanks.");
    EXPECT_EQ(turns[1].started_at, "2027-06-15T09:01:00Z");
    EXPECT_EQ(turns[1].ended_at, "2027-06-15T09:01:30Z");
    EXPECT_TRUE(timed_caption_turns({}).empty());
    // Backspaces past the start remove nothing more.
    EXPECT_TRUE(timed_caption_turns({{1, "\b\b\xC3\xA9\b", "2027-06-15T09:00:00Z"}}).empty());
}

TEST(LiveCaptions, TypedChunksJoinTheTextTheyFollow) {
    EXPECT_EQ(joined_chunk("", "Hello"), "Hello");
    EXPECT_EQ(joined_chunk("Hello", "world"), " world");
    EXPECT_EQ(joined_chunk("Hello ", "world"), "world");
    EXPECT_EQ(joined_chunk("Hello", ">> ANA: Hi"), "\n>> ANA: Hi");
    EXPECT_EQ(joined_chunk("Hello\n", ">> ANA: Hi"), ">> ANA: Hi");
    EXPECT_EQ(joined_chunk("Hello", "Hi", "ANA"), "\n>> ANA: Hi");
    EXPECT_EQ(joined_chunk("", "", "ANA"), ">> ANA: ");
}

TEST(LiveCaptions, LanguageCodes) {
    for (const char* good : {"en", "fr", "zh-Hans", "es-419", "ast"})
        EXPECT_TRUE(is_language_code(good)) << good;
    for (const char* bad : {"", "e", "EN", "english", "en-", "-en", "en--x", "en_GB", "en-a",
                            "en-abcdefghi", "en-x1-x2-x3", "en/../x"})
        EXPECT_FALSE(is_language_code(bad)) << bad;
}
