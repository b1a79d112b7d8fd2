// Who may do what, as a table: each row is an actor, the state of the object, the
// action, and whether it is allowed. A change of policy changes a row here.
#include "core/policy/policy.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace convene::policy {
namespace {

// Edition 1 is the one in question; edition 2 is another year's.
const Actor nobody{};
const Actor proposer{AccountId{10}, {}};
const Actor member{AccountId{20}, {{Role::evaluator, EditionId{1}}}};
const Actor other_member{AccountId{21}, {{Role::evaluator, EditionId{1}}}};
const Actor member_elsewhere{AccountId{22}, {{Role::evaluator, EditionId{2}}}};
const Actor secretariat{AccountId{30}, {{Role::admin, EditionId{1}}}};
const Actor secretariat_elsewhere{AccountId{31}, {{Role::admin, EditionId{2}}}};
const Actor secretariat_of_all{AccountId{32}, {{Role::admin, std::nullopt}}};

struct Row {
    const char* who;
    const Actor& actor;
    const char* action;
    std::function<bool(const Actor&)> decide;
    bool allowed;
};

// The proposal: edition 1; organised by the actor or not.
const ProposalFacts organised{EditionId{1}, true}, not_organised{EditionId{1}, false};
// Member 20's evaluation, on their list or taken off it (a conflict arose).
const EvaluationFacts on_list{EditionId{1}, AccountId{20}, true},
    off_list{EditionId{1}, AccountId{20}, false};

const auto manage = [](const Actor& a) { return may_manage_edition(a, EditionId{1}); };
const auto create = [](const Actor& a) { return may_create_edition(a); };
const auto administer = [](const Actor& a) { return may_administer(a); };
const auto see_own = [](const Actor& a) { return may_see_proposal(a, organised); };
const auto see_other = [](const Actor& a) { return may_see_proposal(a, not_organised); };
const auto edit_own = [](const Actor& a) { return may_edit_proposal(a, organised); };
const auto edit_other = [](const Actor& a) { return may_edit_proposal(a, not_organised); };
const auto proposers_of_other = [](const Actor& a) { return may_see_proposers(a, not_organised); };
const auto read_on_list = [](const Actor& a) { return may_read_evaluation(a, on_list); };
const auto read_off_list = [](const Actor& a) { return may_read_evaluation(a, off_list); };
const auto write_on_list = [](const Actor& a) { return may_write_evaluation(a, on_list); };
const auto write_off_list = [](const Actor& a) { return may_write_evaluation(a, off_list); };
const auto evaluate = [](const Actor& a) { return may_evaluate_in(a, EditionId{1}); };
const auto results_published = [](const Actor& a) {
    return may_read_results(a, EditionId{1}, true);
};
const auto results_unpublished = [](const Actor& a) {
    return may_read_results(a, EditionId{1}, false);
};
const auto follow_own = [](const Actor& a) {
    return may_follow(a, {LiveTopic::Kind::proposal, ProposalId{5}}, organised);
};
const auto follow_other = [](const Actor& a) {
    return may_follow(a, {LiveTopic::Kind::proposal, ProposalId{5}}, not_organised);
};
const auto follow_missing = [](const Actor& a) {
    return may_follow(a, {LiveTopic::Kind::proposal, ProposalId{5}}, std::nullopt);
};
const auto turn_figures = [](const Actor& a) { return may_read_turn_figures(a, EditionId{1}); };
// A speaker label spoken in edition 1's transcripts, or only in edition 2's.
const auto link_label_here = [](const Actor& a) {
    return may_link_speaker_label(a, {{EditionId{1}}});
};
const auto link_label_elsewhere = [](const Actor& a) {
    return may_link_speaker_label(a, {{EditionId{2}}});
};
const auto link_in_transcript = [](const Actor& a) {
    return may_link_speaker_in_transcript(a, EditionId{1});
};
const auto speakers_everywhere = [](const Actor& a) {
    return may_list_speakers_of_every_edition(a);
};
const auto follow_editions = [](const Actor& a) { return may_follow(a, {}, std::nullopt); };

const Row table[] = {
    // Editions: the Secretariat of the edition, or of all editions.
    {"nobody", nobody, "manage edition 1", manage, false},
    {"proposer", proposer, "manage edition 1", manage, false},
    {"member", member, "manage edition 1", manage, false},
    {"secretariat", secretariat, "manage edition 1", manage, true},
    {"secretariat elsewhere", secretariat_elsewhere, "manage edition 1", manage, false},
    {"secretariat of all", secretariat_of_all, "manage edition 1", manage, true},
    {"secretariat", secretariat, "create an edition", create, false},
    {"secretariat of all", secretariat_of_all, "create an edition", create, true},
    {"secretariat", secretariat, "administer accounts", administer, false},
    {"secretariat of all", secretariat_of_all, "administer accounts", administer, true},
    {"member", member, "administer accounts", administer, false},
    // Proposals: organisers see and edit; the Secretariat sees, never edits.
    {"nobody", nobody, "see a proposal", see_own, false},
    {"organiser", proposer, "see their proposal", see_own, true},
    {"proposer", proposer, "see another's proposal", see_other, false},
    {"member", member, "see a proposal's page", see_other, false},
    {"secretariat", secretariat, "see a proposal", see_other, true},
    {"secretariat elsewhere", secretariat_elsewhere, "see a proposal", see_other, false},
    {"organiser", proposer, "edit their proposal", edit_own, true},
    {"secretariat", secretariat, "edit a proposal", edit_other, false},
    {"secretariat of all", secretariat_of_all, "edit a proposal", edit_other, false},
    // Evaluators never see who proposed.
    {"member", member, "see proposers", proposers_of_other, false},
    {"secretariat", secretariat, "see proposers", proposers_of_other, true},
    // Evaluations: the author while on their list; the Secretariat always.
    {"nobody", nobody, "read an evaluation", read_on_list, false},
    {"author", member, "read their evaluation", read_on_list, true},
    {"author", member, "read it once off their list", read_off_list, false},
    {"another member", other_member, "read a colleague's evaluation", read_on_list, false},
    {"secretariat", secretariat, "read an evaluation", read_on_list, true},
    {"secretariat", secretariat, "read one off the list", read_off_list, true},
    {"secretariat elsewhere", secretariat_elsewhere, "read an evaluation", read_on_list, false},
    {"author", member, "write their evaluation", write_on_list, true},
    {"author", member, "write it once off their list", write_off_list, false},
    {"secretariat", secretariat, "write a member's evaluation", write_on_list, false},
    {"another member", other_member, "write a colleague's evaluation", write_on_list, false},
    {"member", member, "evaluate in edition 1", evaluate, true},
    {"member elsewhere", member_elsewhere, "evaluate in edition 1", evaluate, false},
    {"secretariat", secretariat, "evaluate in edition 1", evaluate, false},
    // Results: public once published, a preview for the Secretariat before.
    {"nobody", nobody, "read published results", results_published, true},
    {"nobody", nobody, "read unpublished results", results_unpublished, false},
    {"member", member, "read unpublished results", results_unpublished, false},
    {"secretariat", secretariat, "preview unpublished results", results_unpublished, true},
    // The edition's figures of live turns: its Secretariat and its MAG.
    {"nobody", nobody, "read the turn figures", turn_figures, false},
    {"proposer", proposer, "read the turn figures", turn_figures, false},
    {"member", member, "read the turn figures", turn_figures, true},
    {"member elsewhere", member_elsewhere, "read the turn figures", turn_figures, false},
    {"secretariat", secretariat, "read the turn figures", turn_figures, true},
    {"secretariat elsewhere", secretariat_elsewhere, "read the turn figures", turn_figures, false},
    // Transcripts' speakers: the Secretariat of an edition where the label is spoken links
    // it for every transcript, and a role in one of its transcripts; all at once, the
    // Secretariat of every edition.
    {"nobody", nobody, "link a speaker label", link_label_here, false},
    {"proposer", proposer, "link a speaker label", link_label_here, false},
    {"member", member, "link a speaker label", link_label_here, false},
    {"secretariat", secretariat, "link a label of its transcripts", link_label_here, true},
    {"secretariat", secretariat, "link a label of others' transcripts", link_label_elsewhere,
     false},
    {"secretariat of all", secretariat_of_all, "link any label", link_label_elsewhere, true},
    {"member", member, "link a speaker in a transcript", link_in_transcript, false},
    {"secretariat", secretariat, "link a speaker in a transcript", link_in_transcript, true},
    {"secretariat elsewhere", secretariat_elsewhere, "link a speaker in a transcript",
     link_in_transcript, false},
    {"secretariat", secretariat, "list every edition's speakers", speakers_everywhere, false},
    {"secretariat of all", secretariat_of_all, "list every edition's speakers", speakers_everywhere,
     true},
    // Live topics: anyone follows editions; a proposal's organisers and Secretariat it.
    {"nobody", nobody, "follow editions", follow_editions, true},
    {"nobody", nobody, "follow a proposal", follow_own, false},
    {"organiser", proposer, "follow their proposal", follow_own, true},
    {"proposer", proposer, "follow another's proposal", follow_other, false},
    {"member", member, "follow a proposal", follow_other, false},
    {"secretariat", secretariat, "follow a proposal", follow_other, true},
    {"secretariat", secretariat, "follow a missing proposal", follow_missing, false},
};

TEST(Policy, TableOfRoleStateActionAllowed) {
    for (const auto& row : table)
        EXPECT_EQ(row.decide(row.actor), row.allowed)
            << row.who << " may " << (row.allowed ? "" : "not ") << row.action;
}

TEST(Policy, GatesAskForSignInBeforeRoles) {
    EXPECT_EQ(pass(Gate::anyone, nobody, std::nullopt), Verdict::allowed);
    for (auto gate : all_gates) {
        if (gate == Gate::anyone) continue;
        EXPECT_EQ(pass(gate, nobody, EditionId{1}), Verdict::sign_in_first) << gate_name(gate);
    }
    EXPECT_EQ(pass(Gate::signed_in, proposer, std::nullopt), Verdict::allowed);
    EXPECT_EQ(pass(Gate::secretariat, secretariat, std::nullopt), Verdict::forbidden);
    EXPECT_EQ(pass(Gate::secretariat, secretariat_of_all, std::nullopt), Verdict::allowed);
    EXPECT_EQ(pass(Gate::secretariat_of_edition, secretariat, EditionId{1}), Verdict::allowed);
    EXPECT_EQ(pass(Gate::secretariat_of_edition, secretariat, EditionId{2}), Verdict::forbidden);
    EXPECT_EQ(pass(Gate::secretariat_of_edition, member, EditionId{1}), Verdict::forbidden);
    EXPECT_EQ(pass(Gate::secretariat_of_edition, secretariat_of_all, EditionId{7}),
              Verdict::allowed);
    EXPECT_EQ(pass(Gate::member_of_edition, member, EditionId{1}), Verdict::allowed);
    EXPECT_EQ(pass(Gate::member_of_edition, member_elsewhere, EditionId{1}), Verdict::forbidden);
    EXPECT_EQ(pass(Gate::member_of_edition, secretariat, EditionId{1}), Verdict::forbidden);
    // A gate that needs an edition and gets none says no.
    EXPECT_EQ(pass(Gate::secretariat_of_edition, secretariat, std::nullopt), Verdict::forbidden);
}

TEST(Policy, LiveTopicsAreReadStrictly) {
    EXPECT_TRUE(parse_live_topic("editions"));
    auto p = parse_live_topic("proposal-12");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->kind, LiveTopic::Kind::proposal);
    EXPECT_EQ(p->proposal, ProposalId{12});
    auto room = parse_live_topic("live-room-7");
    ASSERT_TRUE(room);
    EXPECT_EQ(room->kind, LiveTopic::Kind::live_room);
    EXPECT_EQ(room->live_room, LiveRoomId{7});
    // A live room's queue is public, as its page.
    EXPECT_TRUE(may_follow(Actor{}, *room, std::nullopt));
    auto captions = parse_live_topic("live-captions-7-en");
    ASSERT_TRUE(captions);
    EXPECT_EQ(captions->kind, LiveTopic::Kind::live_captions);
    EXPECT_EQ(captions->live_room, LiveRoomId{7});
    EXPECT_EQ(captions->language, "en");
    EXPECT_EQ(parse_live_topic("live-captions-12-zh-Hans")->language, "zh-Hans");
    // Captions are public, as the room.
    EXPECT_TRUE(may_follow(Actor{}, *captions, std::nullopt));
    for (const char* bad : {"proposal-", "proposal-x", "proposal-1x", "proposal-1234567890123",
                            "proposal--1", "edition", "", "Proposal-1", "live-room-", "live-room-x",
                            "live-room-1234567890123", "live-rooms-1", "live-captions-",
                            "live-captions-7", "live-captions-7-", "live-captions-x-en",
                            "live-captions-7-EN", "live-captions-7-en/x", "live-captions--7-en"})
        EXPECT_FALSE(parse_live_topic(bad)) << bad;
}

}  // namespace
}  // namespace convene::policy
