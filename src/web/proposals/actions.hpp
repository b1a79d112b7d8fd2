#pragma once
// What proposers do, shared by the pages and the API: start a proposal, save it,
// submit it, with the call's deadline enforced by the server's clock in UTC, versions
// checked so that nobody overwrites a co-organiser's work unseen, and the mails
// (receipt, speaker invitations) queued in the same transaction.
#include <optional>
#include <string>

#include "core/call/call.hpp"
#include "core/proposals/proposal_form.hpp"
#include "store/editions/editions.hpp"
#include "store/proposals/submissions.hpp"

namespace convene::web {

class Exchange;

// A proposal and the call it answers, once the account is known to be an editor
// (or the edition's Secretariat); 404 and 403 otherwise.
struct EditableProposal {
    store::ProposalRecord record;
    store::Edition edition;
    Call call;
    bool editor = false;  // false: the Secretariat, reading
};
EditableProposal proposal_for(Exchange& ex, ProposalId proposal);

// The edition's themes and required fields, for checking a proposal.
ProposalChecks checks_for(Exchange& ex, const store::Edition& edition, const Call& call);

// Throws 409 naming the state when the call is not open now.
// True once the MAG's decision on the proposal is recorded: withdrawing then goes
// through the Secretariat.
bool decision_recorded(Exchange& ex, ProposalId proposal);

void require_open_call(Exchange& ex, const Call& call, std::string_view zone);

// Somebody saved the proposal since the version the form was opened at.
struct EditConflict {
    std::int64_t current_version = 0;
    Proposal current;  // the proposal as now saved
};

struct SaveOutcome {
    ProposalId proposal;
    std::int64_t version = 0;
    bool submitted = false;         // the proposal is (now or already) submitted
    FieldErrors submission_errors;  // submit asked, draft saved, these keep it back
    bool existed = false;           // the creation key named a proposal made before
    FieldErrors warnings;           // format problems of the saved draft, shown by their fields
    std::string saved_at;           // UTC
};

enum class Intent { save, submit };

// A draft saves whatever is typed, its format problems returned as warnings; only what
// cannot be stored at all (check_proposal_storable) is refused with 422. A submitted
// proposal stays valid: a save that would break it is refused, every problem named.
// Starts a proposal (idempotent per creation key: the same key gives the same one).
// Throws http::Error 409 (call not open) or 422 (nothing saved).
SaveOutcome start_proposal(Exchange& ex, const store::Edition& edition, Proposal draft,
                           const std::string& creation_key, Intent intent);
// Saves over `expected_version`; throws EditConflict, or http::Error 409 / 422.
SaveOutcome save_proposal(Exchange& ex, const EditableProposal& target, Proposal draft,
                          std::int64_t expected_version, Intent intent);

// The proposal as its organisers last saved it: a draft as typed (from its latest
// revision, warnings and all), any other from the tables.
Proposal proposal_as_saved(Exchange& ex, const store::ProposalRecord& record);

// The proposer or a co-organiser withdraws it: kept, marked withdrawn, out of screening
// and evaluation. Throws 403, or 409 when it is already withdrawn.
void withdraw(Exchange& ex, const EditableProposal& target);

// Invitation e-mails to people named with an address and not yet invited.
int invite_speakers(Exchange& ex, ProposalId proposal, const Proposal& p,
                    const store::Edition& edition);

}  // namespace convene::web
