// Participants' feedback in the policy, as a table: anyone rates a session from its end
// on (never a blocked account); a session's results for its organisers and the
// Secretariat of its edition; the edition's results for its Secretariat only.
#include <gtest/gtest.h>

#include "core/policy/policy.hpp"

namespace convene::policy {
namespace {

const Actor nobody{};
const Actor participant{AccountId{10}, {}};
const Actor blocked{AccountId{11}, {}, true};
const Actor member{AccountId{20}, {{Role::evaluator, EditionId{1}}}};
const Actor secretariat{AccountId{30}, {{Role::admin, EditionId{1}}}};
const Actor secretariat_elsewhere{AccountId{31}, {{Role::admin, EditionId{2}}}};
const Actor secretariat_of_all{AccountId{32}, {{Role::admin, std::nullopt}}};

TEST(FeedbackPolicy, RatingOpensAtTheSessionsEnd) {
    for (const auto* a : {&nobody, &participant, &member, &secretariat}) {
        EXPECT_EQ(may_rate_session(*a, false), RatingVerdict::not_ended);
        EXPECT_EQ(may_rate_session(*a, true), RatingVerdict::allowed);
    }
    EXPECT_EQ(may_rate_session(blocked, true), RatingVerdict::blocked);
}

TEST(FeedbackPolicy, ResultsAsATable) {
    const SessionFeedbackFacts theirs{EditionId{1}, true}, others{EditionId{1}, false};
    struct Row {
        const Actor* actor;
        bool own_session, other_session, edition;
    };
    const Row table[] = {
        {&nobody, false, false, false},          {&participant, true, false, false},
        {&blocked, false, false, false},         {&member, true, false, false},
        {&secretariat, true, true, true},        {&secretariat_elsewhere, true, false, false},
        {&secretariat_of_all, true, true, true},
    };
    for (const auto& row : table) {
        EXPECT_EQ(may_read_session_feedback(*row.actor, theirs), row.own_session)
            << row.actor->account.value_or(AccountId{0});
        EXPECT_EQ(may_read_session_feedback(*row.actor, others), row.other_session)
            << row.actor->account.value_or(AccountId{0});
        EXPECT_EQ(may_read_edition_feedback(*row.actor, EditionId{1}), row.edition)
            << row.actor->account.value_or(AccountId{0});
    }
}

}  // namespace
}  // namespace convene::policy
