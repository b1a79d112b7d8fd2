// The messages of the year in the policy, as a table: the edition's MAG members and
// Secretariat draft until publication; the drafts are public from the comment period on;
// the Secretariat runs the round; anyone not blocked comments while the period is open.
#include <gtest/gtest.h>

#include "core/common/messages.hpp"
#include "core/policy/policy.hpp"

namespace convene::policy {
namespace {

const Actor nobody{};
const Actor proposer{AccountId{10}, {{Role::proposer, EditionId{1}}}};
const Actor member{AccountId{20}, {{Role::evaluator, EditionId{1}}}};
const Actor member_elsewhere{AccountId{22}, {{Role::evaluator, EditionId{2}}}};
const Actor blocked_member{AccountId{21}, {{Role::evaluator, EditionId{1}}}, true};
const Actor secretariat{AccountId{30}, {{Role::admin, EditionId{1}}}};
const Actor secretariat_of_all{AccountId{32}, {{Role::admin, std::nullopt}}};
const Actor blocked_visitor{AccountId{40}, {}, true};

TEST(MessagesPolicy, DraftingAsATable) {
    struct Row {
        const Actor* actor;
        bool draft, edit_draft, edit_published, run;
    };
    const Row rows[] = {
        {&nobody, false, false, false, false},
        {&proposer, false, false, false, false},
        {&member, true, true, false, false},
        {&member_elsewhere, false, false, false, false},
        {&blocked_member, false, false, false, false},
        {&secretariat, true, true, false, true},
        {&secretariat_of_all, true, true, false, true},
    };
    const EditionId e{1};
    for (const auto& r : rows) {
        SCOPED_TRACE(r.actor->account ? r.actor->account->value() : 0);
        EXPECT_EQ(may_draft_messages(*r.actor, e), r.draft);
        EXPECT_EQ(may_edit_messages(*r.actor, {e, false, false}), r.edit_draft);
        EXPECT_EQ(may_edit_messages(*r.actor, {e, true, true}), r.edit_published);
        EXPECT_EQ(may_run_message_round(*r.actor, e), r.run);
    }
}

TEST(MessagesPolicy, DraftsArePublicFromTheCommentPeriodOn) {
    const EditionId e{1};
    const MessagesFacts hidden{e, false, false}, opened{e, true, false}, published{e, false, true};
    EXPECT_FALSE(may_read_messages(nobody, hidden));
    EXPECT_FALSE(may_read_messages(proposer, hidden));
    EXPECT_FALSE(may_read_messages(member_elsewhere, hidden));
    EXPECT_TRUE(may_read_messages(member, hidden));
    EXPECT_TRUE(may_read_messages(secretariat, hidden));
    for (const auto* a : {&nobody, &proposer, &blocked_visitor}) {
        EXPECT_TRUE(may_read_messages(*a, opened));
        EXPECT_TRUE(may_read_messages(*a, published));
    }
}

TEST(MessagesPolicy, CommentingIsOpenToAnyoneWhileThePeriodIsOpen) {
    using messages::PeriodState;
    for (const auto* a : {&nobody, &proposer, &member, &secretariat})
        EXPECT_FALSE(comment_refusal(*a, PeriodState::open, false));
    EXPECT_EQ(comment_refusal(nobody, PeriodState::not_set, false),
              "messages.comment.refused.not_set");
    EXPECT_EQ(comment_refusal(nobody, PeriodState::not_yet_open, false),
              "messages.comment.refused.not_yet_open");
    EXPECT_EQ(comment_refusal(nobody, PeriodState::closed, false),
              "messages.comment.refused.closed");
    EXPECT_EQ(comment_refusal(nobody, PeriodState::open, true),
              "messages.comment.refused.published");
    EXPECT_EQ(comment_refusal(blocked_visitor, PeriodState::open, false),
              "messages.comment.refused.blocked");
    // Each refusal is a sentence of the catalog.
    for (auto state : {PeriodState::not_set, PeriodState::not_yet_open, PeriodState::closed})
        EXPECT_NO_THROW(
            say(*comment_refusal(nobody, state, false), {{"opens", "x"}, {"closes", "y"}}));
}

}  // namespace
}  // namespace convene::policy
