// The selection under quotas from the database: the instance built from the ranking and
// the proposals' main organisers, the exact selection (core/selection), stored only when
// every rule can hold, and its explanation in words.
#include "web/selection/actions.hpp"

#include <map>

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
    std::map<std::string, const ProgrammeProposal*> by_id;
    auto people = edition_proposals(ex, e);
    const auto& proposals = *people;
    for (const auto& p : proposals) by_id[p.id] = &p;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& row : ranking(ex, e, s)) {
        auto it = by_id.find(std::to_string(row["proposal"].get<std::int64_t>()));
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
        list.push_back({{"id", row["number"]},
                        {"score", row["score"]},
                        {"theme", row["theme"]},
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
    } catch (const std::invalid_argument& bad) {  // a forced proposal since withdrawn
        throw http::unprocessable({{"rules", bad.what()}});
    }
    if (!result.feasible) {
        FieldErrors conflicting;
        for (const auto& rule : result.infeasible)
            conflicting.push_back({"rules", selection_rule_words(rule)});
        throw http::Error(422, "The rules cannot all hold",
                          "No selection meets all of these rules together; relax one of them. "
                          "Nothing was stored.",
                          conflicting);
    }
    std::map<long long, std::int64_t> id_of;
    for (const auto& p : store::sheet_proposals(ex.db(), e.id)) id_of[p.number] = p.proposal;
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& number : result.selected) ids.push_back(id_of[number.get<long long>()]);
    auto rules = instance;
    rules.erase("proposals");
    nlohmann::json content = {{"rules", rules},
                              {"rank_by", s.rank_by},
                              {"result", to_json(result)},
                              {"selected_proposals", ids}};
    store::save_selection(ex.db(), e.id, content,
                          ex.account() ? std::optional{ex.account()->id} : std::nullopt, ex.now());
    ex.audit("selection.make", "edition " + std::to_string(e.id),
             {{"slots", rules["slots"]},
              {"selected", result.selected.size()},
              {"total_score", result.total_score}});
    return selection_view(ex, e);
}

nlohmann::json selection_view(Exchange& ex, const store::Edition& e) {
    auto stored = store::load_selection(ex.db(), e.id);
    if (!stored || !stored->content.is_object()) return nullptr;
    const auto& c = stored->content;
    std::map<long long, store::SheetProposal> by_number;
    for (auto& p : store::sheet_proposals(ex.db(), e.id)) by_number[p.number] = p;
    auto s = store::synthesis_settings(ex.db(), e.id);
    std::map<long long, double> score_of;
    for (const auto& row : ranking(ex, e, s)) score_of[row["number"]] = row["score"];
    auto about = [&](const nlohmann::json& number) {
        auto n = number.get<long long>();
        auto p = by_number.find(n);
        nlohmann::json j = {{"number", n},
                            {"title", p == by_number.end() ? "(withdrawn)" : p->second.title},
                            {"theme", p == by_number.end() ? "" : p->second.theme},
                            {"score", score_of.count(n) ? nlohmann::json(score_of[n]) : nullptr}};
        if (p != by_number.end()) j["proposal"] = p->second.proposal;
        return j;
    };
    const auto& r = c["result"];
    const auto& rules = c["rules"];
    nlohmann::json selected = nlohmann::json::array(), entered = nlohmann::json::array(),
                   left = nlohmann::json::array(), binding = nlohmann::json::array();
    for (const auto& n : r["selected"]) selected.push_back(about(n));
    auto with_why = [&](const nlohmann::json& n) {
        auto j = about(n);
        std::string why;
        auto key = n.dump();
        if (r["versus_cutoff"]["why"].contains(key))
            for (const auto& w : r["versus_cutoff"]["why"][key])
                why += (why.empty() ? "" : "; ") + w.get<std::string>();
        j["why"] = why;
        return j;
    };
    for (const auto& n : r["versus_cutoff"]["entered"]) entered.push_back(with_why(n));
    for (const auto& n : r["versus_cutoff"]["left"]) left.push_back(with_why(n));
    std::string organisations;
    int organisation_count = 0;
    for (const auto& b : r["binding"]) {
        if (b["constraint"].contains("max_per_organisation")) {  // one line for them all
            organisations += (organisations.empty() ? "" : ", ") +
                             b["constraint"]["organisation"].get<std::string>();
            ++organisation_count;
            continue;
        }
        binding.push_back(
            {{"words", b["words"]}, {"selected", b["selected"]}, {"constraint", b["constraint"]}});
    }
    if (organisation_count > 0)
        binding.push_back(
            {{"words", "at most " + rules["max_per_organisation"].dump() +
                           " per organisation, holding back proposals of " +
                           std::to_string(organisation_count) + " organisations (" + organisations +
                           ")"},
             {"selected", organisation_count},
             {"constraint", {{"max_per_organisation", rules["max_per_organisation"]}}}});
    nlohmann::json rules_words = nlohmann::json::array();
    rules_words.push_back(selection_rule_words({{"slots", rules["slots"]}}));
    if (rules.contains("constraints"))
        for (const auto& k : rules["constraints"]) rules_words.push_back(selection_rule_words(k));
    if (rules.contains("max_per_organisation") && !rules["max_per_organisation"].is_null())
        rules_words.push_back("at most " + rules["max_per_organisation"].dump() +
                              " per organisation");
    for (const char* forced : {"forced_in", "forced_out"})
        if (rules.contains(forced))
            for (const auto& n : rules[forced])
                rules_words.push_back(selection_rule_words({{forced, n}}));
    if (rules.contains("merged"))
        for (const auto& m : rules["merged"])
            rules_words.push_back("proposals " + m[0].dump() + " and " + m[1].dump() +
                                  " merged into one session");
    return {{"made_at", stored->made_at}, {"rank_by", c["rank_by"]},
            {"slots", rules["slots"]},    {"rules", rules},
            {"rules_words", rules_words}, {"total_score", r["total_score"]},
            {"selected", selected},       {"binding", binding},
            {"entered", entered},         {"left", left}};
}

}  // namespace convene::web
