#pragma once
// What the proposal form accepts: every text within its limit and free of control
// characters (on every save, drafts too), and when the proposer submits, every field
// the session type requires. Errors name the member of the proposal's JSON shape
// ("title", "speakers[2].email") so the form can show each next to its field.
#include <string>
#include <vector>

#include "core/call/call.hpp"
#include "core/common/field_error.hpp"
#include "core/proposals/proposal.hpp"

namespace convene {

// Words as a reader counts them: runs of characters between spaces.
std::size_t count_words(std::string_view text);

struct ProposalChecks {
    const Call& call;
    std::vector<std::string> themes;           // names of the edition's themes
    std::vector<std::string> required_fields;  // for submitting; empty: the session type's
};

// What the call asks of a proposal's format (limits, encoding, unknown choices): on a
// draft these are warnings shown next to their fields, the draft is saved anyway.
FieldErrors check_proposal_draft(const Proposal& p, const ProposalChecks& checks);
// The few problems that keep a draft from being stored at all: text that is not UTF-8 or
// holds NUL (the databases refuse it), and sizes far past any limit the call may set.
FieldErrors check_proposal_storable(const Proposal& p);
// The same, plus the fields a submitted proposal must have.
FieldErrors check_proposal_submission(const Proposal& p, const ProposalChecks& checks);

// The fields the form of a session type shows: all of the workshop form for a
// workshop, fewer for the other types (no format, policy questions or rapporteur).
bool form_shows(const std::string& session_type, const std::string& field);
// Minutes a session may last: the format's when one is chosen, else the type's.
std::vector<int> allowed_durations(const Call& call, const std::string& session_type,
                                   const std::string& format);

// Confirmation states a proposer may declare; speakers answer by link themselves.
const std::vector<std::string>& confirmation_states();

// A field-by-field comparison of two revisions of a proposal: the fields that differ, with
// the text of each side (lists and people written out one per line).
struct FieldChange {
    std::string field, label, before, after;
};
std::vector<FieldChange> compare_proposals(const Proposal& before, const Proposal& after);

}  // namespace convene
