// Aggregating the MAG's scores: the statistics by hand, severity normalisation, the
// criteria that do not apply to some formats, and a ranking that never depends on chance.
#include "core/evaluation/aggregation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

using namespace convene;

TEST(Aggregation, CountMeanMedianAndTheLoveOrHateSignal) {
    auto a = aggregate_scores({{"e1", "loved", 5},
                               {"e2", "loved", 5},
                               {"e3", "loved", 4},
                               {"e1", "split", 5},
                               {"e2", "split", 1},
                               {"e3", "split", 5},
                               {"e4", "split", 1}});
    ASSERT_EQ(a.size(), 2u);
    EXPECT_EQ(a[0].proposal, "loved");
    EXPECT_EQ(a[0].count, 3);
    EXPECT_NEAR(a[0].mean, 14.0 / 3, 1e-9);
    EXPECT_EQ(a[0].median, 5);
    EXPECT_NEAR(a[0].standard_deviation, std::sqrt(2.0 / 9), 1e-9);
    EXPECT_EQ(a[1].median, 3);
    EXPECT_EQ(a[1].standard_deviation, 2);
    rank(a, RankBy::standard_deviation);
    EXPECT_EQ(a[0].proposal, "split");
}

TEST(Aggregation, AHarshEvaluatorCountsAsMuchAsALenientOne) {
    // The harsh evaluator gives 1 and 3, the lenient one 3 and 5: the same opinion.
    // "a" got the harsh one's best and "b" the lenient one's best, so after
    // normalisation they tie, although their plain means differ.
    auto aggregates = aggregate_scores(
        {{"harsh", "a", 3}, {"harsh", "x", 1}, {"lenient", "b", 5}, {"lenient", "y", 3}});
    std::map<std::string, Aggregate> by;
    for (const auto& a : aggregates) by[a.proposal] = a;
    EXPECT_LT(by["a"].mean, by["b"].mean);
    EXPECT_NEAR(by["a"].normalised, by["b"].normalised, 1e-9);
    EXPECT_GT(by["a"].normalised, by["x"].normalised);
    for (const auto& a : aggregates) {
        EXPECT_GE(a.normalised, 1);
        EXPECT_LE(a.normalised, 5);
    }
    rank(aggregates, RankBy::normalised);
    EXPECT_EQ(aggregates[0].proposal, "a") << "a tie is broken by proposal id";
    EXPECT_EQ(aggregates[1].proposal, "b");
}

TEST(Aggregation, CriteriaCombineByWeightAndSkipThoseThatDoNotApply) {
    std::vector<Criterion> criteria = {{"relevance", 2, {}, "Relevance"},
                                       {"content", 1, {}, "Content"},
                                       {"diversity", 1, {"flash"}, "Diversity"}};
    std::vector<CriterionScore> scores = {{"relevance", 5}, {"content", 2}, {"diversity", 1}};
    EXPECT_NEAR(*combined_score(criteria, scores, "panel"), (10 + 2 + 1) / 4.0, 1e-9);
    EXPECT_NEAR(*combined_score(criteria, scores, "flash"), (10 + 2) / 3.0, 1e-9);
    EXPECT_FALSE(combined_score(criteria, {}, "panel"));
}
