#pragma once
// The MAG's evaluation round in the database: the assignment instance built from the
// edition (proposals that passed screening, members with their groups, conflicts),
// and the assignment the Secretariat reviews and publishes.
#include <cstdint>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/evaluation/assignment.hpp"
#include "core/evaluation/evaluation.hpp"
#include "database/database.hpp"

namespace convene::store {

// The edition's round: its stored settings over the standard ones.
EvaluationSettings evaluation_settings(db::Connection& c, EditionId edition);
void set_evaluation_settings(db::Connection& c, EditionId edition, const EvaluationSettings& s);

// Proposal ids are the proposals' database ids; evaluator ids are account ids. A
// proposal's group is its theme; its people are the members named on it (by account or
// e-mail); its organisations are those of its organisers.
AssignmentInstance assignment_instance(db::Connection& c, EditionId edition,
                                       const EvaluationSettings& settings);

void set_member_groups(db::Connection& c, EditionId edition, AccountId account,
                       const std::vector<std::string>& groups);

// Replaces the edition's assignment with an unpublished one.
void save_assignment(db::Connection& c, EditionId edition, const std::vector<AssignmentPair>& pairs,
                     const std::string& now);
struct StoredAssignment {
    std::vector<AssignmentPair> pairs;
    bool published = false;
};
StoredAssignment load_assignment(db::Connection& c, EditionId edition);
void publish_assignment(db::Connection& c, EditionId edition);

// A member's conflict of interest with a proposal: recorded, the assignment removed and
// any evaluation of it discarded (true when there was one).
// `origin`: "declared" by the member, or "joined_proposal" when the member became one
// of the proposal's organisers.
bool declare_conflict(db::Connection& c, ProposalId proposal, AccountId account,
                      const std::string& now, const std::string& origin = "declared");
// The edition's proposals the account edits (organiser or co-organiser).
std::vector<ProposalId> proposals_edited_in(db::Connection& c, EditionId edition,
                                            AccountId account);
// Assigned, published or not.
bool has_assignment(db::Connection& c, ProposalId proposal, AccountId account);
struct RecordedConflict {
    ProposalId proposal;
    std::int64_t number = 0;
    std::string title, member, declared_at, origin;
};
std::vector<RecordedConflict> conflicts_of_edition(db::Connection& c, EditionId edition);
// Adds one pair, published like the rest of the edition's assignment.
void add_assignment(db::Connection& c, EditionId edition, const AssignmentPair& pair,
                    const std::string& now);
// Takes the member off the proposal and discards their evaluation of it, draft or
// submitted (true when there was one). No conflict is recorded: they may be added back.
bool remove_assignment(db::Connection& c, ProposalId proposal, AccountId account);

}  // namespace convene::store
