// The Secretariat's manual changes to a published assignment: every rule refuses on its
// own, by its name, and a change that breaks none goes through.
#include "core/evaluation/adjustment.hpp"

#include <gtest/gtest.h>

using namespace convene;

namespace {

// Three proposals, five members; proposal "p1" has evaluators a, b and c.
AssignmentInstance instance() {
    AssignmentInstance in;
    in.per_proposal = 3;
    in.proposals = {
        {"p1", "Access", {"Open Net Lab"}, {"e"}}, {"p2", "AI", {}, {}}, {"p3", "", {}, {}}};
    in.evaluators = {{"a", "Org A", "government", {}, 5},
                     {"b", "Org B", "civil_society", {}, 5},
                     {"c", "Org C", "academia", {}, 5},
                     {"d", "Org D", "government", {}, 1},
                     {"e", "Org E", "technical_community", {}, 5},
                     {"f", "open net LAB", "academia", {}, 5},
                     {"g", "Org G", "private_sector", {"AI"}, 5},
                     {"h", "Org H", "", {}, 5}};
    in.conflicts = {{"h", "p1"}};
    return in;
}

std::vector<AssignmentPair> current() {
    return {{"a", "p1"}, {"b", "p1"}, {"c", "p1"}, {"d", "p2"}};
}

std::string added(const std::string& evaluator, const std::string& proposal,
                  AdjustmentState state = {}) {
    auto r = check_addition(instance(), current(), evaluator, proposal, state);
    return r ? r->rule : "";
}

std::string removed(const std::string& evaluator, const std::string& proposal,
                    std::vector<AssignmentPair> pairs = current(), bool submitted = false,
                    bool confirmed = false, AdjustmentState state = {}) {
    auto r = check_removal(instance(), pairs, evaluator, proposal, state, submitted, confirmed);
    return r ? r->rule : "";
}

}  // namespace

TEST(Adjustment, AnEligibleMemberIsAdded) {
    EXPECT_EQ(added("g", "p2"), "");
    EXPECT_EQ(added("a", "p3"), "");
}

TEST(Adjustment, EachAdditionRuleRefusesByName) {
    EXPECT_EQ(added("g", "p2", {true, true}), "round_closed");
    EXPECT_EQ(added("g", "p2", {false, false}), "not_published");
    EXPECT_EQ(added("g", "p9"), "proposal_not_in_round");
    EXPECT_EQ(added("zz", "p2"), "not_a_member");
    EXPECT_EQ(added("a", "p1"), "already_assigned");
    EXPECT_EQ(added("h", "p1"), "declared_conflict");
    EXPECT_EQ(added("e", "p1"), "named_on_proposal");
    EXPECT_EQ(added("f", "p1"), "proposing_organisation") << "organisations compared as written";
    EXPECT_EQ(added("g", "p1"), "other_issue_area");
    EXPECT_EQ(added("d", "p3"), "load_cap");
}

TEST(Adjustment, StakeholderBalanceHoldsAtCeilingOfHalf) {
    auto in = instance();
    std::vector<AssignmentPair> pairs = {{"a", "p3"}, {"d", "p3"}};  // two governments, k = 3
    in.evaluators[3].max_load = 5;
    in.evaluators.push_back({"i", "Org I", "government", {}, 5});
    auto r = check_addition(in, pairs, "i", "p3", {});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->rule, "stakeholder_balance");
    EXPECT_NE(r->message.find("2"), std::string::npos) << r->message;
    EXPECT_FALSE(check_addition(in, pairs, "b", "p3", {}));
}

TEST(Adjustment, RefusalsSayTheRuleInWords) {
    auto r = check_addition(instance(), current(), "d", "p3", {});
    ASSERT_TRUE(r);
    EXPECT_NE(r->message.find("load cap"), std::string::npos) << r->message;
    EXPECT_NE(r->message.find("1"), std::string::npos) << r->message;
}

TEST(Adjustment, RemovalKeepsTheMinimumAndAsksAboutSubmittedWork) {
    EXPECT_EQ(removed("a", "p1"), "minimum_evaluators");
    auto four = current();
    four.push_back({"g", "p1"});
    EXPECT_EQ(removed("a", "p1", four), "");
    EXPECT_EQ(removed("a", "p1", four, true), "submitted_evaluation");
    EXPECT_EQ(removed("a", "p1", four, true, true), "");
    EXPECT_EQ(removed("e", "p1", four), "not_assigned");
    EXPECT_EQ(removed("a", "p1", four, false, false, {true, true}), "round_closed");
    EXPECT_EQ(removed("a", "p1", four, false, false, {false, false}), "not_published");
}

TEST(Adjustment, TheMinimumIsThreeOrFewerWhenTheRoundAsksFewer) {
    EXPECT_EQ(minimum_evaluators(5), 3);
    EXPECT_EQ(minimum_evaluators(3), 3);
    EXPECT_EQ(minimum_evaluators(1), 1);
    auto in = instance();
    in.per_proposal = 1;
    std::vector<AssignmentPair> two = {{"a", "p2"}, {"b", "p2"}};
    EXPECT_FALSE(check_removal(in, two, "a", "p2", {}, false, false));
    EXPECT_TRUE(check_removal(in, {{"a", "p2"}}, "a", "p2", {}, false, false));
}
