#pragma once
// MAG members' evaluations in the database: each member's published list, one
// evaluation saved over the version its form was opened at, the Secretariat's
// progress figures and the submitted scores the aggregation sheet is made from.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/evaluation/evaluation.hpp"
#include "database/database.hpp"

namespace convene::store {

struct StoredEvaluation {
    std::int64_t version = 0;  // 0: nothing saved yet
    std::string status;        // "", "draft" or "submitted"
    Evaluation evaluation;
    std::string updated_at, submitted_at;
};
StoredEvaluation load_evaluation(db::Connection& c, ProposalId proposal, AccountId account);
// Every evaluation of a proposal (drafts too), by account.
std::vector<std::pair<AccountId, StoredEvaluation>> evaluations_of(db::Connection& c,
                                                                   ProposalId proposal);

// Whether the member has this proposal in their published list.
bool is_assigned(db::Connection& c, ProposalId proposal, AccountId account);

// Saves over `expected_version` (0 when the form found nothing saved); the new version,
// or nullopt when somebody (another tab) saved since. A submitted evaluation stays
// submitted.
std::optional<std::int64_t> save_evaluation(db::Connection& c, ProposalId proposal,
                                            AccountId account, const Evaluation& e, bool submit,
                                            std::int64_t expected_version, const std::string& now);

// One line of a member's list.
struct Task {
    ProposalId proposal;
    std::int64_t number = 0;
    std::string title, theme, format, status;  // status: "", "draft" or "submitted"
};
std::vector<Task> member_tasks(db::Connection& c, EditionId edition, AccountId account);

struct MemberProgress {
    AccountId account;
    std::string name, email;
    int assigned = 0, drafts = 0, submitted = 0;
};
struct ProposalProgress {
    ProposalId proposal;
    std::int64_t number = 0;
    std::string title;
    int assigned = 0, submitted = 0;
};
struct Progress {
    int assigned = 0, submitted = 0;
    std::vector<MemberProgress> members;      // every MAG member, assigned or not
    std::vector<ProposalProgress> proposals;  // every proposal with an assignment
};
Progress evaluation_progress(db::Connection& c, EditionId edition);

// Every submitted evaluation of the edition, with what the sheet needs.
struct SubmittedEvaluation {
    ProposalId proposal;
    AccountId account;
    std::string format;
    Evaluation evaluation;
};
std::vector<SubmittedEvaluation> submitted_evaluations(db::Connection& c, EditionId edition);

// The other submitted proposals of the same theme (number and title): what a member may
// name as "should merge with".
std::vector<std::pair<std::int64_t, std::string>> same_theme_proposals(db::Connection& c,
                                                                       ProposalId proposal);

// How many evaluations (drafts included) the edition holds.
std::int64_t count_evaluations(db::Connection& c, EditionId edition);

// Every submitted proposal of the edition, as the aggregation sheet lists it.
struct SheetProposal {
    ProposalId proposal;
    std::int64_t number = 0;
    std::string title, theme, format;
};
std::vector<SheetProposal> sheet_proposals(db::Connection& c, EditionId edition);

}  // namespace convene::store
