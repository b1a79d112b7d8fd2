#pragma once
// What MAG members and the Secretariat do in the evaluation round, shared by the pages
// and the API: open an assigned proposal with its proposers hidden, save and submit an
// evaluation before the round closes, declare a conflict (the proposal is reassigned at
// once), and the Secretariat's review, progress and aggregation sheet.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/call/call.hpp"
#include "core/common/ids.hpp"
#include "core/evaluation/aggregation.hpp"
#include "core/evaluation/assignment.hpp"
#include "core/evaluation/evaluation.hpp"
#include "core/proposals/proposal.hpp"
#include "store/editions/editions.hpp"
#include "store/evaluation/evaluations.hpp"
#include "web/site/export.hpp"

namespace convene::web {

class Exchange;

// A proposal on the signed-in member's published list, with the round's rules and the
// member's evaluation so far; 404 when the proposal is not in the edition, 403 when it
// is not on the member's list.
struct EvaluationTarget {
    store::Edition edition;
    ProposalId proposal;
    std::int64_t number = 0;
    AccountId account;
    Proposal details;
    EvaluationSettings settings;
    store::StoredEvaluation saved;
};
EvaluationTarget evaluation_target(Exchange& ex, ProposalId proposal);

// The proposal as an evaluator sees it: no names, e-mails or organisations of anyone
// on it; the speakers by stakeholder group, gender and region; a flag when the main
// proposer is from a developing country.
nlohmann::json anonymous_proposal(const Proposal& p, std::int64_t number);

// Proposals a member may name as "should merge with": the others of the same theme.
std::vector<std::pair<std::int64_t, std::string>> merge_choices(Exchange& ex,
                                                                const EvaluationTarget& t);

// Somebody (another tab) saved the evaluation after the form was opened.
struct EvaluationConflict {
    store::StoredEvaluation current;
};

// Checks and saves; throws 409 when the round is closed, 422 naming the field, or
// EvaluationConflict. Returns the new version.
std::int64_t save_member_evaluation(Exchange& ex, const EvaluationTarget& t, const Evaluation& e,
                                    bool submit, std::int64_t expected_version);

// The member's conflict with the proposal: recorded, any evaluation discarded, the
// place given to another member at once. Returns the new member's account, if any.
struct ConflictOutcome {
    bool discarded_evaluation = false;
    std::optional<AccountId> replaced_by;
};
ConflictOutcome declare_member_conflict(Exchange& ex, const EvaluationTarget& t);
// The signed-in account joined the proposal's organisers: when it is a MAG member of
// the edition, a conflict is recorded at once (the proposal leaves its list, another
// member takes the place) for the Secretariat to see.
void conflict_on_joining(Exchange& ex, EditionId edition, ProposalId proposal, AccountId account);

// The member's list with their progress and the round's state (page and API).
nlohmann::json member_list_view(Exchange& ex, const store::Edition& e, AccountId account);

// The Secretariat's settings from a JSON body over the stored ones; 422 naming the field.
EvaluationSettings settings_in_body(const nlohmann::json& body, EvaluationSettings base);
// The review of an assignment: load per member, evaluators per proposal, stakeholder mix.
nlohmann::json assignment_review(Exchange& ex, const store::Edition& edition,
                                 const std::vector<AssignmentPair>& pairs,
                                 const AssignmentInstance& in);
// Runs and stores the assignment; 409 once evaluations have begun.
nlohmann::json run_assignment(Exchange& ex, const store::Edition& e);
// The stored assignment scored and reviewed against the edition's instance.
nlohmann::json stored_assignment(Exchange& ex, const store::Edition& e,
                                 const AssignmentInstance& instance);
// Publishes the stored assignment and tells each member with a list; 409 when none.
// Returns how many pairs were published.
std::size_t publish_assignment(Exchange& ex, const store::Edition& e);

nlohmann::json progress_view(Exchange& ex, const store::Edition& e);
// Queues one reminder per member with evaluations left; returns how many.
int send_reminders(Exchange& ex, const store::Edition& e);
// What closing the round now would cut short: before its deadline, evaluations missing.
struct CloseCheck {
    bool before_deadline = false;
    std::string deadline;
    int submitted = 0, assigned = 0, short_of_three = 0;
    bool needs_confirmation() const { return before_deadline || submitted < assigned; }
};
CloseCheck close_check(Exchange& ex, const store::Edition& e);
// Closes (409 with the numbers when it cuts the round short and is not confirmed) or
// reopens (409 once the results are published: the decisions made on the scores are public).
void close_round(Exchange& ex, const store::Edition& e, bool close, bool confirmed = false);

// The aggregation sheet, ranked: one row per proposal with scores, the unscored last
// (by number) with no rank and no scores.
struct SheetRow {
    std::optional<int> rank;
    ProposalId proposal;
    long long number = 0;
    std::string title, theme, format;
    int count = 0;  // submitted evaluations that score
    std::optional<double> mean, median, standard_deviation, normalised;  // rounded
    bool divided = false;
    std::string merge_with;  // the evaluators' "should merge with" marks, in words
};
struct EvaluationSheet {
    std::string ranked_by, scheme;
    std::vector<SheetRow> rows;
};
EvaluationSheet evaluation_sheet(Exchange& ex, const store::Edition& e, RankBy by);
// The sheet as pages, lists and the API show it.
nlohmann::json to_json(const EvaluationSheet& sheet);
nlohmann::json sheet_view(Exchange& ex, const store::Edition& e, RankBy by);
// The sheet as a table to export, formats named as the call names them.
Table sheet_table(const nlohmann::json& sheet, const Call& call);
RankBy rank_in_query(Exchange& ex);

}  // namespace convene::web
