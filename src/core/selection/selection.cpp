#include "core/selection/selection.hpp"

#include <Cbc_C_Interface.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <numeric>

namespace convene {

namespace {

struct Unit {
    std::vector<std::size_t> members;  // indexes into proposals
    long long points = 0;              // score x 10000, rounded
    double score = 0;
    std::string theme, organisation;
    std::vector<std::pair<std::string, AttributeValue>> values;
    int place = 0;  // rank by lower key
};

// One bound on the number of chosen units among `units`: lo <= count <= hi.
struct Rule {
    SelectionRule name;
    std::vector<int> units;
    int lo = 0, hi = 0;
    bool forced = false;
};

std::vector<Unit> units_of(const SelectionInstance& in) {
    std::map<SelectionKey, std::size_t> index;
    for (std::size_t i = 0; i < in.proposals.size(); ++i) index[in.proposals[i].id] = i;
    std::vector<bool> in_pair(in.proposals.size(), false);
    std::vector<Unit> units;
    auto add = [&](std::vector<std::size_t> members) {
        Unit u;
        double total = 0;
        for (auto m : members) {
            total += in.proposals[m].score;
            for (const auto& [name, value] : in.proposals[m].attributes)
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
    for (const auto& [a, b] : in.rules.merged) {
        auto ia = index.at(a), ib = index.at(b);
        in_pair[ia] = in_pair[ib] = true;
        add({ia, ib});
    }
    for (std::size_t i = 0; i < in.proposals.size(); ++i)
        if (!in_pair[i]) add({i});
    // Places by the lowest key among a unit's members.
    auto lowest = [&](const Unit& u) {
        const SelectionKey* best = &in.proposals[u.members[0]].id;
        for (auto m : u.members)
            if (in.proposals[m].id < *best) best = &in.proposals[m].id;
        return best;
    };
    std::vector<int> order(units.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return *lowest(units[a]) < *lowest(units[b]); });
    for (std::size_t r = 0; r < order.size(); ++r) units[order[r]].place = static_cast<int>(r);
    return units;
}

std::vector<Rule> rules_of(const SelectionInstance& in, const std::vector<Unit>& units) {
    std::vector<Rule> rules;
    const int n = static_cast<int>(units.size());
    SelectionRule slots_rule;
    slots_rule.kind = SelectionRule::Kind::slots;
    slots_rule.most = in.slots;
    Rule slots{slots_rule, {}, 0, std::min(in.slots, n), false};
    for (int u = 0; u < n; ++u) slots.units.push_back(u);
    rules.push_back(std::move(slots));
    for (const auto& c : in.rules.quotas) {
        Rule r{c, {}, c.min.value_or(0), c.max.value_or(n), false};
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
    if (const auto most = in.rules.max_per_organisation) {
        std::map<std::string, std::vector<int>> by_organisation;
        for (int u = 0; u < n; ++u)
            if (!units[u].organisation.empty()) by_organisation[units[u].organisation].push_back(u);
        for (auto& [organisation, list] : by_organisation)
            if (static_cast<int>(list.size()) > *most) {
                SelectionRule r;
                r.kind = SelectionRule::Kind::per_organisation;
                r.most = *most;
                r.organisation = organisation;
                rules.push_back({std::move(r), std::move(list), 0, *most, false});
            }
    }
    auto unit_of = [&](const SelectionKey& id) {
        for (int u = 0; u < n; ++u)
            for (auto m : units[u].members)
                if (in.proposals[m].id == id) return u;
        return -1;
    };
    auto forced = [&](SelectionRule::Kind kind, const SelectionKey& id) {
        SelectionRule r;
        r.kind = kind;
        r.proposal = id;
        bool in = kind == SelectionRule::Kind::forced_in;
        rules.push_back({std::move(r), {unit_of(id)}, in ? 1 : 0, in ? 1 : 0, true});
    };
    for (const auto& id : in.rules.forced_in) forced(SelectionRule::Kind::forced_in, id);
    for (const auto& id : in.rules.forced_out) forced(SelectionRule::Kind::forced_out, id);
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
    using Kind = SelectionCause::Kind;
    const int n = static_cast<int>(units.size());
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
        if (at_max && r.name.kind == SelectionRule::Kind::per_organisation)
            at_max = std::any_of(r.units.begin(), r.units.end(),
                                 [&](int u) { return !chosen[u] && units[u].points > weakest; });
        if (!at_min && !at_max) continue;
        out.binding.push_back({r.name, count, at_min});
        for (int u : r.units) (at_min ? tight_min : tight_max)[u].push_back(&r);
    }
    // The plain cut-off: the best `slots` units by score, then lower key.
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
        std::vector<SelectionCause> causes;
        for (const auto& r : rules)
            if (r.forced && r.units == std::vector<int>{u})
                causes.push_back({r.lo == 1 ? Kind::forced_in : Kind::forced_out, {}});
        for (const auto* r : chosen[u] ? tight_min[u] : tight_max[u])
            causes.push_back({chosen[u] ? Kind::needed_for : Kind::held_back_by, r->name});
        // The slots hold back every proposal left out; say so only when nothing else does.
        if (causes.size() > 1)
            std::erase_if(causes, [](const SelectionCause& c) {
                return c.rule && c.rule->kind == SelectionRule::Kind::slots;
            });
        if (causes.empty()) causes.push_back({chosen[u] ? Kind::freed : Kind::displaced, {}});
        for (auto m : units[u].members) {
            const auto& id = in.proposals[m].id;
            (chosen[u] ? out.entered : out.left).push_back(id);
            out.causes[id] = causes;
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
    std::sort(out.selected.begin(), out.selected.end());
    out.total_score = static_cast<double>(points_total) / 10000.0;
    explain(in, units, rules, *best, out);
    return out;
}

}  // namespace convene
