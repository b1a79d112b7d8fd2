// Every path from a selection's explanation to a decision's reason: the reason a proposer
// reads must be the one the selection page shows.
#include "core/decisions/selection_reason.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/selection/selection.hpp"

namespace convene {

namespace {

SelectionStanding standing(bool selected, double score) {
    SelectionStanding s;
    s.selected = selected;
    s.score = score;
    s.slots = 82;
    return s;
}

// Causes written as the stored selection keeps them.
std::vector<SelectionCause> causes(const char* json) {
    return selection_causes_from_json(nlohmann::json::parse(json));
}

}  // namespace

TEST(SelectionReason, AHighScoreForcedOutIsToldTheMagLeftItOut) {
    auto s = standing(false, 5.0);
    s.forced_out = true;
    s.left = true;
    s.causes = causes(R"([{"cause":"forced_out"}])");
    auto d = decision_from_selection(s);
    EXPECT_EQ(d.kind, "declined");
    EXPECT_EQ(d.path, "forced_out");
    EXPECT_NE(d.reason.find("the MAG decided to leave it out"), std::string::npos) << d.reason;
    EXPECT_NE(d.reason.find("(5.00) was within the 82 workshop slots"), std::string::npos);
    EXPECT_EQ(d.reason.find("higher-scored"), std::string::npos) << d.reason;
}

TEST(SelectionReason, ALowScoreForcedInIsToldTheMagIncludedIt) {
    auto s = standing(true, 1.8);
    s.forced_in = true;
    s.entered = true;
    auto d = decision_from_selection(s);
    EXPECT_EQ(d.kind, "accepted");
    EXPECT_EQ(d.path, "forced_in");
    EXPECT_NE(d.reason.find("the MAG decided to include it"), std::string::npos) << d.reason;
    EXPECT_EQ(d.reason.find("diversity"), std::string::npos) << d.reason;
}

TEST(SelectionReason, AForcedOutBelowTheCutOffIsStillTheMagsChoice) {
    auto s = standing(false, 2.0);
    s.forced_out = true;
    auto d = decision_from_selection(s);
    EXPECT_EQ(d.path, "forced_out");
    EXPECT_EQ(d.reason,
              "Not selected: the MAG decided to leave it out of the programme (score 2.00).");
}

TEST(SelectionReason, AQuotaEntrantNamesTheRule) {
    auto s = standing(true, 2.9);
    s.entered = true;
    s.causes = causes(
        R"([{"cause": "needed_for", "rule": {"attribute": "developing", "value": true, "min": 45}}])");
    auto d = decision_from_selection(s);
    EXPECT_EQ(d.path, "quota");
    EXPECT_NE(d.reason.find("\"at least 45 from developing countries\""), std::string::npos)
        << d.reason;
    EXPECT_NE(d.reason.find("below the cut-off"), std::string::npos);
}

TEST(SelectionReason, TheOrganisationLimitNamesTheOrganisation) {
    auto s = standing(false, 4.2);
    s.left = true;
    s.causes = causes(
        R"([{"cause": "held_back_by", "rule": {"max_per_organisation": 1, "organisation": "ISOC"}}])");
    auto d = decision_from_selection(s);
    EXPECT_EQ(d.path, "organisation_limit");
    EXPECT_NE(d.reason.find("at most 1 session(s) per organisation, and ISOC"), std::string::npos)
        << d.reason;
}

TEST(SelectionReason, AFullThemeNamesTheRule) {
    auto s = standing(false, 4.2);
    s.left = true;
    s.causes =
        causes(R"([{"cause": "held_back_by", "rule": {"theme": "Digital Inclusion", "max": 8}}])");
    auto d = decision_from_selection(s);
    EXPECT_EQ(d.path, "quota_full");
    EXPECT_NE(d.reason.find("\"at most 8 in the theme Digital Inclusion\""), std::string::npos)
        << d.reason;
}

TEST(SelectionReason, DisplacedAndFreedNameWhatTheRulesDid) {
    auto out = standing(false, 3.9);
    out.left = true;
    out.causes = causes(R"([{"cause": "held_back_by", "rule": {"slots": 82}}])");
    out.binding_minimums = {"at least 15 from the African Group"};
    auto d = decision_from_selection(out);
    EXPECT_EQ(d.path, "displaced");
    EXPECT_NE(d.reason.find("(at least 15 from the African Group)"), std::string::npos) << d.reason;
    auto in = standing(true, 3.1);
    in.entered = true;
    in.causes = causes(R"([{"cause": "freed"}])");
    EXPECT_EQ(decision_from_selection(in).path, "freed");
}

TEST(SelectionReason, TheCutOffWithoutRules) {
    EXPECT_EQ(decision_from_selection(standing(true, 4.5)).reason,
              "Selected within the 82 workshop slots by its score (4.50).");
    EXPECT_EQ(decision_from_selection(standing(false, 2.25)).reason,
              "Not selected: its score (2.25) was below the cut-off of the 82 workshop slots.");
}

TEST(SelectionReason, AMergedProposalNamesItsPartnerAndTheJointScore) {
    auto s = standing(true, 4.0);
    s.merged_with = 12;
    s.joint_score = 3.5;
    auto d = decision_from_selection(s);
    EXPECT_NE(d.reason.find("together with proposal 12"), std::string::npos) << d.reason;
    EXPECT_NE(d.reason.find("joint score 3.5"), std::string::npos) << d.reason;
}

TEST(SelectionReason, TheSelectionGivesCausesAsData) {
    auto in = selection_instance_from_json(nlohmann::json::parse(R"({
        "slots": 2,
        "proposals": [{"id": 1, "score": 5.0}, {"id": 2, "score": 4.0},
                      {"id": 3, "score": 3.0, "organisation": "A"},
                      {"id": 4, "score": 1.8}],
        "forced_in": [4], "forced_out": [1]})"));
    auto r = select_proposals(in);
    ASSERT_TRUE(r.feasible);
    EXPECT_EQ(r.causes[1][0].kind, SelectionCause::Kind::forced_out);
    EXPECT_EQ(r.causes[4][0].kind, SelectionCause::Kind::forced_in);
    EXPECT_EQ(nlohmann::json(r.causes[1]), nlohmann::json::parse(R"([{"cause": "forced_out"}])"))
        << "kept in the stored selection in this shape";
}

}  // namespace convene
