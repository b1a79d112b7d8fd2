// The selection under quotas from the database: the instance built from the ranking and
// the proposals' main organisers, the exact selection (core/selection), stored only when
// every rule can hold, and its explanation in words.
#include "web/selection/actions.hpp"

#include <map>

#include "core/common/messages.hpp"
#include "core/selection/selection.hpp"
#include "http/error.hpp"
#include "store/evaluation/evaluations.hpp"
#include "web/site/exchange.hpp"
#include "web/synthesis/actions.hpp"

namespace convene::web {

namespace {

// The main organiser: the first organiser, else the first person named.
const ProgrammePerson* main_organiser(const ProgrammeProposal& p) {
    for (const auto& person : p.people)
        if (person.role == "organiser") return &person;
    return p.people.empty() ? nullptr : &p.people.front();
}

}  // namespace

SelectionInstance selection_instance(Exchange& ex, const store::Edition& e,
                                     const store::SynthesisSettings& s) {
    std::map<ProposalId, const ProgrammeProposal*> by_id;
    auto people = edition_proposals(ex, e);
    const auto& proposals = *people;
    for (const auto& p : proposals) by_id[p.id] = &p;
    SelectionInstance instance;
    instance.slots = s.plan.workshop_slots();
    instance.rules = s.rules;
    for (const auto& row : ranking(ex, e, s)) {
        auto it = by_id.find(row.proposal);
        if (it == by_id.end()) continue;
        SelectionInstance::Proposal p;
        p.id = SelectionKey{row.number};
        p.score = row.score;
        p.theme = row.theme;
        if (const auto* main = main_organiser(*it->second)) {
            p.attributes = {{"regional_group", {main->regional_group}},
                            {"stakeholder_group", {main->stakeholder_group}},
                            {"developing", {main->developing}},
                            {"first_time", {main->first_time}}};
            p.organisation = main->organisation;
        }
        instance.proposals.push_back(std::move(p));
    }
    return instance;
}

nlohmann::json make_selection(Exchange& ex, const store::Edition& e) {
    auto s = store::synthesis_settings(ex.db(), e.id);
    auto instance = selection_instance(ex, e, s);
    try {
        check_selection_keys(instance);
    } catch (const InputError& bad) {  // a forced proposal since withdrawn
        throw http::unprocessable({{"rules", bad.field() + ": " + bad.message()}});
    }
    auto result = select_proposals(instance);
    if (!result.feasible) {
        FieldErrors conflicting;
        for (const auto& rule : result.infeasible)
            conflicting.push_back({"rules", selection_rule_words(rule)});
        throw http::Error(422, say("selection.infeasible.title"),
                          say("selection.infeasible.detail"), conflicting);
    }
    std::map<long long, ProposalId> id_of;
    for (const auto& p : store::sheet_proposals(ex.db(), e.id))
        id_of[p.number] = ProposalId{p.proposal};
    // The instance names proposals by number, so every key the result gives is one.
    auto numbers = [](const std::vector<SelectionKey>& keys) {
        std::vector<long long> out;
        for (const auto& key : keys) out.push_back(key.number());
        return out;
    };
    store::StoredSelection stored;
    stored.rules = instance.rules;
    stored.slots = s.plan.workshop_slots();
    stored.rank_by = s.rank_by;
    stored.selected = numbers(result.selected);
    stored.total_score = result.total_score;
    stored.binding = result.binding;
    stored.entered = numbers(result.entered);
    stored.left = numbers(result.left);
    for (const auto& [key, causes] : result.causes) stored.causes[key.number()] = causes;
    for (auto number : stored.selected) stored.selected_proposals.push_back(id_of[number]);
    store::save_selection(ex.db(), e.id, stored,
                          ex.account() ? std::optional{ex.account()->id} : std::nullopt, ex.now());
    ex.audit("selection.make", "edition " + to_string(e.id),
             {{"slots", stored.slots},
              {"selected", result.selected.size()},
              {"total_score", result.total_score}});
    return selection_view(ex, e);
}

nlohmann::json selection_view(Exchange& ex, const store::Edition& e) {
    auto stored = store::load_selection(ex.db(), e.id);
    if (!stored) return nullptr;
    const auto& c = *stored;
    std::map<long long, store::SheetProposal> by_number;
    for (auto& p : store::sheet_proposals(ex.db(), e.id)) by_number[p.number] = p;
    auto s = store::synthesis_settings(ex.db(), e.id);
    std::map<long long, double> score_of;
    for (const auto& row : ranking(ex, e, s)) score_of[row.number] = row.score;
    auto about = [&](long long n) {
        auto p = by_number.find(n);
        nlohmann::json j = {
            {"number", n},
            {"title", p == by_number.end() ? say("selection.withdrawn") : p->second.title},
            {"theme", p == by_number.end() ? "" : p->second.theme},
            {"score", score_of.count(n) ? nlohmann::json(score_of[n]) : nullptr}};
        if (p != by_number.end()) j["proposal"] = p->second.proposal;
        return j;
    };
    nlohmann::json selected = nlohmann::json::array(), entered = nlohmann::json::array(),
                   left = nlohmann::json::array(), binding = nlohmann::json::array();
    for (auto n : c.selected) selected.push_back(about(n));
    auto with_why = [&](long long n) {
        auto j = about(n);
        std::string why;
        if (auto w = c.causes.find(n); w != c.causes.end())
            for (const auto& sentence : cause_words(w->second))
                why += (why.empty() ? "" : "; ") + sentence;
        j["why"] = why;
        return j;
    };
    for (auto n : c.entered) entered.push_back(with_why(n));
    for (auto n : c.left) left.push_back(with_why(n));
    std::string organisations;
    int organisation_count = 0;
    int most_per_organisation = 0;
    for (const auto& b : c.binding) {
        if (b.rule.kind == SelectionRule::Kind::per_organisation) {  // one line for them all
            organisations += (organisations.empty() ? "" : ", ") + b.rule.organisation;
            most_per_organisation = b.rule.most;
            ++organisation_count;
            continue;
        }
        binding.push_back({{"words", selection_rule_words(b.rule)},
                           {"selected", b.selected},
                           {"constraint", b.rule}});
    }
    if (organisation_count > 0) {
        SelectionRule limit;
        limit.kind = SelectionRule::Kind::per_organisation;
        limit.most = most_per_organisation;
        binding.push_back({{"words", say("selection.binding.per_organisation",
                                         {{"most", most_per_organisation},
                                          {"count", organisation_count},
                                          {"organisations", organisations}})},
                           {"selected", organisation_count},
                           {"constraint", limit}});
    }
    nlohmann::json rules_words = nlohmann::json::array();
    auto words = [&](SelectionRule r) { rules_words.push_back(selection_rule_words(r)); };
    SelectionRule slots;
    slots.kind = SelectionRule::Kind::slots;
    slots.most = c.slots;
    words(slots);
    for (const auto& quota : c.rules.quotas) words(quota);
    if (c.rules.max_per_organisation)
        rules_words.push_back(
            say("selection.rules.per_organisation", {{"most", *c.rules.max_per_organisation}}));
    for (auto kind : {SelectionRule::Kind::forced_in, SelectionRule::Kind::forced_out})
        for (const auto& key :
             kind == SelectionRule::Kind::forced_in ? c.rules.forced_in : c.rules.forced_out) {
            SelectionRule forced;
            forced.kind = kind;
            forced.proposal = key;
            words(forced);
        }
    for (const auto& [first, second] : c.rules.merged)
        rules_words.push_back(say("selection.rules.merged",
                                  {{"first", to_string(first)}, {"second", to_string(second)}}));
    nlohmann::json rules = c.rules;
    rules["slots"] = c.slots;
    return {{"made_at", c.made_at}, {"rank_by", c.rank_by},       {"slots", c.slots},
            {"rules", rules},       {"rules_words", rules_words}, {"total_score", c.total_score},
            {"selected", selected}, {"binding", binding},         {"entered", entered},
            {"left", left}};
}

}  // namespace convene::web
