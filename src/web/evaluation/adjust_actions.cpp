// Adding or removing one evaluator of a published assignment: the rules are the
// solver's (core/evaluation), read from the same instance the solver is given.
#include "web/evaluation/adjust_actions.hpp"

#include <map>

#include "core/common/messages.hpp"
#include "core/evaluation/evaluation.hpp"
#include "core/people/people.hpp"
#include "core/policy/policy.hpp"
#include "http/error.hpp"
#include "store/accounts/accounts.hpp"
#include "store/common/outbox.hpp"
#include "store/evaluation/assignment.hpp"
#include "store/evaluation/evaluations.hpp"
#include "store/proposals/submissions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/mail.hpp"
#include "web/site/views.hpp"

namespace convene::web {

AssignmentTarget assignment_target(Exchange& ex, ProposalId proposal) {
    auto record = store::find_proposal_record(ex.db(), proposal);
    if (!record) throw http::not_found(say("evaluation.there_is_no_proposal_with_this_2"));
    auto edition =
        ex.params.has("edition") ? ex.params.id<EditionId>("edition") : record->edition_id;
    if (record->edition_id != edition)
        throw http::not_found(say("evaluation.there_is_no_proposal_with_this_2"));
    auto e = store::find_edition(ex.db(), edition);
    if (!e) throw http::not_found(say("site.no_such_edition"));
    ex.require(policy::may_manage_edition(ex.actor(), e->id), say("policy.secretariat_only"));
    AssignmentTarget t{*e, proposal, record->number, "", ""};
    for (const auto& p : store::sheet_proposals(ex.db(), e->id))
        if (p.proposal == proposal) {
            t.title = p.title;
            t.theme = p.theme;
        }
    return t;
}

std::string member_name(Exchange& ex, const store::Edition& e, AccountId account) {
    for (const auto& m : store::list_members(ex.db(), e.id))
        if (m.account_id == account) return m.name;
    return {};
}

namespace {

struct RoundFacts {
    EvaluationSettings settings;
    RoundState state = RoundState::open;
    AssignmentInstance instance;
    store::StoredAssignment stored;
    AdjustmentState adjustment() const { return {state == RoundState::closed, stored.published}; }
};

RoundFacts round_facts(Exchange& ex, const store::Edition& e) {
    // One change to an edition's assignment at a time (the row lock holds until commit),
    // so two officers removing at once cannot both take a proposal below its minimum.
    if (ex.writing()) store::lock_throttle(ex.db(), "assignment:" + to_string(e.id), ex.now());
    RoundFacts f;
    f.settings = store::evaluation_settings(ex.db(), e.id);
    f.state = round_state(f.settings, ex.now());
    f.instance = store::assignment_instance(ex.db(), e.id, f.settings);
    f.stored = store::load_assignment(ex.db(), e.id);
    return f;
}

std::string status_label(const std::string& status) {
    if (status == "submitted") return say("evaluation.submitted");
    if (status == "draft") return say("evaluation.draft_saved");
    return say("evaluation.not_started");
}

}  // namespace

nlohmann::json proposal_assignment_view(Exchange& ex, const AssignmentTarget& t) {
    auto f = round_facts(ex, t.edition);
    const auto proposal = to_string(t.proposal);
    std::map<std::string, int> load;
    std::map<std::string, bool> on_proposal;
    for (const auto& a : f.stored.pairs) {
        ++load[a.evaluator];
        if (a.proposal == proposal) on_proposal[a.evaluator] = true;
    }
    std::map<AccountId, std::string> status;
    for (const auto& [account, saved] : store::evaluations_of(ex.db(), t.proposal))
        status[account] = saved.status;
    std::map<std::string, int> max_load;
    for (const auto& e : f.instance.evaluators) max_load[e.id] = e.max_load;
    nlohmann::json evaluators = nlohmann::json::array(), candidates = nlohmann::json::array();
    for (const auto& m : store::list_members(ex.db(), t.edition.id)) {
        auto id = to_string(m.account_id);
        auto group = std::string(choice_label(stakeholder_groups(), m.stakeholder_group));
        if (on_proposal[id]) {
            auto s = status[m.account_id];
            evaluators.push_back({{"account", m.account_id},
                                  {"name", m.name},
                                  {"stakeholder_group", m.stakeholder_group},
                                  {"stakeholder_group_label", group},
                                  {"status", s.empty() ? "not_started" : s},
                                  {"status_label", status_label(s)},
                                  {"submitted", s == "submitted"}});
        } else {
            candidates.push_back({{"account", m.account_id},
                                  {"name", m.name},
                                  {"stakeholder_group", m.stakeholder_group},
                                  {"stakeholder_group_label", group},
                                  {"load", load[id]},
                                  {"max_load", max_load[id]}});
        }
    }
    return {{"proposal", t.proposal},
            {"number", t.number},
            {"title", t.title},
            {"theme", t.theme},
            {"published", f.stored.published},
            {"round",
             {{"state", std::string(round_state_code(f.state))},
              {"sentence", round_state_sentence(f.settings, f.state, t.edition.time_zone)},
              {"closed", f.state == RoundState::closed}}},
            {"per_proposal", f.settings.per_proposal},
            {"minimum", minimum_evaluators(f.settings.per_proposal)},
            {"evaluators", evaluators},
            {"candidates", candidates}};
}

std::optional<Refusal> add_evaluator(Exchange& ex, const AssignmentTarget& t, AccountId account) {
    auto f = round_facts(ex, t.edition);
    if (auto refused = check_addition(f.instance, f.stored.pairs, to_string(account),
                                      to_string(t.proposal), f.adjustment()))
        return refused;
    store::add_assignment(ex.db(), t.edition.id, {to_string(account), to_string(t.proposal)},
                          ex.now());
    // The member hears of the new proposal as they heard of their list.
    for (const auto& m : store::list_members(ex.db(), t.edition.id)) {
        if (m.account_id != account) continue;
        auto mail = mail_from_template(
            "evaluation_added",
            {{"number", t.number},
             {"edition", t.edition.name},
             {"name", m.name},
             {"round", round_state_sentence(f.settings, f.state, t.edition.time_zone)},
             {"link",
              ex.app.config().base_url + "/editions/" + to_string(t.edition.id) + "/evaluations"}});
        mail.recipient = m.email;
        mail.dedupe_key =
            "evaluation_added:" + to_string(t.proposal) + ":" + to_string(account) + ":" + ex.now();
        store::enqueue_mail(ex.db(), mail, ex.now());
    }
    ex.audit("evaluation.assignment.add", "proposal " + to_string(t.proposal),
             {{"account", account}, {"member", member_name(ex, t.edition, account)}});
    return std::nullopt;
}

Removal remove_evaluator(Exchange& ex, const AssignmentTarget& t, AccountId account,
                         bool confirmed) {
    auto f = round_facts(ex, t.edition);
    auto saved = store::load_evaluation(ex.db(), t.proposal, account);
    Removal out;
    out.refused =
        check_removal(f.instance, f.stored.pairs, to_string(account), to_string(t.proposal),
                      f.adjustment(), saved.status == "submitted", confirmed);
    if (out.refused) return out;
    out.discarded_evaluation = store::remove_assignment(ex.db(), t.proposal, account);
    // The discarded evaluation stays readable in the audit log, for the record.
    ex.audit("evaluation.assignment.remove", "proposal " + to_string(t.proposal),
             {{"account", account},
              {"member", member_name(ex, t.edition, account)},
              {"discarded_evaluation", out.discarded_evaluation},
              {"status", saved.status},
              {"evaluation", saved.version ? to_json(saved.evaluation) : nlohmann::json()}});
    return out;
}

}  // namespace convene::web
