// Transcripts written out: the forum's plain text (read back to the same turns) and WebVTT.
#include "core/transcripts/formats.hpp"

#include <gtest/gtest.h>

#include "core/transcripts/reading.hpp"

using namespace convene::transcripts;

namespace {

void expect_same_turns(const Transcript& a, const Transcript& b) {
    ASSERT_EQ(a.turns.size(), b.turns.size());
    for (std::size_t i = 0; i < a.turns.size(); ++i) {
        EXPECT_EQ(a.turns[i].speaker, b.turns[i].speaker) << i;
        EXPECT_EQ(a.turns[i].text, b.turns[i].text) << i;
    }
    ASSERT_EQ(a.directions.size(), b.directions.size());
    for (std::size_t i = 0; i < a.directions.size(); ++i) {
        EXPECT_EQ(a.directions[i].turn, b.directions[i].turn) << i;
        EXPECT_EQ(a.directions[i].text, b.directions[i].text) << i;
        EXPECT_EQ(a.directions[i].within_text, b.directions[i].within_text) << i;
        EXPECT_EQ(a.directions[i].paragraph, b.directions[i].paragraph) << i;
    }
}

}  // namespace

TEST(TranscriptFormats, PlainTextReadsBackToTheSameTranscript) {
    auto first = read_transcript(
                     "IGF 2031 - Day 2 - Room 3 - Open Forum\n\nThe following are the outputs of "
                     "the real-time captioning. Although it is largely accurate, ...\n\n[ Gavel "
                     "]\n>> CHAIR: Welcome (pause) all.\n(standing by)\nSecond.\n>> (overlapping "
                     "speakers).\n>>\nABC DEF: looks like a label\n>> ANA:\n(laughter)\nYes.\n"
                     ">> B C:\n")
                     .transcript;
    auto text = seed_text(first);
    EXPECT_EQ(text.rfind("IGF 2031 - Day 2 - Room 3 - Open Forum\n\nThe following", 0), 0u) << text;
    EXPECT_NE(text.find(">> CHAIR: Welcome (pause) all.\n(standing by)\nSecond.\n"),
              std::string::npos)
        << text;
    auto again = read_transcript(text);
    EXPECT_EQ(again.refusal, "");
    expect_same_turns(first, again.transcript);
    EXPECT_EQ(again.transcript.header.title, "Open Forum");
    EXPECT_EQ(again.transcript.header.disclaimer, first.header.disclaimer);
}

// Found by the transcript fuzz target: a first line that begins like a PDF once its
// leading space is gone was written out first, and the file was refused as a PDF.
TEST(TranscriptFormats, ATitleThatBeginsLikeAPdfReadsBack) {
    for (const char* title : {"\xC2\xA0%PDF- the format of reports", " GIF89a and memes"}) {
        auto first = read_transcript(std::string(title) + "\n\n>> ANA SILVA: Good morning.\n");
        ASSERT_EQ(first.refusal, "") << title;
        auto again = read_transcript(seed_text(first.transcript));
        EXPECT_EQ(again.refusal, "") << title;
        expect_same_turns(first.transcript, again.transcript);
    }
}

TEST(TranscriptFormats, AHeaderWithoutItsLineIsComposed) {
    Transcript t;
    t.header.event = "IGF demo";
    t.header.room = "Room 2";
    t.header.title = "WS12 Rivers";
    t.turns.push_back({"ANA SILVA", "Hello.", 0, "", ""});
    EXPECT_EQ(seed_text(t), "IGF demo - Room 2 - WS12 Rivers\n\n***\n\n>> ANA SILVA: Hello.\n");
}

TEST(TranscriptFormats, WebVttFromTimedTurns) {
    Transcript t;
    EXPECT_EQ(webvtt(t), "");
    t.turns.push_back({"ANA SILVA", "Hello <all> & welcome.\nSecond line.", 0,
                       "2031-06-15T09:30:00Z", "2031-06-15T09:30:04Z"});
    t.turns.push_back(
        {std::nullopt, "Thanks -->", 0, "2031-06-15T09:31:05Z", "2031-06-15T09:31:05Z"});
    EXPECT_TRUE(has_times(t));
    EXPECT_EQ(webvtt(t),
              "WEBVTT\n\n"
              "1\n00:00:00.000 --> 00:00:04.000\n<v ANA SILVA>Hello &lt;all&gt; &amp; welcome.\n"
              "Second line.\n\n"
              "2\n00:01:05.000 --> 00:01:06.000\nThanks --&gt;\n\n");
    t.turns.push_back({"B", "untimed", 0, "", ""});
    EXPECT_FALSE(has_times(t));
    EXPECT_EQ(webvtt(t), "");
}
