#pragma once
// Proposals as their organisers write them: the call they answer, creating, saving
// (optimistic concurrency on a version number), submitting, every revision kept, and
// the accounts that may edit each proposal.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/call/call.hpp"
#include "core/common/ids.hpp"
#include "core/proposals/proposal.hpp"
#include "database/database.hpp"

namespace convene::store {

Call load_call(db::Connection& c, EditionId edition);
void save_call(db::Connection& c, EditionId edition, const Call& call);

struct ProposalRecord {
    ProposalId id;
    EditionId edition_id;
    std::int64_t number = 0, version = 0;
    std::string status;  // draft, submitted, withdrawn, held, imported
    std::string created_at, updated_at, submitted_at;
};
std::optional<ProposalRecord> find_proposal_record(db::Connection& c, ProposalId proposal);
std::optional<ProposalId> proposal_by_creation_key(db::Connection& c, AccountId account,
                                                   const std::string& key);

// Creates a draft, numbered -1 or lower until number_proposal(), and makes the
// account its proposer. With a creation key already used by this account
// (a double click, even a concurrent one), creates nothing and returns that proposal.
struct Created {
    ProposalId id;
    bool existed = false;
};
// `as_typed`, when given, is what the revision keeps: a draft's own words, where `p`
// holds only what the tables accept (a country not in the list left out).
Created create_proposal(db::Connection& c, EditionId edition, const Proposal& p, AccountId account,
                        const std::string& creation_key, const std::string& now,
                        const Proposal* as_typed = nullptr);
// Gives a new proposal the next number of the edition. The edition's row stays locked
// until the transaction ends, so call it last.
std::int64_t number_proposal(db::Connection& c, EditionId edition, ProposalId proposal);
// Writes the proposal when it is still at `expected_version`; false when somebody
// saved it since (nothing is written then). Keeps the revision.
bool save_proposal(db::Connection& c, ProposalId proposal, const Proposal& p,
                   std::int64_t expected_version, AccountId account, const std::string& action,
                   const std::string& now, const Proposal* as_typed = nullptr);
// Withdraws a proposal: kept with its revisions, status "withdrawn"; false when it
// was already withdrawn.
bool withdraw_proposal(db::Connection& c, ProposalId proposal, AccountId account,
                       const std::string& now);
void mark_submitted(db::Connection& c, ProposalId proposal, const std::string& now);

struct Revision {
    std::int64_t version = 0;
    std::string saved_at, saved_by, action;
};
std::vector<Revision> list_revisions(db::Connection& c, ProposalId proposal);
// Nullopt when there is no such version, or it was saved in a shape this version cannot read.
std::optional<Proposal> revision_content(db::Connection& c, ProposalId proposal,
                                         std::int64_t version);

// Editors: the proposer and co-organisers.
bool is_editor(db::Connection& c, ProposalId proposal, AccountId account);
void add_editor(db::Connection& c, ProposalId proposal, AccountId account, const std::string& role,
                const std::string& now);
struct Editor {
    AccountId account_id;
    std::string name, email, role;
};
std::vector<Editor> list_editors(db::Connection& c, ProposalId proposal);

struct OwnProposal {
    ProposalId id;
    EditionId edition_id;
    std::int64_t number = 0, version = 0;
    std::string edition_name, title, session_type, status, updated_at, role;
};
std::vector<OwnProposal> proposals_of(db::Connection& c, AccountId account);

// Co-organiser invitations, by token hash: single use, bound to the invited address.
void invite_co_organiser(db::Connection& c, ProposalId proposal, const std::string& email,
                         const std::string& token_hash, AccountId by, const std::string& now,
                         const std::string& expires_at);
// When an unused, unexpired invitation to the address waits: until when it works.
std::optional<std::string> pending_co_organiser_invitation(db::Connection& c, ProposalId proposal,
                                                           const std::string& email,
                                                           const std::string& now);
struct CoOrganiserInvitation {
    CoOrganiserInvitationId id;
    ProposalId proposal_id;
    std::string email, expires_at, accepted_at, withdrawn_at;
};
std::optional<CoOrganiserInvitation> find_co_organiser_invitation(db::Connection& c,
                                                                  const std::string& token_hash);
// Uses the invitation once and makes the account an editor; false when it was used.
bool accept_co_organiser_invitation(db::Connection& c, const CoOrganiserInvitation& invitation,
                                    AccountId account, const std::string& now);

}  // namespace convene::store
