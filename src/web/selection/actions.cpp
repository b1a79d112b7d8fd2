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

nlohmann::json selection_instance(Exchange& ex, const store::Edition& e,
                                  const store::SynthesisSettings& s) {
    std::map<ProposalId, const ProgrammeProposal*> by_id;
    auto people = edition_proposals(ex, e);
    const auto& proposals = *people;
    for (const auto& p : proposals) by_id[p.id] = &p;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& row : ranking(ex, e, s)) {
        auto it = by_id.find(row.proposal);
        if (it == by_id.end()) continue;
        const auto* main = main_organiser(*it->second);
        nlohmann::json attributes = nlohmann::json::object();
        std::string organisation;
        if (main) {
            attributes = {{"regional_group", main->regional_group},
                          {"stakeholder_group", main->stakeholder_group},
                          {"developing", main->developing},
                          {"first_time", main->first_time}};
            organisation = main->organisation;
        }
        list.push_back({{"id", row.number},
                        {"score", row.score},
                        {"theme", row.theme},
                        {"organisation", organisation},
                        {"attributes", attributes}});
    }
    nlohmann::json instance = s.rules.is_object() ? s.rules : nlohmann::json::object();
    instance["slots"] = s.plan.workshop_slots();
    instance["proposals"] = list;
    return instance;
}

nlohmann::json make_selection(Exchange& ex, const store::Edition& e) {
    auto s = store::synthesis_settings(ex.db(), e.id);
    auto instance = selection_instance(ex, e, s);
    SelectionResult result;
    try {
        result = select_proposals(selection_instance_from_json(instance));
    } catch (const InputError& bad) {  // a forced proposal since withdrawn
        throw http::unprocessable({{"rules", bad.field() + ": " + bad.message()}});
    }
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
    // The instance names proposals by number, so every id the result gives is one.
    auto numbers = [](const std::vector<nlohmann::json>& ids) {
        std::vector<long long> out;
        for (const auto& id : ids) out.push_back(id.get<long long>());
        return out;
    };
    store::StoredSelection stored;
    stored.rules = instance;
    stored.rules.erase("proposals");
    stored.rules.erase("slots");
    stored.slots = s.plan.workshop_slots();
    stored.rank_by = s.rank_by;
    stored.selected = numbers(result.selected);
    stored.total_score = result.total_score;
    for (const auto& b : result.binding)
        stored.binding.push_back({b["constraint"], b["words"], b["selected"], b["at"]});
    stored.entered = numbers(result.entered);
    stored.left = numbers(result.left);
    for (const auto& [number, sentences] : result.why.items())
        stored.why[std::stoll(number)] = sentences.get<std::vector<std::string>>();
    for (const auto& [number, list] : result.causes.items())
        stored.causes[std::stoll(number)] = list;
    for (auto number : stored.selected) stored.selected_proposals.push_back(id_of[number]);
    store::save_selection(ex.db(), e.id, stored,
                          ex.account() ? std::optional{ex.account()->id} : std::nullopt, ex.now());
    ex.audit("selection.make", "edition " + to_string(e.id),
             {{"slots", stored.slots},
              {"selected", result.selected.size()},
              {"total_score", result.total_score}});
    return selection_view(ex, e);
}

namespace {

// A count the Secretariat wrote into the rules, as written.
std::string count_words(const nlohmann::json& n) {
    return n.is_number_integer() ? std::to_string(n.get<long long>()) : n.dump();
}

}  // namespace

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
    auto rules = c.rules;
    rules["slots"] = c.slots;
    nlohmann::json selected = nlohmann::json::array(), entered = nlohmann::json::array(),
                   left = nlohmann::json::array(), binding = nlohmann::json::array();
    for (auto n : c.selected) selected.push_back(about(n));
    auto with_why = [&](long long n) {
        auto j = about(n);
        std::string why;
        if (auto w = c.why.find(n); w != c.why.end())
            for (const auto& sentence : w->second) why += (why.empty() ? "" : "; ") + sentence;
        j["why"] = why;
        return j;
    };
    for (auto n : c.entered) entered.push_back(with_why(n));
    for (auto n : c.left) left.push_back(with_why(n));
    std::string organisations;
    int organisation_count = 0;
    for (const auto& b : c.binding) {
        if (b.constraint.contains("max_per_organisation")) {  // one line for them all
            organisations += (organisations.empty() ? "" : ", ") +
                             b.constraint["organisation"].get<std::string>();
            ++organisation_count;
            continue;
        }
        binding.push_back(
            {{"words", b.words}, {"selected", b.selected}, {"constraint", b.constraint}});
    }
    if (organisation_count > 0)
        binding.push_back(
            {{"words", say("selection.binding.per_organisation",
                           {{"most", count_words(rules["max_per_organisation"])},
                            {"count", organisation_count},
                            {"organisations", organisations}})},
             {"selected", organisation_count},
             {"constraint", {{"max_per_organisation", rules["max_per_organisation"]}}}});
    nlohmann::json rules_words = nlohmann::json::array();
    rules_words.push_back(selection_rule_words({{"slots", c.slots}}));
    if (rules.contains("constraints"))
        for (const auto& k : rules["constraints"]) rules_words.push_back(selection_rule_words(k));
    if (rules.contains("max_per_organisation") && !rules["max_per_organisation"].is_null())
        rules_words.push_back(say("selection.rules.per_organisation",
                                  {{"most", count_words(rules["max_per_organisation"])}}));
    for (const char* forced : {"forced_in", "forced_out"})
        if (rules.contains(forced))
            for (const auto& n : rules[forced])
                rules_words.push_back(selection_rule_words({{forced, n}}));
    if (rules.contains("merged"))
        for (const auto& m : rules["merged"])
            rules_words.push_back(say("selection.rules.merged", {{"first", count_words(m[0])},
                                                                 {"second", count_words(m[1])}}));
    return {{"made_at", c.made_at}, {"rank_by", c.rank_by},       {"slots", c.slots},
            {"rules", rules},       {"rules_words", rules_words}, {"total_score", c.total_score},
            {"selected", selected}, {"binding", binding},         {"entered", entered},
            {"left", left}};
}

}  // namespace convene::web
