// Found turns with the query's words marked, in every script, and cut around the first
// mark when long.
#include "core/transcripts/search_highlight.hpp"

#include <gtest/gtest.h>

using namespace convene::transcripts;

namespace {

// The excerpt with marks as [brackets].
std::string shown(std::string_view text, std::string_view typed, std::size_t words = 60) {
    auto e = highlighted(text, read_search_query(typed).query, words);
    std::string out = e.cut_before ? "…" : "";
    for (const auto& p : e.pieces) out += p.marked ? "[" + p.text + "]" : p.text;
    return out + (e.cut_after ? "…" : "");
}

}  // namespace

TEST(TranscriptSearchHighlight, MarksWordsAsTheIndexFindsThem) {
    EXPECT_EQ(shown("L'\xC3\x89"
                    "cole est ferm\xC3\xA9"
                    "e.",
                    "ecole FERMEE"),
              "L'[\xC3\x89"
              "cole] est [ferm\xC3\xA9"
              "e].");
    EXPECT_EQ(shown("Open forum, open FORUM.", "forum"), "Open [forum], open [FORUM].");
    // A phrase is marked where its words stand together, with what lies between them.
    EXPECT_EQ(shown("open the forum; open, forum", "\"open forum\""),
              "open the forum; [open, forum]");
    EXPECT_EQ(shown("a b, a", "a OR b"), "[a b], [a]");
    EXPECT_EQ(shown("The Dynamic  Coalition met", "coalition dynamic"),
              "The [Dynamic  Coalition] met");
    // Left-out words are not marked; "<b>" is text, for the template to escape.
    EXPECT_EQ(shown("<b>forum</b> Paris", "forum -london"), "<b>[forum]</b> Paris");
    // Chinese characters found as a phrase are one mark.
    EXPECT_EQ(shown("\xE6\x88\x91\xE4\xBB\xAC\xE7\x9A\x84\xE4\xBA\x92\xE8\x81\x94\xE7\xBD\x91"
                    "\xE6\xB2\xBB\xE7\x90\x86",
                    "\xE4\xBA\x92\xE8\x81\x94\xE7\xBD\x91"),
              "\xE6\x88\x91\xE4\xBB\xAC\xE7\x9A\x84[\xE4\xBA\x92\xE8\x81\x94\xE7\xBD\x91]"
              "\xE6\xB2\xBB\xE7\x90\x86");
    // Russian: "ёлка" typed finds "Елка".
    EXPECT_EQ(shown("\xD0\x95\xD0\xBB\xD0\xBA\xD0\xB0!", "\xD1\x91\xD0\xBB\xD0\xBA\xD0\xB0"),
              "[\xD0\x95\xD0\xBB\xD0\xBA\xD0\xB0]!");
}

TEST(TranscriptSearchHighlight, LongTurnsAreCutAroundTheFirstMark) {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "w" + std::to_string(i) + " ";
    text += "needle";
    for (int i = 200; i < 400; ++i) text += " w" + std::to_string(i);
    auto e = highlighted(text, read_search_query("needle").query, 20);
    EXPECT_TRUE(e.cut_before);
    EXPECT_TRUE(e.cut_after);
    EXPECT_EQ(e.marks, 1u);
    std::string joined;
    for (const auto& p : e.pieces) joined += p.marked ? "[" + p.text + "]" : p.text;
    EXPECT_EQ(joined.substr(0, 5), "w195 ");
    EXPECT_NE(joined.find("[needle]"), std::string::npos);
    // A short turn is whole; with no mark, a long one starts at the beginning.
    EXPECT_EQ(shown("short turn", "absent"), "short turn");
    auto none = highlighted(text, read_search_query("absent").query, 20);
    EXPECT_FALSE(none.cut_before);
    EXPECT_TRUE(none.cut_after);
    // The end of a long turn: the excerpt still holds as many words.
    auto last = highlighted(text, read_search_query("w399").query, 20);
    EXPECT_FALSE(last.cut_after);
    EXPECT_TRUE(last.cut_before);
}

TEST(TranscriptSearchHighlight, AVeryLongTurnIsReadOnlyAsFarAsItsExcerpt) {
    // 12,000 words, the mark and a phrase far in: the same excerpt as a turn cut after them.
    std::string head;
    for (int i = 0; i < 3000; ++i) head += "w" + std::to_string(i) + " ";
    head += "the open forum";
    std::string tail;
    for (int i = 3003; i < 12000; ++i) tail += " w" + std::to_string(i);
    auto far = shown(head + tail, "\"open forum\"", 20);
    EXPECT_EQ(far.substr(0, 8), "…w2996");
    EXPECT_NE(far.find("[open forum] w3003"), std::string::npos);
    EXPECT_EQ(far.substr(far.size() - 3), "…");
    EXPECT_EQ(far, shown(head + tail.substr(0, 200), "\"open forum\"", 20));
    // A phrase that starts in the last word shown is marked as far as it is shown, read in
    // part or whole alike.
    std::string edge;
    for (int i = 0; i < 19; ++i) edge += "w" + std::to_string(i) + " ";
    edge += "open forum";
    std::string more;
    for (int i = 0; i < 500; ++i) more += " x";
    auto part = shown(edge + more, "\"open forum\" w0", 20);
    EXPECT_EQ(part, shown(edge + more.substr(0, 20), "\"open forum\" w0", 20));
    EXPECT_NE(part.find("w18 [open]…"), std::string::npos);
    // Read on in steps through other scripts (one word per Chinese character, accents,
    // a fraction normalised into two words): the same excerpt as reading the turn whole.
    std::string mixed;
    for (int i = 0; i < 400; ++i)
        mixed += i % 3 == 0   ? "\xE4\xB8\xAD\xE6\x96\x87 "
                 : i % 3 == 1 ? "\xC3\xA9"
                                "cole "
                              : "\xC2\xBD ";
    mixed += "needle";
    std::string after;
    for (int i = 0; i < 300; ++i) after += " \xE5\x9B\xBD";
    EXPECT_EQ(shown(mixed + after, "needle", 20), shown(mixed + after.substr(0, 60), "needle", 20));
    EXPECT_NE(shown(mixed + after, "needle", 20).find("[needle]"), std::string::npos);
    // A fraction read as two words, "1" and "2", where a read stops after the first.
    std::string fraction;
    for (int i = 0; i < 29; ++i) fraction += "a ";
    fraction += "\xC2\xBD";
    for (int i = 0; i < 100; ++i) fraction += " b";
    auto marked = highlighted(fraction, read_search_query("2").query, 20);
    EXPECT_EQ(marked.marks, 1u);
}
