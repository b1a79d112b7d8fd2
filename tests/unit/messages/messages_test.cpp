// The rules of the messages of the year: a draft's checks (every problem named), the
// paragraphs comments address, citations typed one a line, the comment period, comments
// and their handling.
#include "core/messages/messages.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace convene::messages {
namespace {

bool names(const FieldErrors& errors, const std::string& field) {
    return std::any_of(errors.begin(), errors.end(),
                       [&](const FieldError& e) { return e.field == field; });
}

Draft converging() {
    Draft d;
    d.title = "Connectivity first";
    d.body = "Sessions agreed that meaningful connectivity comes first.";
    d.stance = "converging";
    d.citations = {{SessionId{1}, ""}, {SessionId{2}, "Connect the next billion."}};
    return d;
}

TEST(MessagesDraft, AConvergingMessageCitingSessionsPasses) {
    EXPECT_TRUE(check_draft(converging()).empty());
}

TEST(MessagesDraft, EveryProblemIsNamed) {
    Draft d;
    d.title = std::string(max_title + 1, 'x');
    d.stance = "neutral";
    auto errors = check_draft(d);
    EXPECT_TRUE(names(errors, "title"));
    EXPECT_TRUE(names(errors, "body"));
    EXPECT_TRUE(names(errors, "stance"));
    EXPECT_TRUE(names(errors, "citations"));
}

TEST(MessagesDraft, LimitsCountCharactersNotBytes) {
    auto d = converging();
    d.title.clear();
    for (std::size_t i = 0; i < max_title; ++i) d.title += "é";
    EXPECT_TRUE(check_draft(d).empty());
    d.title += "é";
    EXPECT_TRUE(names(check_draft(d), "title"));
    d = converging();
    d.body = std::string(max_body + 1, 'a');
    EXPECT_TRUE(names(check_draft(d), "body"));
    d = converging();
    d.citations[1].quote = std::string(max_quote + 1, 'q');
    EXPECT_TRUE(names(check_draft(d), "citations[1].quote"));
}

TEST(MessagesDraft, ASessionIsCitedOnce) {
    auto d = converging();
    d.citations.push_back({SessionId{1}, "again"});
    EXPECT_TRUE(names(check_draft(d), "citations"));
}

TEST(MessagesDraft, ADivergingMessageHoldsTwoPositionsWithTheirGroups) {
    auto d = converging();
    d.stance = "diverging";
    EXPECT_TRUE(names(check_draft(d), "positions"));
    d.positions = {{"Regulate platforms.", {"government", "civil_society"}},
                   {"Self-regulation works.", {"private_sector"}}};
    EXPECT_TRUE(check_draft(d).empty());
    d.positions[1].groups = {};
    EXPECT_TRUE(names(check_draft(d), "positions[1].groups"));
    d.positions[1].groups = {"aliens"};
    EXPECT_TRUE(names(check_draft(d), "positions[1].groups"));
    d.positions[1] = {"", {"youth"}};
    EXPECT_TRUE(names(check_draft(d), "positions[1].text"));
}

TEST(MessagesDraft, AConvergingMessageHoldsNoPositions) {
    auto d = converging();
    d.positions = {{"A view", {"youth"}}};
    EXPECT_TRUE(names(check_draft(d), "positions"));
}

TEST(MessagesParagraphs, BlankLinesSeparateAndFencesStayWhole) {
    auto ps = paragraphs(
        "First line\nstill first.\n\n\n  \nSecond.\r\n\r\n```\ncode\n\nmore code\n```\n\n- a\n- "
        "b\n");
    ASSERT_EQ(ps.size(), 4u);
    EXPECT_EQ(ps[0], "First line\nstill first.");
    EXPECT_EQ(ps[1], "Second.");
    EXPECT_EQ(ps[2], "```\ncode\n\nmore code\n```");
    EXPECT_EQ(ps[3], "- a\n- b");
    EXPECT_TRUE(paragraphs("").empty());
    EXPECT_TRUE(paragraphs("\n\n \n").empty());
    EXPECT_EQ(paragraphs("one").size(), 1u);
}

TEST(MessagesCitations, TypedOneALineWithAnOptionalQuote) {
    auto cs = typed_citations("WS12\n\n  OF3 | Connectivity is a precondition. \nDC1|\n");
    ASSERT_EQ(cs.size(), 3u);
    EXPECT_EQ(cs[0].code, "WS12");
    EXPECT_EQ(cs[0].quote, "");
    EXPECT_EQ(cs[1].code, "OF3");
    EXPECT_EQ(cs[1].quote, "Connectivity is a precondition.");
    EXPECT_EQ(cs[2].code, "DC1");
    EXPECT_EQ(typed_citations(citations_text(cs)).size(), 3u);
    EXPECT_EQ(citations_text({{"WS1", "q"}}), "WS1 | q\n");
}

TEST(MessagesPeriod, StatesByTheServersClock) {
    Period p{"2027-07-01T09:00:00Z", "2027-07-15T09:00:00Z"};
    EXPECT_EQ(period_state({}, "2027-07-02T00:00:00Z"), PeriodState::not_set);
    EXPECT_EQ(period_state(p, "2027-07-01T08:59:59Z"), PeriodState::not_yet_open);
    EXPECT_EQ(period_state(p, "2027-07-01T09:00:00Z"), PeriodState::open);
    EXPECT_EQ(period_state(p, "2027-07-15T08:59:59Z"), PeriodState::open);
    EXPECT_EQ(period_state(p, "2027-07-15T09:00:00Z"), PeriodState::closed);
}

TEST(MessagesPeriod, TypedTimesAreReadAsUtcAndMustBeInOrder) {
    Period stored;
    EXPECT_TRUE(check_period({"2027-07-01 09:00", "2027-07-15T09:00:00Z"}, stored).empty());
    EXPECT_EQ(stored.opens_at, "2027-07-01T09:00:00Z");
    EXPECT_EQ(stored.closes_at, "2027-07-15T09:00:00Z");
    Period untouched{"a", "b"};
    auto errors = check_period({"2027-07-15 09:00", "2027-07-01 09:00"}, untouched);
    EXPECT_TRUE(names(errors, "closes_at"));
    EXPECT_EQ(untouched.opens_at, "a");
    errors = check_period({"soon", ""}, untouched);
    EXPECT_TRUE(names(errors, "opens_at"));
    EXPECT_TRUE(names(errors, "closes_at"));
}

TEST(MessagesComments, SignedWithNameGroupAndRegionOnAParagraph) {
    Comment c{2, "Ana", "civil_society", "grulac", "<script>alert(1)</script> http://x.test"};
    EXPECT_TRUE(check_comment(c, 2).empty());
    EXPECT_TRUE(names(check_comment(c, 1), "paragraph"));
    c.paragraph = 0;
    EXPECT_TRUE(names(check_comment(c, 3), "paragraph"));
    Comment bad{1, "", "martians", "atlantis", std::string(max_comment + 1, 'x')};
    auto errors = check_comment(bad, 1);
    for (const char* f : {"name", "stakeholder_group", "region", "body"})
        EXPECT_TRUE(names(errors, f)) << f;
}

TEST(MessagesComments, HandlingAndHidingReasons) {
    EXPECT_TRUE(check_handling("accepted", "").empty());
    EXPECT_TRUE(check_handling("partly", "Merged into paragraph 2.").empty());
    EXPECT_TRUE(check_handling("not_accepted", "").empty());
    EXPECT_TRUE(names(check_handling("ignored", ""), "handling"));
    EXPECT_TRUE(names(check_handling("accepted", std::string(max_note + 1, 'n')), "note"));
    EXPECT_TRUE(names(check_hide_reason(""), "reason"));
    EXPECT_TRUE(check_hide_reason("Insults").empty());
}

}  // namespace
}  // namespace convene::messages
