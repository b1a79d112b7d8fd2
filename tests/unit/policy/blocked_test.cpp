// Blocked accounts in the policy: the Secretariat blocks and unblocks (never its own
// account, never the last administrator not blocked), and a blocked account passes no
// gate, holds no role, may not ask for the floor, chair, relay or caption.
#include <gtest/gtest.h>

#include "core/common/messages.hpp"
#include "core/policy/policy.hpp"

namespace convene::policy {
namespace {

const Actor nobody{};
const Actor proposer{AccountId{10}, {}};
const Actor blocked_proposer{AccountId{11}, {}, true};
const Actor member{AccountId{20}, {{Role::evaluator, EditionId{1}}}};
const Actor blocked_member{AccountId{21}, {{Role::evaluator, EditionId{1}}}, true};
const Actor secretariat{AccountId{30}, {{Role::admin, EditionId{1}}}};
const Actor secretariat_of_all{AccountId{32}, {{Role::admin, std::nullopt}}};
const Actor blocked_secretariat_of_all{AccountId{33}, {{Role::admin, std::nullopt}}, true};

TEST(BlockedPolicy, ABlockedAccountPassesNoGateButAnyone) {
    for (const auto* a : {&blocked_proposer, &blocked_member, &blocked_secretariat_of_all}) {
        EXPECT_EQ(pass(Gate::anyone, *a, std::nullopt), Verdict::allowed);
        for (auto gate : all_gates) {
            if (gate == Gate::anyone) continue;
            EXPECT_EQ(pass(gate, *a, EditionId{1}), Verdict::forbidden) << gate_name(gate);
        }
    }
    // Signed out is still "sign in first", not "forbidden".
    EXPECT_EQ(pass(Gate::signed_in, nobody, std::nullopt), Verdict::sign_in_first);
}

TEST(BlockedPolicy, ABlockedAccountHoldsNoRoleAndOwnsNothing) {
    EXPECT_FALSE(blocked_secretariat_of_all.signed_in());
    EXPECT_FALSE(may_administer(blocked_secretariat_of_all));
    EXPECT_FALSE(may_manage_edition(blocked_secretariat_of_all, EditionId{1}));
    EXPECT_FALSE(may_evaluate_in(blocked_member, EditionId{1}));
    EXPECT_FALSE(may_edit_proposal(blocked_proposer, {EditionId{1}, true}));
    EXPECT_FALSE(may_see_proposal(blocked_proposer, {EditionId{1}, true}));
    EXPECT_FALSE(may_write_evaluation(blocked_member, {EditionId{1}, AccountId{21}, true}));
    EXPECT_FALSE(may_edit_hub(blocked_proposer, {EditionId{1}, AccountId{11}, true}));
    EXPECT_FALSE(may_relay_for_hub(blocked_proposer, {EditionId{1}, AccountId{11}, true}));
    EXPECT_TRUE(may_relay_for_hub(proposer, {EditionId{1}, AccountId{10}, true}));
    // Public things stay public.
    EXPECT_TRUE(may_read_results(blocked_proposer, EditionId{1}, true));
}

TEST(BlockedPolicy, FloorRequestsNeedAnAccountNotBlocked) {
    EXPECT_EQ(floor_request_refusal(nobody), "live.queue.sign_in");
    EXPECT_EQ(floor_request_refusal(blocked_proposer), "live.queue.blocked");
    EXPECT_EQ(floor_request_refusal(blocked_secretariat_of_all), "live.queue.blocked");
    EXPECT_FALSE(floor_request_refusal(proposer));
    EXPECT_FALSE(floor_request_refusal(secretariat_of_all));
    // Each refusal is a sentence of the catalog.
    for (const auto* a : {&nobody, &blocked_proposer})
        EXPECT_NO_THROW(say(*floor_request_refusal(*a)));
}

TEST(BlockedPolicy, LiveRoomRolesAsATable) {
    const LiveRoomFacts none{EditionId{1}}, chair{EditionId{1}, true},
        moderator{EditionId{1}, false, true}, captioner{EditionId{1}, false, false, true};
    struct Row {
        const char* who;
        const Actor& actor;
        const LiveRoomFacts& room;
        bool chairs, relays, captions, manages_captions;
    } rows[] = {
        {"nobody", nobody, none, false, false, false, false},
        {"participant", proposer, none, false, false, false, false},
        {"chair", proposer, chair, true, true, true, true},
        {"blocked chair", blocked_proposer, chair, false, false, false, false},
        {"online moderator", proposer, moderator, false, true, false, false},
        {"blocked online moderator", blocked_proposer, moderator, false, false, false, false},
        {"captioner", proposer, captioner, false, false, true, false},
        {"blocked captioner", blocked_proposer, captioner, false, false, false, false},
        {"Secretariat of the edition", secretariat, none, false, false, true, true},
        {"Secretariat of every edition", secretariat_of_all, none, false, false, true, true},
        {"blocked Secretariat", blocked_secretariat_of_all, none, false, false, false, false},
    };
    for (const auto& r : rows) {
        EXPECT_EQ(may_chair(r.actor, r.room), r.chairs) << r.who << " chairs";
        EXPECT_EQ(may_relay(r.actor, r.room), r.relays) << r.who << " relays";
        EXPECT_EQ(may_caption(r.actor, r.room), r.captions) << r.who << " captions";
        EXPECT_EQ(may_manage_captions(r.actor, r.room), r.manages_captions)
            << r.who << " manages captions";
    }
}

TEST(BlockedPolicy, WhoMayBlockWhom) {
    const BlockFacts other{AccountId{10}, 1}, itself{AccountId{32}, 1}, last{AccountId{34}, 0};
    EXPECT_EQ(may_block_account(secretariat_of_all, other), BlockVerdict::allowed);
    EXPECT_EQ(may_block_account(secretariat_of_all, itself), BlockVerdict::own_account);
    EXPECT_EQ(may_block_account(secretariat_of_all, last), BlockVerdict::last_administrator);
    // Only the Secretariat of every edition; a blocked one may not (it was blocked while
    // its request waited).
    EXPECT_EQ(may_block_account(nobody, other), BlockVerdict::forbidden);
    EXPECT_EQ(may_block_account(proposer, other), BlockVerdict::forbidden);
    EXPECT_EQ(may_block_account(member, other), BlockVerdict::forbidden);
    EXPECT_EQ(may_block_account(secretariat, other), BlockVerdict::forbidden);
    EXPECT_EQ(may_block_account(blocked_secretariat_of_all, other), BlockVerdict::forbidden);
    EXPECT_TRUE(may_unblock_account(secretariat_of_all));
    EXPECT_FALSE(may_unblock_account(secretariat));
    EXPECT_FALSE(may_unblock_account(proposer));
    EXPECT_FALSE(may_unblock_account(blocked_secretariat_of_all));
}

}  // namespace
}  // namespace convene::policy
