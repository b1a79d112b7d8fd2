// The evaluation round's rules: settings read with errors that name the member, the
// criteria a proposal is scored on, what a draft and a submission need, the combined
// score, and the round's state around the deadline and its grace period.
#include "core/evaluation/evaluation.hpp"

#include <gtest/gtest.h>

using namespace convene;

namespace {

std::vector<std::string> fields(const FieldErrors& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.field);
    return out;
}

EvaluationSettings read(const nlohmann::json& j, FieldErrors& errors) {
    return evaluation_settings_from_json(j, standard_evaluation_settings(), errors);
}

}  // namespace

TEST(EvaluationSettings, StandardRoundIsHolisticWithReasonsAndTheSixCriteriaAtHand) {
    auto s = standard_evaluation_settings();
    EXPECT_EQ(s.per_proposal, 5);
    EXPECT_EQ(s.scheme, "holistic");
    EXPECT_EQ(s.criteria.size(), 6u);
    EXPECT_FALSE(s.reasons.empty());
    FieldErrors errors;
    auto back = read(to_json(s), errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(to_json(back), to_json(s));
}

TEST(EvaluationSettings, ErrorsNameTheMemberAndKeepTheRest) {
    FieldErrors errors;
    auto s = read({{"per_proposal", 0},
                   {"scheme", "stars"},
                   {"deadline", "next week"},
                   {"grace_minutes", -5},
                   {"criteria", {{{"code", "Bad Code"}}}},
                   {"reasons", {""}}},
                  errors);
    EXPECT_EQ(fields(errors),
              (std::vector<std::string>{"per_proposal", "grace_minutes", "scheme",
                                        "criteria[0].code", "reasons", "deadline"}));
    EXPECT_EQ(s.per_proposal, 5);
    EXPECT_EQ(s.scheme, "holistic");
    FieldErrors more;
    read({{"criteria", {{{"code", "a"}}, {{"code", "a"}}}}}, more);
    EXPECT_EQ(fields(more), (std::vector<std::string>{"criteria[1].code"}));
    FieldErrors weight;
    read({{"criteria", {{{"code", "a"}, {"weight", 0}}}}}, weight);
    EXPECT_EQ(fields(weight), (std::vector<std::string>{"criteria[0].weight"}));
    FieldErrors not_object;
    read(nlohmann::json::array(), not_object);
    EXPECT_EQ(not_object.size(), 1u);
}

TEST(EvaluationSettings, DeadlineIsNormalisedToUtc) {
    FieldErrors errors;
    auto s = read({{"deadline", "2027-05-20 23:59"}}, errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(s.deadline, "2027-05-20T23:59:00Z");
    auto cleared = read({{"deadline", nullptr}}, errors);
    EXPECT_EQ(cleared.deadline, "");
}

TEST(ScoredCriteria, HolisticIsOneOverallScoreAndDiversitySkipsFlashSessions) {
    auto s = standard_evaluation_settings();
    ASSERT_EQ(scored_criteria(s, "flash").size(), 1u);
    EXPECT_EQ(scored_criteria(s, "flash")[0].code, "overall");
    s.scheme = "criteria";
    EXPECT_EQ(scored_criteria(s, "roundtable").size(), 6u);
    auto flash = scored_criteria(s, "flash");
    EXPECT_EQ(flash.size(), 5u);
    for (const auto& c : flash) EXPECT_NE(c.code, "diversity");
}

TEST(CheckEvaluation, DraftMayBePartialSubmissionMayNot) {
    auto s = standard_evaluation_settings();
    s.scheme = "criteria";
    Evaluation e;
    e.scores = {{"content", 4}};
    EXPECT_TRUE(check_evaluation(s, e, "roundtable", false).empty());
    auto errors = check_evaluation(s, e, "roundtable", true);
    EXPECT_EQ(errors.size(), 5u);
    EXPECT_EQ(errors[0].field, "score-policy_questions");
    EXPECT_NE(errors[0].message.find("Response to the policy questions"), std::string::npos);
}

TEST(CheckEvaluation, ScoresOutsideOneToFiveAndUnknownCriteriaAreRefusedEvenInDrafts) {
    auto s = standard_evaluation_settings();
    Evaluation e;
    e.scores = {{"overall", 6}, {"charm", 3}};
    EXPECT_EQ(fields(check_evaluation(s, e, "panel", false)),
              (std::vector<std::string>{"score-overall", "score-charm"}));
    e.scores = {{"overall", 0}};
    EXPECT_EQ(fields(check_evaluation(s, e, "panel", false)),
              (std::vector<std::string>{"score-overall"}));
    s.scheme = "criteria";
    e.scores = {{"diversity", 4}};
    EXPECT_EQ(fields(check_evaluation(s, e, "flash", false)),
              (std::vector<std::string>{"score-diversity"}));
}

TEST(CheckEvaluation, LowScoresNeedOneOfTheStandardReasons) {
    auto s = standard_evaluation_settings();
    Evaluation e;
    e.scores = {{"overall", 3}};
    EXPECT_EQ(fields(check_evaluation(s, e, "panel", true)),
              (std::vector<std::string>{"reason-overall"}));
    e.reasons = {{"overall", "Because"}};
    EXPECT_EQ(fields(check_evaluation(s, e, "panel", true)),
              (std::vector<std::string>{"reason-overall"}));
    e.reasons = {{"overall", s.reasons[0]}};
    EXPECT_TRUE(check_evaluation(s, e, "panel", true).empty());
    e.scores = {{"overall", 4}};
    e.reasons.clear();
    EXPECT_TRUE(check_evaluation(s, e, "panel", true).empty());
    s.reasons.clear();  // a year without standard reasons asks for none
    e.scores = {{"overall", 1}};
    EXPECT_TRUE(check_evaluation(s, e, "panel", true).empty());
}

TEST(EvaluationScore, WeightedMeanOverTheCriteriaThatApply) {
    auto s = standard_evaluation_settings();
    Evaluation e;
    e.scores = {{"overall", 4}};
    EXPECT_DOUBLE_EQ(*evaluation_score(s, e, "panel"), 4);
    s.scheme = "criteria";
    s.criteria[0].weight = 3;  // content counts three times
    e.scores = {{"content", 5}, {"policy_questions", 1}, {"relevance", 1},
                {"format", 1},  {"diversity", 1},        {"participation", 1}};
    EXPECT_DOUBLE_EQ(*evaluation_score(s, e, "panel"), (15.0 + 5) / 8);
    EXPECT_DOUBLE_EQ(*evaluation_score(s, e, "flash"), (15.0 + 4) / 7);
    e.scores.pop_back();
    EXPECT_FALSE(evaluation_score(s, e, "panel")) << "an incomplete evaluation has no score";
}

TEST(EvaluationJson, RoundTripsAndNamesBadMembers) {
    FieldErrors errors;
    auto e = evaluation_from_json({{"scores", {{"overall", 2}}},
                                   {"reasons", {{"overall", "r"}}},
                                   {"comment", "c"},
                                   {"merge_with", 12}},
                                  errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(to_json(e)["merge_with"], 12);
    FieldErrors bad;
    evaluation_from_json(
        {{"scores", {{"overall", "five"}}}, {"comment", 3}, {"merge_with", "twelve"}}, bad);
    EXPECT_EQ(fields(bad), (std::vector<std::string>{"score-overall", "comment", "merge_with"}));
}

TEST(RoundState, OpenUntilTheDeadlineThenGraceThenClosed) {
    auto s = standard_evaluation_settings();
    EXPECT_EQ(round_state(s, "2027-05-21T00:00:00Z"), RoundState::open) << "no deadline yet";
    s.deadline = "2027-05-20T23:59:00Z";
    EXPECT_EQ(round_state(s, "2027-05-20T23:59:00Z"), RoundState::open);
    EXPECT_EQ(round_state(s, "2027-05-21T00:00:00Z"), RoundState::closed);
    s.grace_minutes = 120;
    EXPECT_EQ(round_state(s, "2027-05-21T01:59:00Z"), RoundState::grace);
    EXPECT_EQ(round_state(s, "2027-05-21T02:00:00Z"), RoundState::closed);
    s.closed_at = "2027-05-20T12:00:00Z";
    EXPECT_EQ(round_state(s, "2027-05-20T12:30:00Z"), RoundState::closed);
    EXPECT_NE(
        round_state_sentence(s, RoundState::closed, "UTC").find("closed on 20 May 2027, 12:00 UTC"),
        std::string::npos);
}
