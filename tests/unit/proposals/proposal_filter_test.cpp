// The lists' filter, read from query parameters: known values kept, unknown ones left
// out and named, ranges and page numbers checked, and the conditions the database cannot
// check (scores, "divided", decisions), the sort and the pages.
#include "core/proposals/proposal_filter.hpp"

#include <gtest/gtest.h>

using namespace convene;

namespace {

using Query = std::vector<std::pair<std::string, std::string>>;

FilterChoices choices() {
    return {{{"workshop", "Workshop"}, {"open_forum", "Open forum"}}, {{"7", "Data governance"}}};
}

ListedProposal listed(std::int64_t number, std::string title, std::optional<double> mean,
                      std::optional<double> sd, std::string decision = "") {
    ListedProposal p;
    p.proposal = number * 10;
    p.number = number;
    p.title = std::move(title);
    p.mean = mean;
    p.standard_deviation = sd;
    p.decision = std::move(decision);
    return p;
}

}  // namespace

TEST(ProposalFilter, KnownValuesAreKept) {
    auto f = parse_proposal_filter({{"q", "  Water  Rights "},
                                    {"type", "workshop"},
                                    {"theme", "7"},
                                    {"status", "submitted"},
                                    {"screening", "passed"},
                                    {"decision", "accepted"},
                                    {"divided", "1"},
                                    {"score_min", "2,5"},
                                    {"score_max", "4"},
                                    {"sort", "score"},
                                    {"order", "desc"},
                                    {"page", "3"}},
                                   choices());
    EXPECT_EQ(f.words, (std::vector<std::string>{"water", "rights"}));
    EXPECT_EQ(f.session_type, "workshop");
    EXPECT_EQ(f.theme, "7");
    EXPECT_EQ(f.status, "submitted");
    EXPECT_EQ(f.screening, "passed");
    EXPECT_EQ(f.decision, "accepted");
    EXPECT_TRUE(f.divided);
    EXPECT_DOUBLE_EQ(*f.score_min, 2.5) << "a comma is a decimal point too";
    EXPECT_DOUBLE_EQ(*f.score_max, 4);
    EXPECT_EQ(f.sort, "score");
    EXPECT_TRUE(f.descending);
    EXPECT_EQ(f.page, 3);
    EXPECT_TRUE(f.ignored.empty());
    EXPECT_TRUE(f.narrows());
}

TEST(ProposalFilter, UnknownValuesAreIgnoredAndNamed) {
    auto f = parse_proposal_filter({{"status", "bogus"},
                                    {"sort", "nope"},
                                    {"page", "abc"},
                                    {"type", "main_session"},
                                    {"theme", "8"},
                                    {"screening", "maybe"},
                                    {"decision", "perhaps"},
                                    {"order", "sideways"},
                                    {"divided", "very"},
                                    {"score_min", "high"},
                                    {"rank", "whatever"},
                                    {"queued", "3"}},
                                   choices());
    EXPECT_EQ(f.ignored,
              (std::vector<std::string>{"status", "sort", "page", "type", "theme", "screening",
                                        "decision", "order", "divided", "score_min"}))
        << "the page's own parameters (rank, queued) are not the filter's to judge";
    EXPECT_FALSE(f.narrows());
    EXPECT_EQ(f.page, 1);
    EXPECT_EQ(f.sort, "");
}

TEST(ProposalFilter, EmptyValuesMeanAnyAndARepeatedParameterCountsOnce) {
    auto f = parse_proposal_filter(
        {{"status", ""}, {"q", "   "}, {"type", "open_forum"}, {"type", "bogus"}}, choices());
    EXPECT_TRUE(f.ignored.empty());
    EXPECT_EQ(f.status, "");
    EXPECT_TRUE(f.words.empty());
    EXPECT_EQ(f.session_type, "open_forum");
}

TEST(ProposalFilter, ScoreRangesHoldBetweenZeroAndFiveAndLowBeforeHigh) {
    EXPECT_EQ(parse_proposal_filter({{"score_min", "6"}}, choices()).ignored,
              std::vector<std::string>{"score_min"});
    EXPECT_EQ(parse_proposal_filter({{"score_max", "-1"}}, choices()).ignored,
              std::vector<std::string>{"score_max"});
    EXPECT_EQ(parse_proposal_filter({{"score_max", "nan"}}, choices()).ignored,
              std::vector<std::string>{"score_max"});
    auto upside_down = parse_proposal_filter({{"score_min", "4"}, {"score_max", "2"}}, choices());
    EXPECT_FALSE(upside_down.score_min);
    EXPECT_FALSE(upside_down.score_max);
    EXPECT_EQ(upside_down.ignored, (std::vector<std::string>{"score_min", "score_max"}));
    auto exact = parse_proposal_filter({{"score_min", "3"}, {"score_max", "3"}}, choices());
    EXPECT_TRUE(exact.ignored.empty());
}

TEST(ProposalFilter, PageNumbersAreWholeAndPositive) {
    for (const char* bad : {"0", "-2", "1.5", "2x", "99999999999999999999"})
        EXPECT_EQ(parse_proposal_filter({{"page", bad}}, choices()).ignored,
                  std::vector<std::string>{"page"})
            << bad;
    EXPECT_EQ(parse_proposal_filter({{"page", "12"}}, choices()).page, 12);
}

TEST(ProposalFilter, TheQueryShowsTheSameListWithoutWhatWasIgnored) {
    auto f = parse_proposal_filter(
        {{"q", "water & rights"}, {"status", "bogus"}, {"divided", "on"}, {"score_min", "2.5"}},
        choices());
    EXPECT_EQ(filter_query(f), "q=water+%26+rights&score_min=2.5&divided=1");
    EXPECT_EQ(filter_query(f, 4), "q=water+%26+rights&score_min=2.5&divided=1&page=4");
    EXPECT_EQ(filter_query(ProposalFilter{}), "");
}

TEST(ProposalFilter, ScoresDividedAndDecisionsAreCheckedHere) {
    auto scored = listed(1, "A", 3.2, 1.4, "accepted");
    auto calm = listed(2, "B", 4.5, 0.2);
    auto unscored = listed(3, "C", std::nullopt, std::nullopt);
    auto f = parse_proposal_filter({{"score_min", "3"}, {"score_max", "4"}}, choices());
    EXPECT_TRUE(passes_scores_and_decision(f, scored));
    EXPECT_FALSE(passes_scores_and_decision(f, calm));
    EXPECT_FALSE(passes_scores_and_decision(f, unscored)) << "no score is in no range";
    auto divided = parse_proposal_filter({{"divided", "1"}}, choices());
    EXPECT_TRUE(passes_scores_and_decision(divided, scored));
    EXPECT_FALSE(passes_scores_and_decision(divided, calm));
    EXPECT_TRUE(is_divided(listed(4, "D", 3, divided_at, "")))
        << "the synthesis's threshold, inclusive";
    auto undecided = parse_proposal_filter({{"decision", "undecided"}}, choices());
    EXPECT_FALSE(passes_scores_and_decision(undecided, scored));
    EXPECT_TRUE(passes_scores_and_decision(undecided, calm));
}

TEST(ProposalFilter, SortingKeepsUnscoredProposalsLastAndTiesByNumber) {
    std::vector<ListedProposal> list{listed(3, "banana", std::nullopt, std::nullopt),
                                     listed(1, "Apple", 2.0, 0.1), listed(2, "cherry", 4.0, 1.5),
                                     listed(4, "apple", 2.0, 0.3)};
    auto numbers = [&] {
        std::vector<std::int64_t> out;
        for (const auto& p : list) out.push_back(p.number);
        return out;
    };
    auto f = parse_proposal_filter({{"sort", "score"}, {"order", "desc"}}, choices());
    sort_proposals(list, f);
    EXPECT_EQ(numbers(), (std::vector<std::int64_t>{2, 1, 4, 3}));
    sort_proposals(list, parse_proposal_filter({{"sort", "score"}}, choices()));
    EXPECT_EQ(numbers(), (std::vector<std::int64_t>{1, 4, 2, 3}));
    sort_proposals(list, parse_proposal_filter({{"sort", "title"}}, choices()));
    EXPECT_EQ(numbers(), (std::vector<std::int64_t>{1, 4, 3, 2})) << "case does not count";
    sort_proposals(list, parse_proposal_filter({{"sort", "number"}, {"order", "desc"}}, choices()));
    EXPECT_EQ(numbers(), (std::vector<std::int64_t>{4, 3, 2, 1}));
}

TEST(ProposalFilter, PagesOfFiftyAndPastTheEnd) {
    auto first = page_of_list(140, 1);
    EXPECT_EQ(first.pages, 3);
    EXPECT_EQ(first.first, 0);
    EXPECT_EQ(first.last, 50);
    auto last = page_of_list(140, 3);
    EXPECT_EQ(last.first, 100);
    EXPECT_EQ(last.last, 140);
    EXPECT_FALSE(last.past_end);
    auto beyond = page_of_list(140, 9);
    EXPECT_TRUE(beyond.past_end);
    EXPECT_EQ(beyond.pages, 3) << "names the last page there is";
    EXPECT_EQ(beyond.first, beyond.last);
    auto none = page_of_list(0, 1);
    EXPECT_EQ(none.pages, 1);
    EXPECT_FALSE(none.past_end) << "an empty list has its one, empty, page";
    EXPECT_TRUE(page_of_list(0, 2).past_end);
}
