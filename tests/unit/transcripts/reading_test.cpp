// Reading transcript files: turns, speakers, directions, the header, and bad input.
#include "core/transcripts/reading.hpp"

#include <gtest/gtest.h>

#include <chrono>

using namespace convene::transcripts;

namespace {

Transcript read(std::string_view text) {
    auto r = read_transcript(text);
    EXPECT_EQ(r.refusal, "") << text.substr(0, 200);
    return r.transcript;
}

std::string speaker(const Turn& t) {
    return t.speaker.value_or("(none)");
}

}  // namespace

TEST(TranscriptReading, OneTurnPerMarkerWithOrWithoutASpace) {
    auto t = read(">> ANA SILVA: Good morning.\n>>BOB JONES:Hello.\n>> Thank you.\n>>\n");
    ASSERT_EQ(t.turns.size(), 4u);
    EXPECT_EQ(speaker(t.turns[0]), "ANA SILVA");
    EXPECT_EQ(t.turns[0].text, "Good morning.");
    EXPECT_EQ(speaker(t.turns[1]), "BOB JONES");
    EXPECT_EQ(t.turns[1].text, "Hello.");
    EXPECT_FALSE(t.turns[2].speaker);
    EXPECT_EQ(t.turns[2].text, "Thank you.");
    EXPECT_FALSE(t.turns[3].speaker);
    EXPECT_EQ(t.turns[3].text, "");
    EXPECT_EQ(t.turns[1].line, 2);
}

TEST(TranscriptReading, LabelsWithMixedCaseTyposAndRoles) {
    auto t = read(
        ">>CHAIR DE LA CRUZ: One.\n>> MODERATOR: Two.\n>>REMOTE INTERVENSION: Three.\n"
        ">>PAT McGUINNESS: Four.\n>>KIM sm LEE: Five.\n>> O'NEIL-SMITH: Six.\n"
        ">> Thank you, Mr. Chair: seven.\n>> Yes: eight.\n>> Q: nine.\n");
    std::vector<std::string> expected = {"CHAIR DE LA CRUZ", "MODERATOR",  "REMOTE INTERVENSION",
                                         "PAT McGUINNESS",   "KIM sm LEE", "O'NEIL-SMITH",
                                         "(none)",           "(none)",     "(none)"};
    ASSERT_EQ(t.turns.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(speaker(t.turns[i]), expected[i]);
    EXPECT_EQ(t.turns[6].text, "Thank you, Mr. Chair: seven.");
}

TEST(TranscriptReading, SpacesAreNormalisedAndLinesAreParagraphs) {
    auto t = read(
        "\xC2\xA0 \xC2\xA0>>\xC2\xA0JANE   DOE:\xC2\xA0\xC2\xA0 Co\xE2\x80\x91organised   by us.\n"
        "\tSecond\xC2\xA0 line.  \n\n\xC2\xA0\nThird.\n");
    ASSERT_EQ(t.turns.size(), 1u);
    EXPECT_EQ(speaker(t.turns[0]), "JANE DOE");
    EXPECT_EQ(t.turns[0].text, "Co-organised by us.\nSecond line.\nThird.");
}

TEST(TranscriptReading, CrlfAndLoneCrLineEnds) {
    auto t = read(">> A B: one\r\ntwo\r\n>> C D: three\rfour\r");
    ASSERT_EQ(t.turns.size(), 2u);
    EXPECT_EQ(t.turns[0].text, "one\ntwo");
    EXPECT_EQ(t.turns[1].text, "three\nfour");
    EXPECT_EQ(t.turns[1].line, 3);
}

TEST(TranscriptReading, DirectionsAloneAndInsideTurns) {
    auto t = read(
        "[ Gavel ]\n>> CHAIR: Welcome. (Audio difficulties) We start.\n (standing by).\n"
        "Next point [inaudible] here.\n>> (overlapping speakers).\n>> ANA: The IGF (MAG) "
        "met (0) times.\n");
    ASSERT_EQ(t.turns.size(), 3u);
    EXPECT_EQ(t.turns[0].text,
              "Welcome. (Audio difficulties) We start.\nNext point [inaudible] here.");
    EXPECT_EQ(t.turns[1].text, "");
    EXPECT_EQ(t.turns[2].text, "The IGF (MAG) met (0) times.");
    ASSERT_EQ(t.directions.size(), 5u);
    EXPECT_FALSE(t.directions[0].turn);
    EXPECT_EQ(t.directions[0].text, "[ Gavel ]");
    EXPECT_EQ(t.directions[1].text, "(Audio difficulties)");
    EXPECT_TRUE(t.directions[1].within_text);
    EXPECT_EQ(t.directions[2].text, "(standing by)");
    EXPECT_FALSE(t.directions[2].within_text);
    EXPECT_EQ(t.directions[2].paragraph, 1u);
    EXPECT_EQ(t.directions[3].text, "[inaudible]");
    EXPECT_EQ(t.directions[3].paragraph, 1u);
    EXPECT_EQ(t.directions[4].turn, 1u);
    EXPECT_EQ(t.directions[4].text, "(overlapping speakers)");
}

TEST(TranscriptReading, TheHeaderNamesEventDayRoomTitleAndDisclaimer) {
    auto t = read(
        "IGF 2031 - Day 2 - Salle IV - Open Forum on Rivers\n\nThe following are the outputs "
        "of the real-time captioning taken during the meeting. Although it is largely "
        "accurate, it may be incomplete.\n\n***\n\n>> MODERATOR: Hello.\n");
    EXPECT_EQ(t.header.event, "IGF 2031");
    EXPECT_EQ(t.header.day, "Day 2");
    EXPECT_EQ(t.header.room, "Salle IV");
    EXPECT_EQ(t.header.title, "Open Forum on Rivers");
    EXPECT_EQ(t.header.disclaimer.rfind("The following are the outputs", 0), 0u);
    EXPECT_TRUE(t.unread.empty());

    auto plain = read("2031 IGF - MAG - Virtual Meeting - III\n\n>> A B: x\n");
    EXPECT_EQ(plain.header.event, "2031 IGF");
    EXPECT_EQ(plain.header.title, "2031 IGF - MAG - Virtual Meeting - III");
    EXPECT_EQ(plain.header.day, "");

    auto page = read(
        "You are here\n\nMAG Meeting 3 June\n\nAdvisory Group Meeting\nWednesday, 3 June "
        "2031\n\nThe following is the output of the real-time captioning. Although it is "
        "largely accurate, ...\n\n>>A B: x\n");
    EXPECT_EQ(page.header.title, "MAG Meeting 3 June");
    EXPECT_EQ(page.header.date, "2031-06-03");
    ASSERT_EQ(page.unread.size(), 2u);
    EXPECT_EQ(page.unread[0].text, "You are here");
    EXPECT_EQ(page.unread[1].text, "Advisory Group Meeting");
    EXPECT_EQ(page.unread[1].reason, "header");
}

TEST(TranscriptReading, AFooterAfterTheLastTurnIsLeftUnread) {
    auto t = read(
        ">> A B: Our meeting is closed.\n[ Applause ]\n\nContact Information\n\nForum "
        "Secretariat\nRue Example 1\n\nforum [at] example [dot] org\n+41 (0) 00 000 00 00");
    ASSERT_EQ(t.turns.size(), 1u);
    EXPECT_EQ(t.turns[0].text, "Our meeting is closed.");
    ASSERT_EQ(t.directions.size(), 1u);
    EXPECT_EQ(t.directions[0].text, "[ Applause ]");
    ASSERT_EQ(t.unread.size(), 5u);
    EXPECT_EQ(t.unread[0].text, "Contact Information");
    EXPECT_EQ(t.unread[0].reason, "after_last_turn");

    // Short lines at the end of speech, with no footer's marks, stay speech.
    auto speech = read(">> A B: Right.\n\nSo with that\n\nlet us go on\n");
    EXPECT_EQ(speech.turns[0].text, "Right.\nSo with that\nlet us go on");
}

TEST(TranscriptReading, InvalidUtf8IsKeptAndNamed) {
    auto t = read(">> JOS\xC9 P\xC9REZ: Caf\xE9 au lait.\n>> A B: \xFF\xFE ok\n");
    ASSERT_EQ(t.turns.size(), 2u);
    EXPECT_EQ(speaker(t.turns[0]), "JOS\xC3\x89 P\xC3\x89REZ");
    EXPECT_EQ(t.turns[0].text, "Caf\xC3\xA9 au lait.");
    ASSERT_EQ(t.bad_bytes.size(), 4u);
    EXPECT_EQ(t.bad_bytes[0].bytes, "C9");
    EXPECT_EQ(t.bad_bytes[0].read_as, "\xC3\x89");
    EXPECT_EQ(t.bad_bytes[0].line, 1);
    EXPECT_EQ(t.bad_bytes[0].offset, 6u);
    EXPECT_EQ(t.bad_bytes[3].bytes, "FF FE");
    EXPECT_EQ(t.bad_bytes[3].line, 2);
    EXPECT_EQ(t.bad_bytes_total, 4u);
}

TEST(TranscriptReading, Utf16WithItsByteOrderMark) {
    std::string le = "\xFF\xFE";
    for (unsigned char c : std::string(">> A B: ")) le += std::string{static_cast<char>(c), '\0'};
    le += std::string("\xE9\0t\0\xE9\0\n\0", 8);  // "été"
    auto t = read(le);
    EXPECT_EQ(t.encoding, "utf-16le");
    ASSERT_EQ(t.turns.size(), 1u);
    EXPECT_EQ(t.turns[0].text, "\xC3\xA9t\xC3\xA9");
}

TEST(TranscriptReading, BadFilesAreRefusedClearly) {
    EXPECT_EQ(read_transcript("").refusal, "transcripts.refused.empty");
    EXPECT_EQ(read_transcript(" \n\xC2\xA0\r\n\t").refusal, "transcripts.refused.empty");
    auto pdf = read_transcript("%PDF-1.7\n...");
    EXPECT_EQ(pdf.refusal, "transcripts.refused.binary");
    EXPECT_NE(refusal_message(pdf).find("PDF"), std::string::npos);
    std::string noise;
    for (int i = 0; i < 4096; ++i) noise += static_cast<char>((i * 7919) % 256);
    EXPECT_EQ(read_transcript(noise).refusal, "transcripts.refused.binary");
    auto none = read_transcript("IGF 2031 - Day 1 - Room 2 - A session\n\nJust text.\n");
    EXPECT_EQ(none.refusal, "transcripts.refused.no_turns");
    EXPECT_EQ(none.transcript.header.room, "Room 2");
    EXPECT_NE(refusal_message(none).find(">>"), std::string::npos);
}

TEST(TranscriptReading, ControlCharactersAndTrailingNulsAreDroppedAndNamed) {
    auto t = read(">> A B: one\x07 two\n" + std::string(3, '\0'));
    EXPECT_EQ(t.turns[0].text, "one two");
    ASSERT_EQ(t.bad_bytes.size(), 2u);
    EXPECT_EQ(t.bad_bytes[0].bytes, "07");
    EXPECT_EQ(t.bad_bytes[0].read_as, "");
    EXPECT_EQ(t.bad_bytes[1].bytes, "00 00 00");
}

TEST(TranscriptReading, LargeFilesAreReadInLinearTimeOrRefused) {
    // 50 MB: refused at once, with the sizes in words.
    std::string huge(50'000'000, 'a');
    auto start = std::chrono::steady_clock::now();
    auto r = read_transcript(huge);
    EXPECT_EQ(r.refusal, "transcripts.refused.too_large");
    EXPECT_EQ(refusal_message(r), "The file is 50.0 MB; a transcript may be at most 16.0 MB.");
    // 15 MB of turns, and one 5 MB line: read within seconds.
    std::string big;
    while (big.size() < 15'000'000) big += ">> ANA SILVA: Words and more words (pause) here.\n";
    big += ">> B C: " + std::string(5'000'000, 'x');
    big.resize(std::min(big.size(), max_transcript_bytes));
    auto t = read_transcript(big);
    EXPECT_EQ(t.refusal, "transcripts.refused.too_many_turns");
    EXPECT_TRUE(t.transcript.turns.empty());
    std::string notes = ">> A B: x\n";
    for (std::size_t i = 0; i <= max_directions; ++i) notes += "(pause)\n";
    auto n = read_transcript(notes);
    EXPECT_EQ(n.refusal, "transcripts.refused.too_many_directions");
    EXPECT_TRUE(n.transcript.directions.empty());
    std::string fewer;
    for (int i = 0; i < 15000; ++i) fewer += ">> ANA SILVA: Words (pause) here.\n";
    fewer += ">> B C: " + std::string(10'000'000, 'x') + "\n";
    auto f = read_transcript(fewer);
    EXPECT_EQ(f.refusal, "");
    EXPECT_EQ(f.transcript.turns.size(), 15001u);
    EXPECT_EQ(f.transcript.turns.back().text.size(), 10'000'000u);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

TEST(TranscriptReading, UnreadLinesAreListedUpToALimitAndCounted) {
    std::string text;
    for (int i = 0; i < 500; ++i) text += "Header line " + std::to_string(i) + "\n";
    text += ">> A B: x\n";
    auto t = read(text);
    EXPECT_EQ(t.unread.size(), max_listed_problems);
    EXPECT_EQ(t.unread_total, 499u);  // the first is the title line
}

TEST(TranscriptReading, CountsWordsPerSpeaker) {
    auto t = read(
        ">> A B: one two three\n>> C D: four\n>> A B: five six\n>> \xE4\xBD\xA0\xE5\xA5\xBD\n");
    auto counts = speaker_counts(t);
    ASSERT_EQ(counts.size(), 2u);
    EXPECT_EQ(counts[0].label, "A B");
    EXPECT_EQ(counts[0].turns, 2u);
    EXPECT_EQ(counts[0].words, 5u);
    EXPECT_EQ(count_words("\xE4\xBD\xA0\xE5\xA5\xBD"), 2u);
    EXPECT_EQ(count_words("l'\xC3\xA9t\xC3\xA9 co-organised, 2019!"), 3u);
    auto j = to_json(t);
    EXPECT_EQ(j["turns"][0]["speaker"], "A B");
    EXPECT_TRUE(j["turns"][3]["speaker"].is_null());
    EXPECT_TRUE(j["title"].is_null());
}
