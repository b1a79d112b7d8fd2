#include "core/common/text.hpp"

#include <gtest/gtest.h>

using namespace convene;

TEST(Text, AcceptsValidUtf8InManyScripts) {
    EXPECT_TRUE(is_valid_utf8("Forum sur la gouvernance de l'Internet"));
    EXPECT_TRUE(is_valid_utf8("Форум по управлению Интернетом"));
    EXPECT_TRUE(is_valid_utf8("منتدى حوكمة الإنترنت"));
    EXPECT_TRUE(is_valid_utf8("互联网治理论坛 🌍"));
}

TEST(Text, RejectsMalformedUtf8) {
    EXPECT_FALSE(is_valid_utf8("\xff"));
    EXPECT_FALSE(is_valid_utf8("\xc3"));              // truncated
    EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
    EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
}

TEST(Text, LimitsCountCharactersNotBytes) {
    TextRule rule{"title", "Title", true, 5};
    EXPECT_FALSE(check_text(rule, "Фор").has_value());
    auto e = check_text(rule, "Форумы");
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->field, "title");
    EXPECT_EQ(e->message, "Title is 6 characters long; the limit is 5.");
}

TEST(Text, NamesTheFieldForEachKindOfBadInput) {
    TextRule rule{"name", "Name", true, 100};
    EXPECT_EQ(check_text(rule, "  ")->message, "Name is required.");
    EXPECT_EQ(check_text(rule, "a\x01")->message, "Name contains control characters.");
    EXPECT_EQ(check_text(rule, "line\nbreak")->message, "Name contains control characters.");
    EXPECT_EQ(check_text(rule, "\xff")->message, "Name is not valid UTF-8 text.");
    TextRule multiline{"description", "Description", false, 0, true};
    EXPECT_FALSE(check_text(multiline, "two\nlines\ttabbed").has_value());
}

TEST(Text, ScriptAndSqlAreOrdinaryText) {
    TextRule rule{"name", "Name", true, 200};
    EXPECT_FALSE(check_text(rule, "<script>alert(1)</script>").has_value());
    EXPECT_FALSE(check_text(rule, "Robert'); DROP TABLE editions;--").has_value());
}

TEST(Text, Dates) {
    EXPECT_TRUE(is_iso_date("2028-02-29"));
    EXPECT_FALSE(is_iso_date("2027-02-29"));
    EXPECT_FALSE(is_iso_date("2027-13-01"));
    EXPECT_FALSE(is_iso_date("15/06/2027"));
}

TEST(Text, TimeZoneNames) {
    EXPECT_TRUE(looks_like_time_zone("Europe/Paris"));
    EXPECT_TRUE(looks_like_time_zone("America/Argentina/Buenos_Aires"));
    EXPECT_TRUE(looks_like_time_zone("UTC"));
    EXPECT_FALSE(looks_like_time_zone("Paris"));
    EXPECT_FALSE(looks_like_time_zone("Europe//Paris"));
    EXPECT_FALSE(looks_like_time_zone("<b>"));
}

// One precision for every measure on pages and in mails: "5.00" beside "4.78", never "5.0".
TEST(Text, MeasuresHaveTwoDecimals) {
    EXPECT_EQ(decimal_text(5.0), "5.00");
    EXPECT_EQ(decimal_text(4.778), "4.78");
    EXPECT_EQ(decimal_text(0.4), "0.40");
    EXPECT_EQ(decimal_text(-1.005), "-1.00");
}

// What someone typed, echoed in a message: cut on a character boundary, never mid-character.
TEST(Text, ShortenedCutsOnCharacterBoundaries) {
    EXPECT_EQ(shortened("Asia/Tokyo", 60), "Asia/Tokyo");
    EXPECT_EQ(shortened("abcdef", 3), "abc\u2026");
    EXPECT_EQ(shortened("\u00e9\u00e9\u00e9", 3), "\u00e9\u2026") << "é is two bytes";
    EXPECT_TRUE(is_valid_utf8(shortened("\U0001F30D\U0001F30D", 5)));
    EXPECT_EQ(shortened("\U0001F30D", 2), "\u2026");
}
