// The words search finds, script by script: the index keeps a turn's words normalised
// and a query goes through the same steps, so "ecole" finds "École" and the reverse.
#include "core/transcripts/search_text.hpp"

#include <gtest/gtest.h>

using namespace convene::transcripts;

TEST(TranscriptSearchText, LatinLettersLoseCaseAndAccents) {
    EXPECT_EQ(search_text("Hello, World!"), "hello world");
    EXPECT_EQ(search_text("L'\xC3\x89"
                          "cole d\xC3\xA9j\xC3\xA0 ferm\xC3\xA9"
                          "e"),  // L'École déjà fermée
              "l ecole deja fermee");
    // The same word typed decomposed (e + U+0301) reads the same.
    EXPECT_EQ(search_text("e\xCC\x81"
                          "cole"),
              "ecole");
    EXPECT_EQ(search_text("Stra\xC3\x9F"
                          "e"),
              "strasse");  // Straße
    EXPECT_EQ(search_text("NA\xC3\x8FVE co\xE2\x80\x91operation"), "naive co operation");
    EXPECT_EQ(search_text("Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t"), "tieng viet");  // Tiếng Việt
}

TEST(TranscriptSearchText, RussianCaseAndYo) {
    // "ЁЛКА Ёлка ёлка елка" -> "елка" four times; "й" stays apart from "и".
    EXPECT_EQ(search_text("\xD0\x81\xD0\x9B\xD0\x9A\xD0\x90 \xD0\x81\xD0\xBB\xD0\xBA\xD0\xB0 "
                          "\xD1\x91\xD0\xBB\xD0\xBA\xD0\xB0 \xD0\xB5\xD0\xBB\xD0\xBA\xD0\xB0"),
              "\xD0\xB5\xD0\xBB\xD0\xBA\xD0\xB0 \xD0\xB5\xD0\xBB\xD0\xBA\xD0\xB0 "
              "\xD0\xB5\xD0\xBB\xD0\xBA\xD0\xB0 \xD0\xB5\xD0\xBB\xD0\xBA\xD0\xB0");
    EXPECT_EQ(search_text("\xD0\x9C\xD0\x9E\xD0\x99"), "\xD0\xBC\xD0\xBE\xD0\xB9");  // МОЙ -> мой
    EXPECT_NE(search_text("\xD0\xBC\xD0\xBE\xD0\xB9"), search_text("\xD0\xBC\xD0\xBE\xD0\xB8"));
}

TEST(TranscriptSearchText, ArabicWithAndWithoutHarakat) {
    // "الإنترنت" and "الْإِنْتَرْنِتْ" (with sukun and kasra) and "الانترنت" are one word;
    // a tatweel only stretches it.
    auto plain = search_text("\xD8\xA7\xD9\x84\xD8\xA5\xD9\x86\xD8\xAA\xD8\xB1\xD9\x86\xD8\xAA");
    EXPECT_EQ(plain, "\xD8\xA7\xD9\x84\xD8\xA7\xD9\x86\xD8\xAA\xD8\xB1\xD9\x86\xD8\xAA");
    EXPECT_EQ(search_text("\xD8\xA7\xD9\x84\xD9\x92\xD8\xA5\xD9\x90\xD9\x86\xD9\x92\xD8\xAA\xD9"
                          "\x8E\xD8\xB1\xD9\x92\xD9\x86\xD9\x90\xD8\xAA\xD9\x92"),
              plain);
    EXPECT_EQ(
        search_text("\xD8\xA7\xD9\x84\xD8\xA7\xD9\x86\xD9\x80\xD8\xAA\xD8\xB1\xD9\x86\xD8\xAA"),
        plain);
    // Arabic-Indic digits are digits: "٢٠١٨" is "2018".
    EXPECT_EQ(search_text("\xD9\xA2\xD9\xA0\xD9\xA1\xD9\xA8"), "2018");
}

TEST(TranscriptSearchText, ScriptsWithoutSpacesGiveOneWordPerCharacter) {
    // 互联网治理论坛 (the IGF in Chinese), glued to Latin letters and digits.
    EXPECT_EQ(search_text("IGF2018\xE4\xBA\x92\xE8\x81\x94\xE7\xBD\x91\xE6\xB2\xBB\xE7\x90\x86"),
              "igf2018 \xE4\xBA\x92 \xE8\x81\x94 \xE7\xBD\x91 \xE6\xB2\xBB \xE7\x90\x86");
    // Japanese: the voicing mark stays (が is not か); half-width katakana read as full width.
    EXPECT_EQ(search_text("\xE3\x81\x8C"), "\xE3\x81\x8C");
    EXPECT_EQ(search_text("\xEF\xBD\xB6\xEF\xBE\x9E"), "\xE3\x82\xAC");  // ｶﾞ -> ガ
    // Korean syllables, one word each.
    EXPECT_EQ(search_text("\xED\x95\x9C\xEA\xB5\xAD"), "\xED\x95\x9C \xEA\xB5\xAD");  // 한국
    // Chinese punctuation parts words like any other.
    EXPECT_EQ(search_text("\xE4\xBD\xA0\xE5\xA5\xBD\xEF\xBC\x8C\xE4\xB8\x96"),
              "\xE4\xBD\xA0 \xE5\xA5\xBD \xE4\xB8\x96");  // 你好，世
}

TEST(TranscriptSearchText, PunctuationAndSpacesPartWords) {
    EXPECT_EQ(search_text("  (standing by)  [ Gavel ] "), "standing by gavel");
    EXPECT_EQ(search_text("e-mail: a@b.org, 1,000"), "e mail a b org 1 000");
    EXPECT_EQ(search_text("\"NEAR(a b)\" * ^ : -x"), "near a b x");
    EXPECT_EQ(search_text("co\xC2\xAD"
                          "operation"),
              "cooperation");                                               // a soft hyphen joins
    EXPECT_EQ(search_text("\xEF\xBC\xA9\xEF\xBC\xA7\xEF\xBC\xA6"), "igf");  // ＩＧＦ
    EXPECT_EQ(search_text(""), "");
    EXPECT_EQ(search_text("..."), "");
}

TEST(TranscriptSearchText, WordsKnowWhereTheyWereWritten) {
    std::string text =
        "Bonjour, l'\xC3\x89"
        "cole!";
    auto words = search_words(text);
    ASSERT_EQ(words.size(), 3u);
    EXPECT_EQ(words[2].text, "ecole");
    EXPECT_EQ(text.substr(words[2].begin, words[2].end - words[2].begin),
              "\xC3\x89"
              "cole");
    EXPECT_EQ(text.substr(words[0].begin, words[0].end - words[0].begin), "Bonjour");
}

TEST(TranscriptSearchText, LimitsAndBadBytes) {
    std::string many;
    for (int i = 0; i < 20000; ++i) many += "word ";
    EXPECT_EQ(search_words(many).size(), max_search_words);
    EXPECT_EQ(search_text(std::string(500, 'a')).size(), max_search_word_bytes);
    // A long non-ASCII word is cut on a character boundary.
    std::string long_word;
    for (int i = 0; i < 100; ++i) long_word += "\xC3\xA9";
    auto cut = search_text(long_word);
    EXPECT_LE(cut.size(), max_search_word_bytes);
    EXPECT_EQ(cut, std::string(cut.size(), 'e'));
    // Bytes that are not UTF-8 part words.
    EXPECT_EQ(search_text("abc\xFF\xFE"
                          "def\xC3"),
              "abc def");
}
