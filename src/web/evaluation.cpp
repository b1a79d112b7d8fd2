// What a MAG member does in the evaluation round: open a proposal on their list with
// its proposers hidden, save and submit an evaluation, declare a conflict.
#include "web/evaluation.hpp"

#include <algorithm>

#include "core/country.hpp"
#include "core/people.hpp"
#include "http/error.hpp"
#include "store/assignment.hpp"
#include "store/proposals.hpp"
#include "store/submissions.hpp"
#include "web/exchange.hpp"

namespace convene::web {

EvaluationTarget evaluation_target(Exchange& ex, std::int64_t proposal) {
    auto e = edition_in_path(ex);
    const auto& who = ex.require_role(Role::evaluator, e.id);
    auto record = store::find_proposal_record(ex.db(), proposal);
    if (!record || record->edition_id != e.id)
        throw http::not_found("There is no proposal with this number in this edition.");
    if (!store::is_assigned(ex.db(), proposal, who.id))
        throw http::forbidden(
            "This proposal is not on your list of evaluations, so you cannot open or evaluate it.");
    auto details = store::load_proposal(ex.db(), proposal);
    if (!details) throw http::not_found("There is no proposal with this number in this edition.");
    return {e,
            proposal,
            record->number,
            who.id,
            std::move(*details),
            store::evaluation_settings(ex.db(), e.id),
            store::load_evaluation(ex.db(), proposal, who.id)};
}

namespace {
std::string spaced(std::string code) {
    std::replace(code.begin(), code.end(), '_', ' ');
    return code;
}
}  // namespace

nlohmann::json anonymous_proposal(const Proposal& p, std::int64_t number) {
    const ProposalPerson* main = !p.proposer.name.empty() || !p.proposer.country.empty()
                                     ? &p.proposer
                                     : (p.organisers.empty() ? nullptr : &p.organisers.front());
    const Country* country = main ? find_country(main->country) : nullptr;
    auto describe = [](const ProposalPerson& person) {
        auto region = regional_group_label(person.regional_group);
        return nlohmann::json{
            {"stakeholder_group",
             std::string(choice_label(stakeholder_groups(), person.stakeholder_group))},
            {"gender", std::string(choice_label(genders(), person.gender))},
            {"region", std::string(region)},
            {"confirmation", spaced(person.confirmation)},
            {"answer", person.answer},
            {"answer_confirmed", person.answer == "confirmed"},
            {"answer_declined", person.answer == "declined"}};
    };
    nlohmann::json speakers = nlohmann::json::array(), moderators = nlohmann::json::array();
    for (const auto& s : p.speakers) speakers.push_back(describe(s));
    for (const auto& m : p.moderators) moderators.push_back(describe(m));
    for (const auto& m : p.online_moderators) moderators.push_back(describe(m));
    return {{"number", number},
            {"title", p.title},
            {"session_type", p.session_type},
            {"theme", p.theme},
            {"format", p.format},
            {"duration", p.duration},
            {"description", p.description},
            {"policy_questions", p.policy_questions},
            {"tags", p.tags},
            {"sdgs", p.sdgs},
            {"agenda", p.agenda},
            {"expected_outcomes", p.expected_outcomes},
            {"online_participation", p.online_participation},
            {"relevance", p.relevance},
            {"proposer_from_developing_country", country != nullptr && country->developing},
            {"organiser_count", p.organisers.size()},
            {"speakers", speakers},
            {"moderators", moderators}};
}

std::vector<std::pair<std::int64_t, std::string>> merge_choices(Exchange& ex,
                                                                const EvaluationTarget& t) {
    return store::same_theme_proposals(ex.db(), t.proposal);
}

namespace {

void require_open_round(Exchange& ex, const EvaluationSettings& s) {
    auto state = round_state(s, ex.now());
    if (state == RoundState::closed)
        throw http::Error(409, "The evaluation round is closed", round_state_sentence(s, state));
}

}  // namespace

std::int64_t save_member_evaluation(Exchange& ex, const EvaluationTarget& t, const Evaluation& e,
                                    bool submit, std::int64_t expected_version) {
    require_open_round(ex, t.settings);
    bool submitting = submit || t.saved.status == "submitted";
    auto errors = check_evaluation(t.settings, e, t.details.format, submitting);
    if (e.merge_with) {
        auto choices = merge_choices(ex, t);
        if (std::none_of(choices.begin(), choices.end(),
                         [&](const auto& c) { return c.first == *e.merge_with; }))
            errors.push_back({"merge_with",
                              "Choose another submitted proposal of the same theme "
                              "to merge with."});
    }
    throw_if_invalid(errors);
    auto version = store::save_evaluation(ex.db(), t.proposal, t.account, e, submitting,
                                          expected_version, ex.now());
    if (!version) throw EvaluationConflict{store::load_evaluation(ex.db(), t.proposal, t.account)};
    ex.audit(submitting ? "evaluation.submit" : "evaluation.save",
             "proposal " + std::to_string(t.proposal), {{"version", *version}});
    return *version;
}

namespace {

// Records the conflict (assignment removed, any evaluation discarded) and gives the
// place to another member at once; every other pair stays as it was.
ConflictOutcome record_conflict(Exchange& ex, std::int64_t edition,
                                const EvaluationSettings& settings, std::int64_t proposal_id,
                                std::int64_t account, const std::string& origin) {
    auto& c = ex.db();
    ConflictOutcome out;
    bool was_assigned = store::has_assignment(c, proposal_id, account);
    out.discarded_evaluation = store::declare_conflict(c, proposal_id, account, ex.now(), origin);
    if (was_assigned) {
        auto instance = store::assignment_instance(c, edition, settings);
        auto current = store::load_assignment(c, edition).pairs;
        const auto proposal = std::to_string(proposal_id);
        try {
            auto result =
                reassign_after_conflict(instance, current, std::to_string(account), proposal);
            for (const auto& pair : result.assignments)
                if (pair.proposal == proposal &&
                    std::find(current.begin(), current.end(), pair) == current.end()) {
                    store::add_assignment(c, edition, pair, ex.now());
                    out.replaced_by = std::stoll(pair.evaluator);
                }
        } catch (const std::invalid_argument&) {
            // The proposal no longer takes part (withdrawn, declined at screening).
        }
    }
    ex.audit("evaluation.conflict", "proposal " + std::to_string(proposal_id),
             {{"account", account},
              {"origin", origin},
              {"discarded_evaluation", out.discarded_evaluation},
              {"replaced_by", out.replaced_by ? nlohmann::json(*out.replaced_by) : nullptr}});
    return out;
}

}  // namespace

ConflictOutcome declare_member_conflict(Exchange& ex, const EvaluationTarget& t) {
    require_open_round(ex, t.settings);
    return record_conflict(ex, t.edition.id, t.settings, t.proposal, t.account, "declared");
}

void conflict_on_joining(Exchange& ex, std::int64_t edition, std::int64_t proposal,
                         std::int64_t account) {
    if (!ex.has_role(Role::evaluator, edition)) return;
    record_conflict(ex, edition, store::evaluation_settings(ex.db(), edition), proposal, account,
                    "joined_proposal");
}

namespace {

std::string status_label(const std::string& status) {
    if (status == "submitted") return "Submitted";
    if (status == "draft") return "Draft saved";
    return "Not started";
}

}  // namespace

nlohmann::json member_list_view(Exchange& ex, const store::Edition& e, std::int64_t account) {
    auto settings = store::evaluation_settings(ex.db(), e.id);
    auto state = round_state(settings, ex.now());
    nlohmann::json tasks = nlohmann::json::array();
    int submitted = 0, drafts = 0;
    for (const auto& t : store::member_tasks(ex.db(), e.id, account)) {
        submitted += t.status == "submitted";
        drafts += t.status == "draft";
        tasks.push_back({{"proposal", t.proposal},
                         {"url", "/editions/" + std::to_string(e.id) + "/evaluations/" +
                                     std::to_string(t.proposal)},
                         {"number", t.number},
                         {"title", t.title},
                         {"theme", t.theme},
                         {"format", t.format},
                         {"status", t.status.empty() ? "not_started" : t.status},
                         {"status_label", status_label(t.status)}});
    }
    int total = static_cast<int>(tasks.size());
    return {{"edition", e.id},
            {"round",
             {{"state", std::string(round_state_code(state))},
              {"sentence", round_state_sentence(settings, state)},
              {"deadline", settings.deadline}}},
            {"progress",
             {{"assigned", total},
              {"submitted", submitted},
              {"drafts", drafts},
              {"percent", total == 0 ? 0 : (100 * submitted) / total}}},
            {"evaluations", tasks}};
}

}  // namespace convene::web
