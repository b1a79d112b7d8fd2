#include "core/selection/selection.hpp"

#include <Cbc_C_Interface.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <stdexcept>

#include "core/common/field_error.hpp"
#include "core/common/messages.hpp"

namespace convene {

namespace {

[[noreturn]] void bad(const std::string& where, const std::string& what) {
    throw InputError(where, what);
}

std::string id_text(const nlohmann::json& id) {
    return id.is_string() ? id.get<std::string>() : id.dump();
}

// Numbers before texts, numbers by value, texts by text.
bool lower_id(const nlohmann::json& a, const nlohmann::json& b) {
    if (a.is_number() != b.is_number()) return a.is_number();
    if (a.is_number()) return a.get<double>() < b.get<double>();
    return a.get<std::string>() < b.get<std::string>();
}

std::optional<int> bound(const nlohmann::json& c, const char* name, const std::string& where) {
    if (!c.contains(name) || c[name].is_null()) return std::nullopt;
    if (!c[name].is_number_integer() || c[name].get<long long>() < 0 ||
        c[name].get<long long>() > 1000000)
        bad(where + "." + name, say("selection.input.bound"));
    return c[name].get<int>();
}

}  // namespace

SelectionInstance selection_instance_from_json(const nlohmann::json& j) {
    if (!j.is_object()) bad("instance", say("selection.input.instance"));
    SelectionInstance in;
    if (!j.contains("slots") || !j["slots"].is_number_integer() ||
        j["slots"].get<long long>() < 0 || j["slots"].get<long long>() > 1000000)
        bad("slots", say("selection.input.slots"));
    in.slots = static_cast<int>(std::min<long long>(j["slots"].get<long long>(), 1000000));
    if (j.contains("max_per_organisation") && !j["max_per_organisation"].is_null()) {
        if (!j["max_per_organisation"].is_number_integer() ||
            j["max_per_organisation"].get<long long>() < 1 ||
            j["max_per_organisation"].get<long long>() > 1000000)
            bad("max_per_organisation", say("selection.input.max_per_organisation"));
        in.max_per_organisation = j["max_per_organisation"].get<int>();
    }
    if (!j.contains("proposals") || !j["proposals"].is_array())
        bad("proposals", say("selection.input.proposals"));
    std::set<std::string> ids;
    for (std::size_t i = 0; i < j["proposals"].size(); ++i) {
        const auto& p = j["proposals"][i];
        auto where = "proposals[" + std::to_string(i) + "]";
        if (!p.is_object()) bad(where, say("selection.input.object"));
        if (!p.contains("id") || !(p["id"].is_number() || p["id"].is_string()) ||
            (p["id"].is_string() && p["id"].get<std::string>().empty()))
            bad(where + ".id", say("selection.input.id"));
        if (!ids.insert(id_text(p["id"])).second)
            bad(where + ".id", say("selection.input.id_twice", {{"id", id_text(p["id"])}}));
        if (!p.contains("score") || !p["score"].is_number() ||
            !std::isfinite(p["score"].get<double>()))
            bad(where + ".score", say("selection.input.score"));
        SelectionInstance::Proposal proposal;
        proposal.id = p["id"];
        proposal.score = p["score"].get<double>();
        for (const char* name : {"theme", "organisation"})
            if (p.contains(name) && !p[name].is_null()) {
                if (!p[name].is_string()) bad(where + "." + name, say("selection.input.text"));
                (std::string(name) == "theme" ? proposal.theme : proposal.organisation) = p[name];
            }
        if (p.contains("attributes") && !p["attributes"].is_null()) {
            if (!p["attributes"].is_object())
                bad(where + ".attributes", say("selection.input.object"));
            proposal.attributes = p["attributes"];
        }
        in.proposals.push_back(std::move(proposal));
    }
    auto known = [&](const nlohmann::json& id, const std::string& where) {
        if (!(id.is_number() || id.is_string()) || !ids.count(id_text(id)))
            bad(where, say("selection.input.unknown_id", {{"id", id.dump()}}));
        return id;
    };
    if (j.contains("constraints") && !j["constraints"].is_null()) {
        if (!j["constraints"].is_array()) bad("constraints", say("selection.input.constraints"));
        for (std::size_t i = 0; i < j["constraints"].size(); ++i) {
            const auto& c = j["constraints"][i];
            auto where = "constraints[" + std::to_string(i) + "]";
            if (!c.is_object()) bad(where, say("selection.input.object"));
            SelectionInstance::Constraint constraint;
            constraint.given = c;
            if (c.contains("theme")) {
                if (!c["theme"].is_string()) bad(where + ".theme", say("selection.input.text"));
                constraint.theme = c["theme"];
            } else if (c.contains("attribute") && c["attribute"].is_string() &&
                       !c["attribute"].get<std::string>().empty()) {
                constraint.attribute = c["attribute"];
                if (!c.contains("value"))
                    bad(where + ".value", say("selection.input.value_missing"));
                constraint.value = c["value"];
            } else {
                bad(where, say("selection.input.neither_attribute_nor_theme"));
            }
            constraint.min = bound(c, "min", where);
            constraint.max = bound(c, "max", where);
            if (!constraint.min && !constraint.max) bad(where, say("selection.input.no_bound"));
            if (constraint.min && constraint.max && *constraint.min > *constraint.max)
                bad(where, say("selection.input.min_above_max"));
            in.constraints.push_back(std::move(constraint));
        }
    }
    for (const char* name : {"forced_in", "forced_out"}) {
        if (!j.contains(name) || j[name].is_null()) continue;
        if (!j[name].is_array()) bad(name, say("selection.input.id_list"));
        for (std::size_t i = 0; i < j[name].size(); ++i)
            (std::string(name) == "forced_in" ? in.forced_in : in.forced_out)
                .push_back(known(j[name][i], std::string(name) + "[" + std::to_string(i) + "]"));
    }
    if (j.contains("merged") && !j["merged"].is_null()) {
        if (!j["merged"].is_array()) bad("merged", say("selection.input.merged"));
        std::set<std::string> paired;
        for (std::size_t i = 0; i < j["merged"].size(); ++i) {
            const auto& pair = j["merged"][i];
            auto where = "merged[" + std::to_string(i) + "]";
            if (!pair.is_array() || pair.size() != 2) bad(where, say("selection.input.pair"));
            auto a = known(pair[0], where), b = known(pair[1], where);
            if (id_text(a) == id_text(b)) bad(where, say("selection.input.merged_with_itself"));
            for (const auto& id : {a, b})
                if (!paired.insert(id_text(id)).second)
                    bad(where, say("selection.input.merged_twice", {{"id", id_text(id)}}));
            in.merged.emplace_back(a, b);
        }
    }
    return in;
}

namespace {

struct Unit {
    std::vector<std::size_t> members;  // indexes into proposals
    long long points = 0;              // score x 10000, rounded
    double score = 0;
    std::string theme, organisation;
    std::vector<std::pair<std::string, nlohmann::json>> values;  // attribute values
    int place = 0;                                               // rank by lower id
};

// One bound on the number of chosen units among `units`: lo <= count <= hi.
struct Rule {
    nlohmann::json name;
    std::vector<int> units;
    int lo = 0, hi = 0;
    bool forced = false;
};

std::vector<Unit> units_of(const SelectionInstance& in) {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < in.proposals.size(); ++i) index[id_text(in.proposals[i].id)] = i;
    std::vector<bool> in_pair(in.proposals.size(), false);
    std::vector<Unit> units;
    auto add = [&](std::vector<std::size_t> members) {
        Unit u;
        double total = 0;
        for (auto m : members) {
            total += in.proposals[m].score;
            for (const auto& [name, value] : in.proposals[m].attributes.items())
                if (std::find(u.values.begin(), u.values.end(), std::pair{name, value}) ==
                    u.values.end())
                    u.values.emplace_back(name, value);
        }
        u.score = total / static_cast<double>(members.size());
        u.points = std::llround(u.score * 10000);
        u.theme = in.proposals[members[0]].theme;
        u.organisation = in.proposals[members[0]].organisation;
        u.members = std::move(members);
        units.push_back(std::move(u));
    };
    for (const auto& [a, b] : in.merged) {
        auto ia = index.at(id_text(a)), ib = index.at(id_text(b));
        in_pair[ia] = in_pair[ib] = true;
        add({ia, ib});
    }
    for (std::size_t i = 0; i < in.proposals.size(); ++i)
        if (!in_pair[i]) add({i});
    // Places by the lowest id among a unit's members.
    auto lowest = [&](const Unit& u) {
        const nlohmann::json* best = &in.proposals[u.members[0]].id;
        for (auto m : u.members)
            if (lower_id(in.proposals[m].id, *best)) best = &in.proposals[m].id;
        return best;
    };
    std::vector<int> order(units.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return lower_id(*lowest(units[a]), *lowest(units[b])); });
    for (std::size_t r = 0; r < order.size(); ++r) units[order[r]].place = static_cast<int>(r);
    return units;
}

std::vector<Rule> rules_of(const SelectionInstance& in, const std::vector<Unit>& units) {
    std::vector<Rule> rules;
    const int n = static_cast<int>(units.size());
    Rule slots{{{"slots", in.slots}}, {}, 0, std::min(in.slots, n), false};
    for (int u = 0; u < n; ++u) slots.units.push_back(u);
    rules.push_back(std::move(slots));
    for (const auto& c : in.constraints) {
        Rule r{c.given, {}, c.min.value_or(0), c.max.value_or(n), false};
        for (int u = 0; u < n; ++u) {
            const auto& unit = units[u];
            bool has = c.attribute.empty()
                           ? unit.theme == c.theme
                           : std::find(unit.values.begin(), unit.values.end(),
                                       std::pair{c.attribute, c.value}) != unit.values.end();
            if (has) r.units.push_back(u);
        }
        rules.push_back(std::move(r));
    }
    if (in.max_per_organisation) {
        std::map<std::string, std::vector<int>> by_organisation;
        for (int u = 0; u < n; ++u)
            if (!units[u].organisation.empty()) by_organisation[units[u].organisation].push_back(u);
        for (auto& [organisation, list] : by_organisation)
            if (static_cast<int>(list.size()) > *in.max_per_organisation)
                rules.push_back({{{"max_per_organisation", *in.max_per_organisation},
                                  {"organisation", organisation}},
                                 std::move(list),
                                 0,
                                 *in.max_per_organisation,
                                 false});
    }
    auto unit_of = [&](const nlohmann::json& id) {
        for (int u = 0; u < n; ++u)
            for (auto m : units[u].members)
                if (id_text(in.proposals[m].id) == id_text(id)) return u;
        return -1;
    };
    for (const auto& id : in.forced_in)
        rules.push_back({{{"forced_in", id}}, {unit_of(id)}, 1, 1, true});
    for (const auto& id : in.forced_out)
        rules.push_back({{{"forced_out", id}}, {unit_of(id)}, 0, 0, true});
    return rules;
}

// Maximises the objective over binary x under the rules; nullopt when infeasible.
std::optional<std::vector<char>> solve(
    int n, const std::vector<const Rule*>& rules, const std::vector<double>& objective,
    std::optional<std::pair<std::vector<double>, double>> at_least = {}) {
    for (const auto* r : rules)
        if (r->lo > static_cast<int>(r->units.size()) || r->lo > r->hi) return std::nullopt;
    if (n == 0) return std::vector<char>{};
    std::unique_ptr<Cbc_Model, void (*)(Cbc_Model*)> model(Cbc_newModel(), Cbc_deleteModel);
    Cbc_setLogLevel(model.get(), 0);
    for (int u = 0; u < n; ++u)
        Cbc_addCol(model.get(), "", 0.0, 1.0, objective[u], 1, 0, nullptr, nullptr);
    std::vector<double> ones;
    for (const auto* r : rules) {
        const int size = static_cast<int>(r->units.size());
        if (size == 0) continue;
        ones.assign(r->units.size(), 1.0);
        if (r->lo == r->hi)
            Cbc_addRow(model.get(), "", size, r->units.data(), ones.data(), 'E', r->lo);
        else {
            if (r->lo > 0)
                Cbc_addRow(model.get(), "", size, r->units.data(), ones.data(), 'G', r->lo);
            if (r->hi < size)
                Cbc_addRow(model.get(), "", size, r->units.data(), ones.data(), 'L', r->hi);
        }
    }
    if (at_least) {
        std::vector<int> all(n);
        std::iota(all.begin(), all.end(), 0);
        Cbc_addRow(model.get(), "", n, all.data(), at_least->first.data(), 'G', at_least->second);
    }
    Cbc_setObjSense(model.get(), -1);
    Cbc_setAllowableGap(model.get(), 0.5);  // objectives are whole numbers
    Cbc_setAllowableFractionGap(model.get(), 0);
    Cbc_solve(model.get());
    if (!Cbc_isProvenOptimal(model.get())) return std::nullopt;
    const double* x = Cbc_getColSolution(model.get());
    std::vector<char> chosen(n);
    for (int u = 0; u < n; ++u) chosen[u] = x[u] > 0.5;
    return chosen;
}

bool feasible(int n, const std::vector<const Rule*>& rules) {
    return solve(n, rules, std::vector<double>(n, 0.0)).has_value();
}

}  // namespace

namespace {

void explain(const SelectionInstance& in, const std::vector<Unit>& units,
             const std::vector<Rule>& rules, const std::vector<char>& chosen,
             SelectionResult& out) {
    const int n = static_cast<int>(units.size());
    auto ids_of = [&](int u) {
        std::vector<nlohmann::json> ids;
        for (auto m : units[u].members) ids.push_back(in.proposals[m].id);
        return ids;
    };
    std::vector<std::vector<const Rule*>> tight_min(n), tight_max(n);
    long long weakest = std::numeric_limits<long long>::max();
    for (int u = 0; u < n; ++u)
        if (chosen[u]) weakest = std::min(weakest, units[u].points);
    for (const auto& r : rules) {
        int count = 0;
        for (int u : r.units) count += chosen[u];
        const int size = static_cast<int>(r.units.size());
        bool at_min = !r.forced && r.lo > 0 && count == r.lo;
        bool at_max = !r.forced && r.hi < size && count == r.hi;
        // An organisation at its limit binds only when it holds back a unit that scores
        // above the weakest chosen one; otherwise every organisation with a session would.
        if (at_max && r.name.contains("organisation"))
            at_max = std::any_of(r.units.begin(), r.units.end(),
                                 [&](int u) { return !chosen[u] && units[u].points > weakest; });
        if (!at_min && !at_max) continue;
        out.binding.push_back({{"constraint", r.name},
                               {"words", selection_rule_words(r.name)},
                               {"selected", count},
                               {"at", at_min ? "min" : "max"}});
        for (int u : r.units) (at_min ? tight_min : tight_max)[u].push_back(&r);
    }
    // The plain cut-off: the best `slots` units by score, then lower id.
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        if (units[a].points != units[b].points) return units[a].points > units[b].points;
        return units[a].place < units[b].place;
    });
    std::vector<char> cutoff(n, 0);
    for (int r = 0; r < std::min(in.slots, n); ++r) cutoff[order[r]] = 1;
    for (int u : order) {
        if (chosen[u] == cutoff[u]) continue;
        std::vector<std::string> why;
        nlohmann::json causes = nlohmann::json::array();
        for (const auto& r : rules)
            if (r.forced && r.units == std::vector<int>{u}) {
                why.push_back(std::string(r.lo == 1 ? "forced in" : "forced out") + " by the MAG");
                causes.push_back({{"cause", r.lo == 1 ? "forced_in" : "forced_out"}});
            }
        for (const auto* r : chosen[u] ? tight_min[u] : tight_max[u]) {
            why.push_back((chosen[u] ? "needed for: " : "held back by: ") +
                          selection_rule_words(r->name));
            causes.push_back(
                {{"cause", chosen[u] ? "needed_for" : "held_back_by"}, {"rule", r->name}});
        }
        // The slots hold back every proposal left out; say so only when nothing else does.
        if (why.size() > 1) {
            why.erase(std::remove_if(why.begin(), why.end(),
                                     [](const std::string& w) {
                                         return w.find("the slots available") != std::string::npos;
                                     }),
                      why.end());
            nlohmann::json kept = nlohmann::json::array();
            for (const auto& c : causes)
                if (!(c.contains("rule") && c["rule"].contains("slots"))) kept.push_back(c);
            causes = kept;
        }
        if (why.empty()) {
            why.push_back(chosen[u] ? "takes a place freed by the constraints"
                                    : "displaced by proposals the constraints need");
            causes.push_back({{"cause", chosen[u] ? "freed" : "displaced"}});
        }
        for (const auto& id : ids_of(u)) {
            (chosen[u] ? out.entered : out.left).push_back(id);
            out.why[id_text(id)] = why;
            out.causes[id_text(id)] = causes;
        }
    }
}

}  // namespace

SelectionResult select_proposals(const SelectionInstance& in) {
    SelectionResult out;
    auto units = units_of(in);
    auto rules = rules_of(in, units);
    const int n = static_cast<int>(units.size());
    std::vector<const Rule*> all;
    for (const auto& r : rules) all.push_back(&r);
    std::vector<double> points(n), places(n);
    for (int u = 0; u < n; ++u) {
        points[u] = static_cast<double>(units[u].points);
        places[u] = -static_cast<double>(units[u].place + 1);
    }
    auto best = solve(n, all, points);
    if (!best) {
        // A deletion filter: drop each rule whose absence keeps the rest infeasible; what
        // stays is a smallest set that cannot hold together.
        out.feasible = false;
        std::vector<const Rule*> conflict = all;
        for (std::size_t i = 0; i < conflict.size();) {
            auto without = conflict;
            without.erase(without.begin() + static_cast<long>(i));
            if (!feasible(n, without))
                conflict = std::move(without);
            else
                ++i;
        }
        for (const auto* r : conflict) out.infeasible.push_back(r->name);
        return out;
    }
    if (n > 0) {
        // Among selections of the best total, the one with the lowest places.
        double total = 0;
        for (int u = 0; u < n; ++u) total += (*best)[u] * points[u];
        if (auto tied = solve(n, all, places, std::pair{points, total - 0.5})) best = tied;
    }
    long long points_total = 0;
    for (int u = 0; u < n; ++u)
        if ((*best)[u]) {
            points_total += units[u].points;
            for (auto m : units[u].members) out.selected.push_back(in.proposals[m].id);
        }
    std::sort(out.selected.begin(), out.selected.end(), lower_id);
    out.total_score = static_cast<double>(points_total) / 10000.0;
    explain(in, units, rules, *best, out);
    return out;
}

nlohmann::json to_json(const SelectionResult& r) {
    if (!r.feasible) return {{"infeasible", r.infeasible}};
    return {{"selected", r.selected},
            {"total_score", r.total_score},
            {"binding", r.binding},
            {"versus_cutoff", {{"entered", r.entered}, {"left", r.left}, {"why", r.why}}}};
}

}  // namespace convene
