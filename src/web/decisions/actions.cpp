// The MAG's decisions: one per proposal, versioned against two editors at once;
// decisions recorded from the selection in one step; conditional acceptances confirmed
// after their date; the speaker rule; and the proposers' messages, queued once per
// recipient and decision version (message_actions.cpp).
#include "web/decisions/actions.hpp"

#include <algorithm>
#include <map>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/decisions/selection_reason.hpp"
#include "core/policy/policy.hpp"
#include "http/error.hpp"
#include "store/evaluation/evaluations.hpp"
#include "store/proposals/proposals.hpp"
#include "web/decisions/message_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/synthesis/actions.hpp"

namespace convene::web {

DecisionTarget decision_target(Exchange& ex, ProposalId proposal) {
    auto edition = store::edition_of_proposal(ex.db(), proposal);
    if (!edition)
        throw http::not_found(say("decisions.no_such_proposal", {{"number", to_string(proposal)}}));
    if (ex.params.has("edition") && ex.params.id<EditionId>("edition") != *edition)
        throw http::not_found(say("decisions.proposal_not_in_edition"));
    auto e = store::find_edition(ex.db(), *edition);
    ex.require(policy::may_manage_edition(ex.actor(), e->id), say("policy.secretariat_only"));
    return {*e, proposal, store::load_decision(ex.db(), proposal)};
}

namespace {

struct EditionFacts {
    std::vector<std::string> themes;
    std::vector<long long> numbers;
    std::map<ProposalId, store::SheetProposal> proposals;
};

EditionFacts facts_of(Exchange& ex, EditionId edition) {
    EditionFacts f;
    for (const auto& t : store::list_themes(ex.db(), edition)) f.themes.push_back(t.name);
    for (auto& p : store::sheet_proposals(ex.db(), edition)) {
        f.numbers.push_back(p.number);
        f.proposals[p.proposal] = p;
    }
    return f;
}

std::string today(Exchange& ex) {
    return ex.now().substr(0, 10);
}

}  // namespace

std::int64_t record_decision(Exchange& ex, const DecisionTarget& t, const Decision& d,
                             std::int64_t expected_version) {
    auto facts = facts_of(ex, t.edition.id);
    auto p = facts.proposals.find(t.proposal);
    if (p == facts.proposals.end()) throw http::conflict(say("decisions.proposal_not_eligible"));
    throw_if_invalid(
        check_decision(d, facts.themes, p->second.theme, facts.numbers, p->second.number));
    auto saved = store::save_decision(ex.db(), t.edition.id, t.proposal, d, expected_version,
                                      ex.account() ? std::optional{ex.account()->id} : std::nullopt,
                                      ex.now());
    if (!saved) {
        auto current = store::load_decision(ex.db(), t.proposal);
        throw http::conflict(say("decisions.edit_conflict",
                                 {{"decision", decision_label(effective_kind(current.decision))},
                                  {"version", current.version}}));
    }
    ex.audit("decision.record", "proposal " + to_string(t.proposal),
             {{"decision", to_json(d)}, {"version", *saved}});
    // The proposer never gets two contradictory mails: a message still waiting is replaced.
    replace_unsent_messages(ex, t.edition, t.proposal);
    return *saved;
}

std::int64_t confirm_decision(Exchange& ex, const DecisionTarget& t, const std::string& outcome,
                              std::int64_t expected_version) {
    const auto& d = t.stored.decision;
    if (t.stored.version == 0 || d.kind != "conditional")
        throw http::conflict(say("decisions.confirm.not_conditional"));
    if (outcome != "accepted" && outcome != "declined")
        throw http::unprocessable({{"outcome", say("decisions.confirm.outcome_invalid")}});
    if (today(ex) <= d.due_date)
        throw http::conflict(say("decisions.confirm.not_due", {{"due_date", d.due_date}}));
    auto confirmed = d;
    confirmed.outcome = outcome;
    return record_decision(ex, t, confirmed, expected_version);
}

namespace {

// What the stored selection says about each proposal, by number: forced, merged, versus
// the cut-off and why.
SelectionStanding standing_in(const store::StoredSelection& sel, long long number, bool selected,
                              double score, const std::map<long long, double>& score_of) {
    SelectionStanding st;
    st.selected = selected;
    st.score = score;
    st.slots = sel.slots;
    const SelectionKey key{number};
    auto listed = [&](const std::vector<SelectionKey>& keys) {
        return std::find(keys.begin(), keys.end(), key) != keys.end();
    };
    st.forced_in = listed(sel.rules.forced_in);
    st.forced_out = listed(sel.rules.forced_out);
    for (const auto& [a, b] : sel.rules.merged) {
        if (!a.is_number() || !b.is_number() || (a != key && b != key)) continue;
        auto other = (a == key ? b : a).number();
        st.merged_with = other;
        if (auto o = score_of.find(other); o != score_of.end())
            st.joint_score = (score + o->second) / 2;
    }
    st.entered = std::find(sel.entered.begin(), sel.entered.end(), number) != sel.entered.end();
    st.left = std::find(sel.left.begin(), sel.left.end(), number) != sel.left.end();
    if (auto c = sel.causes.find(number); c != sel.causes.end()) st.causes = c->second;
    for (const auto& b : sel.binding)
        if (b.at_min) st.binding_minimums.push_back(selection_rule_words(b.rule));
    return st;
}

}  // namespace

int decide_from_selection(Exchange& ex, const store::Edition& e) {
    auto stored = store::load_selection(ex.db(), e.id);
    if (!stored) throw http::conflict(say("decisions.from_selection.no_selection"));
    std::set<long long> selected(stored->selected.begin(), stored->selected.end());
    auto s = store::synthesis_settings(ex.db(), e.id);
    std::set<ProposalId> decided;
    for (const auto& d : store::list_decisions(ex.db(), e.id)) decided.insert(d.proposal);
    auto ranked = ranking(ex, e, s);
    std::map<long long, double> score_of;
    for (const auto& row : ranked) score_of[row.number] = row.score;
    int recorded = 0;
    for (const auto& row : ranked) {
        if (decided.count(row.proposal)) continue;
        auto implied = decision_from_selection(
            standing_in(*stored, row.number, selected.count(row.number) > 0, row.score, score_of));
        Decision d;
        d.kind = implied.kind;
        d.reason = implied.reason;
        if (store::save_decision(ex.db(), e.id, row.proposal, d, 0,
                                 ex.account() ? std::optional{ex.account()->id} : std::nullopt,
                                 ex.now()))
            ++recorded;
    }
    ex.audit("decision.from_selection", "edition " + to_string(e.id), {{"recorded", recorded}});
    return recorded;
}

nlohmann::json decisions_view(Exchange& ex, const store::Edition& e) {
    auto s = store::synthesis_settings(ex.db(), e.id);
    auto ranked = ranking(ex, e, s);
    std::map<ProposalId, store::StoredDecision> decided;
    for (auto& d : store::list_decisions(ex.db(), e.id)) decided[d.proposal] = d;
    std::set<ProposalId> selected;
    auto stored = store::load_selection(ex.db(), e.id);
    if (stored)
        selected.insert(stored->selected_proposals.begin(), stored->selected_proposals.end());
    std::map<std::string, int> counts;
    nlohmann::json rows = nlohmann::json::array(), due = nlohmann::json::array();
    const auto now = today(ex);
    for (const auto& r : ranked) {
        nlohmann::json row = {
            {"proposal", r.proposal}, {"number", r.number},
            {"title", r.title},       {"theme", r.theme},
            {"score", r.score},       {"selected", selected.count(r.proposal) > 0},
            {"decided", false}};
        auto d = decided.find(r.proposal);
        if (d != decided.end()) {
            const auto& dec = d->second.decision;
            row["decided"] = true;
            row["decision"] = to_json(dec);
            row["version"] = d->second.version;
            ++counts[effective_kind(dec)];
            if (dec.kind == "conditional" && dec.outcome.empty() && now > dec.due_date)
                due.push_back(row);
        }
        rows.push_back(std::move(row));
    }
    // The speaker rule over the programme as decided (or as drafted before decisions).
    auto programme = draft_programme(ex, e, s, ranked);
    nlohmann::json overloads = nlohmann::json::array();
    std::map<long long, std::string> title_of;
    for (const auto& r : ranked) title_of[r.number] = r.title;
    for (const auto& o :
         speaker_rule(*edition_proposals(ex, e), programme.ids, s.max_sessions_per_person)) {
        nlohmann::json sessions = nlohmann::json::array();
        for (auto n : o.numbers) sessions.push_back({{"number", n}, {"title", title_of[n]}});
        overloads.push_back(
            {{"name", o.name}, {"count", o.numbers.size()}, {"sessions", sessions}});
    }
    nlohmann::json summary = nlohmann::json::array();
    for (const auto& k : decision_kinds())
        summary.push_back({{"kind", k.code}, {"label", k.label}, {"count", counts[k.code]}});
    return {{"proposals", rows},
            {"summary", summary},
            {"has_selection", stored.has_value()},
            {"conditional_due", due},
            {"max_sessions_per_person", s.max_sessions_per_person},
            {"programme_source", programme.source},
            {"speaker_rule", overloads},
            {"results_published_at", store::results_published_at(ex.db(), e.id)}};
}

}  // namespace convene::web
