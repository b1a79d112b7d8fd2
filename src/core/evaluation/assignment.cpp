#include "core/evaluation/assignment.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "core/common/field_error.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/evaluation/assignment_network.hpp"

namespace convene {

namespace {

std::string text(const nlohmann::json& j, const char* name, const std::string& where,
                 bool required) {
    if (!j.contains(name) || j[name].is_null()) {
        if (required)
            throw InputError(where + "." + name,
                             say("json.member_missing", {{"name", where + "." + name}}));
        return {};
    }
    if (j[name].is_string()) return j[name].get<std::string>();
    if (j[name].is_number_integer()) return j[name].dump();
    throw InputError(where + "." + name,
                     say("json.member_not_text", {{"name", where + "." + name}}));
}

std::vector<std::string> texts(const nlohmann::json& j, const char* name,
                               const std::string& where) {
    std::vector<std::string> out;
    if (!j.contains(name) || j[name].is_null()) return out;
    if (!j[name].is_array())
        throw InputError(where + "." + name,
                         say("json.member_not_list", {{"name", where + "." + name}}));
    for (const auto& v : j[name]) {
        if (v.is_string())
            out.push_back(v.get<std::string>());
        else if (v.is_number_integer())
            out.push_back(v.dump());
        else
            throw InputError(where + "." + name,
                             say("json.member_not_ids", {{"name", where + "." + name}}));
    }
    return out;
}

const nlohmann::json& list(const nlohmann::json& j, const char* name) {
    static const nlohmann::json empty = nlohmann::json::array();
    if (!j.contains(name) || j[name].is_null()) return empty;
    if (!j[name].is_array()) throw InputError(name, say("json.member_not_list", {{"name", name}}));
    return j[name];
}

std::string folded(const std::string& s) {
    return comparison_key(s);
}

}  // namespace

int group_cap(int k) {
    return (k + 1) / 2;
}

AssignmentInstance assignment_instance_from_json(const nlohmann::json& j) {
    if (!j.is_object()) throw InputError("", say("assignment.instance.not_object"));
    AssignmentInstance in;
    if (j.contains("per_proposal")) {
        if (!j["per_proposal"].is_number_integer() || j["per_proposal"].get<int>() < 1 ||
            j["per_proposal"].get<int>() > 100)
            throw InputError("per_proposal", say("assignment.per_proposal.out_of_range"));
        in.per_proposal = j["per_proposal"].get<int>();
    }
    std::set<std::string> proposal_ids, evaluator_ids;
    const auto& proposals = list(j, "proposals");
    for (std::size_t i = 0; i < proposals.size(); ++i) {
        auto where = "proposals[" + std::to_string(i) + "]";
        const auto& p = proposals[i];
        if (!p.is_object())
            throw InputError(where, say("json.member_not_object", {{"name", where}}));
        AssignmentInstance::Proposal out{text(p, "id", where, true), text(p, "group", where, false),
                                         texts(p, "organisations", where),
                                         texts(p, "people", where)};
        if (!proposal_ids.insert(out.id).second)
            throw InputError(where + ".id",
                             say("assignment.id.twice", {{"name", where + ".id"}, {"id", out.id}}));
        in.proposals.push_back(std::move(out));
    }
    const auto& evaluators = list(j, "evaluators");
    for (std::size_t i = 0; i < evaluators.size(); ++i) {
        auto where = "evaluators[" + std::to_string(i) + "]";
        const auto& e = evaluators[i];
        if (!e.is_object())
            throw InputError(where, say("json.member_not_object", {{"name", where}}));
        AssignmentInstance::Evaluator out{
            text(e, "id", where, true), text(e, "organisation", where, false),
            text(e, "stakeholder_group", where, false), texts(e, "groups", where), 0};
        if (!e.contains("max_load") || !e["max_load"].is_number_integer() ||
            e["max_load"].get<long long>() < 0 || e["max_load"].get<long long>() > 100000)
            throw InputError(where + ".max_load", say("assignment.max_load.out_of_range",
                                                      {{"name", where + ".max_load"}}));
        out.max_load = e["max_load"].get<int>();
        if (!evaluator_ids.insert(out.id).second)
            throw InputError(where + ".id",
                             say("assignment.id.twice", {{"name", where + ".id"}, {"id", out.id}}));
        in.evaluators.push_back(std::move(out));
    }
    auto known = [&](const std::string& evaluator, const std::string& proposal,
                     const std::string& where) {
        if (!evaluator_ids.count(evaluator))
            throw InputError(
                where, say("assignment.evaluator.unknown", {{"name", where}, {"id", evaluator}}));
        if (!proposal_ids.count(proposal))
            throw InputError(
                where, say("assignment.proposal.unknown", {{"name", where}, {"id", proposal}}));
    };
    const auto& conflicts = list(j, "conflicts");
    for (std::size_t i = 0; i < conflicts.size(); ++i) {
        auto where = "conflicts[" + std::to_string(i) + "]";
        const auto& c = conflicts[i];
        if (!c.is_array() || c.size() != 2)
            throw InputError(where, say("assignment.conflict.malformed", {{"name", where}}));
        auto id = [&](const nlohmann::json& v) {
            if (v.is_string()) return v.get<std::string>();
            if (v.is_number_integer()) return v.dump();
            throw InputError(where, say("assignment.conflict.malformed", {{"name", where}}));
        };
        in.conflicts.emplace_back(id(c[0]), id(c[1]));
        known(in.conflicts.back().first, in.conflicts.back().second, where);
    }
    const auto& preferences = list(j, "preferences");
    for (std::size_t i = 0; i < preferences.size(); ++i) {
        auto where = "preferences[" + std::to_string(i) + "]";
        const auto& p = preferences[i];
        if (!p.is_object() || !p.contains("weight") || !p["weight"].is_number())
            throw InputError(where + ".weight",
                             say("assignment.weight.not_number", {{"name", where + ".weight"}}));
        AssignmentInstance::Preference out{text(p, "evaluator", where, true),
                                           text(p, "proposal", where, true),
                                           p["weight"].get<double>()};
        if (!std::isfinite(out.weight) || std::abs(out.weight) > 1e6)
            throw InputError(where + ".weight",
                             say("assignment.weight.out_of_range", {{"name", where + ".weight"}}));
        known(out.evaluator, out.proposal, where);
        in.preferences.push_back(std::move(out));
    }
    return in;
}

namespace {

// The rule, with the organisations' names already folded (comparison_key).
std::optional<Ineligible> ineligibility_folded(const AssignmentInstance::Evaluator& e,
                                               const std::string& evaluator_org,
                                               const AssignmentInstance::Proposal& p,
                                               const std::vector<std::string>& proposal_orgs) {
    if (!p.group.empty() && !e.groups.empty() &&
        std::find(e.groups.begin(), e.groups.end(), p.group) == e.groups.end())
        return Ineligible::other_issue_area;
    if (std::find(p.people.begin(), p.people.end(), e.id) != p.people.end())
        return Ineligible::named_on_proposal;
    if (!evaluator_org.empty() &&
        std::find(proposal_orgs.begin(), proposal_orgs.end(), evaluator_org) != proposal_orgs.end())
        return Ineligible::proposing_organisation;
    return std::nullopt;
}

std::vector<std::string> folded_organisations(const AssignmentInstance::Proposal& p) {
    std::vector<std::string> out;
    for (const auto& o : p.organisations) out.push_back(folded(o));
    return out;
}

}  // namespace

std::optional<Ineligible> ineligibility(const AssignmentInstance::Evaluator& e,
                                        const AssignmentInstance::Proposal& p) {
    return ineligibility_folded(e, e.organisation.empty() ? std::string() : folded(e.organisation),
                                p, folded_organisations(p));
}

bool eligible(const AssignmentInstance::Evaluator& e, const AssignmentInstance::Proposal& p) {
    return !ineligibility(e, p).has_value();
}

namespace {

using assignment_network::Candidates;
using assignment_network::PairHash;

Candidates candidates(const AssignmentInstance& in) {
    std::unordered_map<std::string, std::size_t> evaluator_index, proposal_index;
    for (std::size_t i = 0; i < in.evaluators.size(); ++i) evaluator_index[in.evaluators[i].id] = i;
    for (std::size_t i = 0; i < in.proposals.size(); ++i) proposal_index[in.proposals[i].id] = i;
    std::unordered_set<std::pair<std::size_t, std::size_t>, PairHash> conflicts;
    for (const auto& [e, p] : in.conflicts)
        conflicts.insert({evaluator_index.at(e), proposal_index.at(p)});
    // Evaluators by issue-area group; those without groups may take any proposal.
    std::map<std::string, std::vector<std::size_t>> by_group;
    std::vector<std::size_t> ungrouped, everyone;
    for (std::size_t i = 0; i < in.evaluators.size(); ++i) {
        everyone.push_back(i);
        if (in.evaluators[i].groups.empty()) ungrouped.push_back(i);
        for (const auto& g : in.evaluators[i].groups) by_group[g].push_back(i);
    }
    // Organisations compared by their folded names, each folded once (not once per pair).
    std::vector<std::string> evaluator_org(in.evaluators.size());
    for (std::size_t i = 0; i < in.evaluators.size(); ++i)
        if (!in.evaluators[i].organisation.empty())
            evaluator_org[i] = folded(in.evaluators[i].organisation);
    Candidates out;
    out.of_proposal.resize(in.proposals.size());
    for (std::size_t p = 0; p < in.proposals.size(); ++p) {
        const auto& proposal = in.proposals[p];
        auto proposal_orgs = folded_organisations(proposal);
        std::vector<std::size_t> pool;
        if (proposal.group.empty()) {
            pool = everyone;
        } else {
            auto found = by_group.find(proposal.group);
            if (found != by_group.end()) pool = found->second;
            pool.insert(pool.end(), ungrouped.begin(), ungrouped.end());
            std::sort(pool.begin(), pool.end());
            pool.erase(std::unique(pool.begin(), pool.end()), pool.end());
        }
        for (auto e : pool)
            if (!conflicts.count({e, p}) &&
                !ineligibility_folded(in.evaluators[e], evaluator_org[e], proposal, proposal_orgs))
                out.of_proposal[p].push_back(e);
    }
    for (const auto& pref : in.preferences) {
        std::pair<std::size_t, std::size_t> key{evaluator_index.at(pref.evaluator),
                                                proposal_index.at(pref.proposal)};
        out.preference[key] += std::llround(pref.weight * 1000);
    }
    return out;
}

std::string reason_unfilled(const AssignmentInstance& in, const Candidates& cand, std::size_t p,
                            int got) {
    const int k = in.per_proposal;
    const auto& pool = cand.of_proposal[p];
    if (static_cast<int>(pool.size()) < k)
        return say("assignment.unfilled.eligible", {{"count", pool.size()}});
    std::map<std::string, int> per_group;
    int reachable = 0;
    for (auto e : pool) {
        const auto& g = in.evaluators[e].stakeholder_group;
        if (g.empty() || ++per_group[g] <= group_cap(k)) ++reachable;
    }
    if (reachable < k)
        return say("assignment.unfilled.balance", {{"cap", group_cap(k)}, {"count", reachable}});
    return say("assignment.unfilled.loads", {{"got", got}, {"places", k}});
}

}  // namespace

void score_assignment(const AssignmentInstance& in, AssignmentResult& result) {
    std::unordered_map<std::string, long long> load;
    std::map<std::pair<std::string, std::string>, double> weight;
    for (const auto& pref : in.preferences) weight[{pref.evaluator, pref.proposal}] += pref.weight;
    result.filled = static_cast<long long>(result.assignments.size());
    result.preference = 0;
    for (const auto& a : result.assignments) {
        ++load[a.evaluator];
        auto w = weight.find({a.evaluator, a.proposal});
        if (w != weight.end()) result.preference += w->second;
    }
    result.load_squares = 0;
    for (const auto& [e, l] : load) result.load_squares += l * l;
}

AssignmentResult assign(const AssignmentInstance& in, std::size_t restricted_from, Parts parts) {
    const int k = in.per_proposal;
    auto cand = candidates(in);
    auto flow = assignment_network::cheapest_flow(in, cand, restricted_from, parts == Parts::apart);
    AssignmentResult result;
    std::vector<int> got(in.proposals.size(), 0);
    for (auto [e, p] : flow.pairs) {
        result.assignments.push_back({in.evaluators[e].id, in.proposals[p].id});
        ++got[p];
    }
    for (std::size_t p = 0; p < in.proposals.size(); ++p)
        if (got[p] < k)
            result.unfilled.push_back(
                {in.proposals[p].id, k - got[p], reason_unfilled(in, cand, p, got[p])});
    score_assignment(in, result);
    return result;
}

AssignmentResult reassign_after_conflict(const AssignmentInstance& instance,
                                         const std::vector<AssignmentPair>& current,
                                         const std::string& evaluator,
                                         const std::string& proposal) {
    AssignmentInstance in = instance;
    in.conflicts.emplace_back(evaluator, proposal);
    AssignmentResult result;
    std::unordered_map<std::string, int> load;
    std::map<std::string, std::map<std::string, int>> groups_on;  // proposal -> group -> count
    std::unordered_map<std::string, const AssignmentInstance::Evaluator*> by_id;
    for (const auto& e : in.evaluators) by_id[e.id] = &e;
    std::set<std::pair<std::string, std::string>> taken;
    for (const auto& a : current) {
        if (a.evaluator == evaluator && a.proposal == proposal) continue;
        result.assignments.push_back(a);
        taken.insert({a.evaluator, a.proposal});
        ++load[a.evaluator];
        if (auto e = by_id.find(a.evaluator); e != by_id.end())
            ++groups_on[a.proposal][e->second->stakeholder_group];
    }
    auto cand = candidates(in);
    std::size_t p = 0;
    while (p < in.proposals.size() && in.proposals[p].id != proposal) ++p;
    if (p == in.proposals.size())
        throw InputError("proposal", say("assignment.proposal.unknown_id", {{"id", proposal}}));
    // The best evaluator for the freed place: least loaded (the smallest rise of the sum
    // of squares), then the highest preference, then the first in the input.
    std::optional<std::size_t> best;
    auto better = [&](std::size_t a, std::size_t b) {
        auto la = load[in.evaluators[a].id], lb = load[in.evaluators[b].id];
        if (la != lb) return la < lb;
        auto pa = cand.preference.count({a, p}) ? cand.preference.at({a, p}) : 0;
        auto pb = cand.preference.count({b, p}) ? cand.preference.at({b, p}) : 0;
        if (pa != pb) return pa > pb;
        return a < b;
    };
    for (auto e : cand.of_proposal[p]) {
        const auto& ev = in.evaluators[e];
        if (taken.count({ev.id, proposal}) || load[ev.id] >= ev.max_load) continue;
        if (!ev.stakeholder_group.empty() &&
            groups_on[proposal][ev.stakeholder_group] >= group_cap(in.per_proposal))
            continue;
        if (!best || better(e, *best)) best = e;
    }
    if (best) result.assignments.push_back({in.evaluators[*best].id, proposal});
    explain_unfilled(in, result);
    score_assignment(in, result);
    return result;
}

void explain_unfilled(const AssignmentInstance& in, AssignmentResult& result) {
    auto cand = candidates(in);
    std::map<std::string, int> got;
    for (const auto& a : result.assignments) ++got[a.proposal];
    result.unfilled.clear();
    for (std::size_t q = 0; q < in.proposals.size(); ++q)
        if (got[in.proposals[q].id] < in.per_proposal)
            result.unfilled.push_back({in.proposals[q].id,
                                       in.per_proposal - got[in.proposals[q].id],
                                       reason_unfilled(in, cand, q, got[in.proposals[q].id])});
}

nlohmann::json to_json(const AssignmentResult& r) {
    nlohmann::json assignments = nlohmann::json::array(), unfilled = nlohmann::json::array();
    for (const auto& a : r.assignments)
        assignments.push_back({{"evaluator", a.evaluator}, {"proposal", a.proposal}});
    for (const auto& u : r.unfilled)
        unfilled.push_back(
            {{"proposal", u.proposal}, {"missing", u.missing}, {"reason", u.reason}});
    return {
        {"assignments", assignments},
        {"unfilled", unfilled},
        {"objective",
         {{"filled", r.filled}, {"load_squares", r.load_squares}, {"preference", r.preference}}}};
}

}  // namespace convene
