#include "core/evaluation/assignment_network.hpp"

#include <lemon/network_simplex.h>
#include <lemon/preflow.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <tuple>

namespace convene::assignment_network {

namespace {

using Graph = lemon::SmartDigraph;
using Simplex = lemon::NetworkSimplex<Graph, long long, long long>;

// Stakeholder groups as small numbers, -1 for none; at most ceil(k/2) of one on a proposal.
struct StakeholderGroups {
    std::vector<int> of_evaluator;
    int count = 0;
};

StakeholderGroups stakeholder_groups(const AssignmentInstance& in) {
    StakeholderGroups out;
    std::map<std::string, int> number;
    for (const auto& e : in.evaluators) {
        if (e.stakeholder_group.empty()) {
            out.of_evaluator.push_back(-1);
            continue;
        }
        auto [it, fresh] = number.emplace(e.stakeholder_group, out.count);
        if (fresh) ++out.count;
        out.of_evaluator.push_back(it->second);
    }
    return out;
}

// The costs every network of the instance shares, which order its objective: (1) a place
// left empty costs more than any way of filling it (an augmenting path passes each
// evaluator once); (2) a unit of load squared more than any total of preferences;
// (3) preferences, counted to 1/1000.
struct Costs {
    long long load_unit = 1;
    long double unfilled = 0;  // may not fit: then the two-step solve
    long long places = 0;
    std::vector<std::size_t> possible;  // each evaluator's candidate proposals
    bool one_solve() const { return unfilled * static_cast<long double>(places + 1) < 4e18L; }
};

Costs costs_of(const AssignmentInstance& in, const Candidates& cand) {
    Costs c;
    long long preference_range = 1;
    for (const auto& [key, w] : cand.preference) preference_range += std::llabs(w);
    c.load_unit = preference_range;
    long long max_load = 1;
    for (const auto& e : in.evaluators) max_load = std::max<long long>(max_load, e.max_load);
    c.places = static_cast<long long>(in.proposals.size()) * in.per_proposal;
    c.unfilled = static_cast<long double>(c.load_unit) * 2 * max_load *
                     (static_cast<long double>(in.evaluators.size()) + 1) +
                 preference_range + 1;
    c.possible.assign(in.evaluators.size(), 0);
    for (const auto& pool : cand.of_proposal)
        for (auto e : pool) ++c.possible[e];
    return c;
}

long long pair_cost(const Candidates& cand, std::size_t e, std::size_t p) {
    auto pref = cand.preference.find({e, p});
    return pref == cand.preference.end() ? 0 : -pref->second;
}

// source -> evaluator (unit arcs costing 2l - 1 for the l-th proposal: a load L costs L
// squared, the cheapest arcs filling first) -> (proposal, stakeholder group) -> proposal
// -> sink, over the chosen pairs, each proposal with a node for every stakeholder group
// among all its candidates (so that a pair left out can be priced).
class Network {
  public:
    Network(const AssignmentInstance& in, const Candidates& cand, const StakeholderGroups& sg,
            const Costs& costs, const std::vector<std::vector<std::size_t>>& chosen,
            Simplex::PivotRule pivot = Simplex::BLOCK_SEARCH)
        : capacity_(g_), cost_(g_) {
        const int k = in.per_proposal;
        source_ = g_.addNode();
        sink_ = g_.addNode();
        for (std::size_t i = 0; i < in.evaluators.size(); ++i) evaluator_.push_back(g_.addNode());
        for (std::size_t i = 0; i < in.proposals.size(); ++i) proposal_.push_back(g_.addNode());
        for (std::size_t e = 0; e < in.evaluators.size(); ++e) {
            auto most = std::min<long long>(in.evaluators[e].max_load,
                                            static_cast<long long>(costs.possible[e]));
            for (long long l = 1; l <= most; ++l)
                arc(source_, evaluator_[e], 1, costs.load_unit * (2 * l - 1));
        }
        group_.resize(in.proposals.size());
        for (std::size_t p = 0; p < in.proposals.size(); ++p) {
            auto& groups = group_[p];
            groups.assign(static_cast<std::size_t>(sg.count), Graph::Node(lemon::INVALID));
            const auto& take = chosen[p];
            auto next = take.begin();
            for (auto e : cand.of_proposal[p]) {
                auto to = target(p, sg.of_evaluator[e], k);
                if (next == take.end() || *next != e) continue;
                ++next;
                pairs_.push_back({arc(evaluator_[e], to, 1, pair_cost(cand, e, p)), e, p});
            }
            arc(proposal_[p], sink_, k, 0);
        }
        if (costs.one_solve()) {
            arc(source_, sink_, costs.places, static_cast<long long>(costs.unfilled));  // bypass
            auto& simplex = simplex_.emplace(g_);  // after the last arc: it reads the graph now
            simplex.upperMap(capacity_).costMap(cost_).stSupply(source_, sink_, costs.places);
            if (simplex.run(pivot) != Simplex::OPTIMAL)
                throw std::logic_error("the assignment network has no optimal flow");
        } else {  // costs too large for one solve: the maximum flow first, then its cheapest
            lemon::Preflow<Graph, Graph::ArcMap<long long>> preflow(g_, capacity_, source_, sink_);
            preflow.runMinCut();
            auto& simplex = simplex_.emplace(g_);
            simplex.upperMap(capacity_).costMap(cost_).stSupply(source_, sink_,
                                                                preflow.flowValue());
            if (simplex.run() != Simplex::OPTIMAL)
                throw std::logic_error("the assignment network has no optimal flow");
        }
    }

    Flow flow() const {
        Flow out;
        for (const auto& pa : pairs_)
            if (simplex_->flow(pa.arc) > 0) out.pairs.emplace_back(pa.evaluator, pa.proposal);
        return out;
    }

    // The reduced cost of the pair under the solution's potentials (negative: the flow
    // would be cheaper with it).
    long long reduced_cost(std::size_t e, std::size_t p, int group, long long cost) const {
        auto to = group < 0 ? proposal_[p] : group_[p][static_cast<std::size_t>(group)];
        return cost + simplex_->potential(evaluator_[e]) - simplex_->potential(to);
    }

  private:
    Graph::Arc arc(Graph::Node from, Graph::Node to, long long cap, long long c) {
        auto a = g_.addArc(from, to);
        capacity_[a] = cap;
        cost_[a] = c;
        return a;
    }

    Graph::Node target(std::size_t p, int group, int k) {
        if (group < 0) return proposal_[p];
        auto& node = group_[p][static_cast<std::size_t>(group)];
        if (node == lemon::INVALID) {
            node = g_.addNode();
            arc(node, proposal_[p], group_cap(k), 0);
        }
        return node;
    }

    struct PairArc {
        Graph::Arc arc;
        std::size_t evaluator, proposal;
    };
    Graph g_;
    Graph::ArcMap<long long> capacity_, cost_;
    Graph::Node source_, sink_;
    std::vector<Graph::Node> evaluator_, proposal_;
    std::vector<std::vector<Graph::Node>> group_;  // by proposal, by stakeholder group
    std::vector<PairArc> pairs_;
    std::optional<Simplex> simplex_;
};

// The first pairs of a restricted solve: each proposal's preferred evaluators and a
// spread of its others (a block of consecutive candidates, starting further on for each
// proposal, so that every evaluator is offered about equally).
std::vector<std::vector<std::size_t>> first_pairs(const AssignmentInstance& in,
                                                  const Candidates& cand) {
    const auto spread = static_cast<std::size_t>(4 * in.per_proposal + 4);
    std::vector<std::vector<std::size_t>> out(in.proposals.size());
    for (std::size_t p = 0; p < in.proposals.size(); ++p) {
        const auto& pool = cand.of_proposal[p];
        auto n = pool.size();
        if (n == 0) continue;
        auto s = std::min(n, spread);
        auto offset = (p * s) % n;
        for (std::size_t j = 0; j < s; ++j) out[p].push_back(pool[(offset + j) % n]);
    }
    for (const auto& [key, w] : cand.preference) {
        auto [e, p] = key;
        const auto& pool = cand.of_proposal[p];
        if (std::binary_search(pool.begin(), pool.end(), e)) out[p].push_back(e);
    }
    for (auto& take : out) {
        std::sort(take.begin(), take.end());
        take.erase(std::unique(take.begin(), take.end()), take.end());
    }
    return out;
}

Flow cheapest_flow_of_part(const AssignmentInstance& in, const Candidates& cand,
                           std::size_t restricted_from) {
    auto sg = stakeholder_groups(in);
    auto costs = costs_of(in, cand);
    std::size_t all = 0;
    for (const auto& pool : cand.of_proposal) all += pool.size();
    if (all < restricted_from || !costs.one_solve())
        return Network(in, cand, sg, costs, cand.of_proposal).flow();
    auto chosen = first_pairs(in, cand);
    // A few rounds suffice; should pricing go on and on, the whole network is solved.
    constexpr int most_rounds = 20;
    // Each proposal's preferences by evaluator, to price its pairs in one pass.
    std::vector<std::vector<std::pair<std::size_t, long long>>> preferred(in.proposals.size());
    for (const auto& [key, w] : cand.preference) preferred[key.second].emplace_back(key.first, w);
    for (auto& list : preferred) std::sort(list.begin(), list.end());
    for (int round = 0; round < most_rounds; ++round) {
        // On these networks the altering candidate list finds its pivots twice as fast as
        // the block search (which the whole network keeps: a tie may go either way).
        Network network(in, cand, sg, costs, chosen, Simplex::ALTERING_LIST);
        std::size_t joined = 0, taken = 0;
        for (std::size_t p = 0; p < in.proposals.size(); ++p) {
            auto& take = chosen[p];
            std::vector<std::size_t> more;
            auto next = take.begin();
            auto pref = preferred[p].begin();
            for (auto e : cand.of_proposal[p]) {
                while (pref != preferred[p].end() && pref->first < e) ++pref;
                if (next != take.end() && *next == e) {
                    ++next;
                    continue;
                }
                long long cost = pref != preferred[p].end() && pref->first == e ? -pref->second : 0;
                if (network.reduced_cost(e, p, sg.of_evaluator[e], cost) < 0) more.push_back(e);
            }
            if (!more.empty()) {
                joined += more.size();
                take.insert(take.end(), more.begin(), more.end());
                std::sort(take.begin(), take.end());
            }
            taken += take.size();
        }
        if (joined == 0) return network.flow();
        if (taken * 2 > all) break;
    }
    return Network(in, cand, sg, costs, cand.of_proposal).flow();
}

// An independent part of the instance: proposals and the evaluators who may take them,
// joined through their candidate pairs, by index in the instance, ascending.
struct Part {
    std::vector<std::size_t> proposals, evaluators;
    std::size_t pairs = 0;
};

std::vector<Part> parts_of(const AssignmentInstance& in, const Candidates& cand) {
    const auto evaluators = in.evaluators.size();
    // Union-find over evaluators (0..E-1) then proposals (E..E+P-1).
    std::vector<std::size_t> up(evaluators + in.proposals.size());
    std::iota(up.begin(), up.end(), std::size_t{0});
    auto root = [&](std::size_t x) {
        while (up[x] != x) x = up[x] = up[up[x]];
        return x;
    };
    for (std::size_t p = 0; p < in.proposals.size(); ++p)
        for (auto e : cand.of_proposal[p]) {
            auto a = root(e), b = root(evaluators + p);
            if (a != b) up[std::max(a, b)] = std::min(a, b);
        }
    std::vector<Part> parts;
    std::map<std::size_t, std::size_t> part_of_root;
    auto part = [&](std::size_t node) -> Part& {
        auto [it, fresh] = part_of_root.emplace(root(node), parts.size());
        if (fresh) parts.emplace_back();
        return parts[it->second];
    };
    for (std::size_t p = 0; p < in.proposals.size(); ++p)
        if (!cand.of_proposal[p].empty()) {
            auto& to = part(evaluators + p);
            to.proposals.push_back(p);
            to.pairs += cand.of_proposal[p].size();
        }
    for (std::size_t e = 0; e < evaluators; ++e)
        if (auto it = part_of_root.find(root(e)); it != part_of_root.end())
            parts[it->second].evaluators.push_back(e);
    return parts;
}

// A part as an instance of its own, indexes renumbered in the same order.
struct PartInstance {
    AssignmentInstance in;
    Candidates cand;
};

PartInstance part_instance(const AssignmentInstance& in, const Candidates& cand, const Part& part,
                           const std::vector<std::size_t>& local_evaluator) {
    PartInstance out;
    out.in.per_proposal = in.per_proposal;
    for (auto e : part.evaluators) out.in.evaluators.push_back(in.evaluators[e]);
    for (auto p : part.proposals) {
        out.in.proposals.push_back(in.proposals[p]);
        auto& pool = out.cand.of_proposal.emplace_back();
        for (auto e : cand.of_proposal[p]) pool.push_back(local_evaluator[e]);
    }
    return out;
}

}  // namespace

Flow cheapest_flow(const AssignmentInstance& in, const Candidates& cand,
                   std::size_t restricted_from, bool apart) {
    auto parts = apart ? parts_of(in, cand) : std::vector<Part>{};
    if (parts.size() < 2) return cheapest_flow_of_part(in, cand, restricted_from);
    // Every index's number in its part, and every preference given to the part of its
    // proposal (a pair across parts is never a candidate).
    constexpr auto none = static_cast<std::size_t>(-1);
    std::vector<std::size_t> local_evaluator(in.evaluators.size(), none),
        part_of_evaluator(in.evaluators.size(), none), local_proposal(in.proposals.size(), none),
        part_of_proposal(in.proposals.size(), none);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        for (std::size_t j = 0; j < parts[i].evaluators.size(); ++j) {
            local_evaluator[parts[i].evaluators[j]] = j;
            part_of_evaluator[parts[i].evaluators[j]] = i;
        }
        for (std::size_t j = 0; j < parts[i].proposals.size(); ++j) {
            local_proposal[parts[i].proposals[j]] = j;
            part_of_proposal[parts[i].proposals[j]] = i;
        }
    }
    std::vector<PartInstance> instances;
    for (const auto& part : parts)
        instances.push_back(part_instance(in, cand, part, local_evaluator));
    for (const auto& [key, w] : cand.preference) {
        auto [e, p] = key;
        auto i = part_of_proposal[p];
        if (i != none && part_of_evaluator[e] == i)
            instances[i].cand.preference[{local_evaluator[e], local_proposal[p]}] = w;
    }
    // The largest parts first, on as many threads as the machine has (one for small ones).
    std::vector<std::size_t> order(parts.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](auto a, auto b) { return parts[a].pairs > parts[b].pairs; });
    std::vector<Flow> flows(parts.size());
    std::vector<std::exception_ptr> failed(parts.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (auto n = next++; n < order.size(); n = next++) {
            auto i = order[n];
            try {
                flows[i] =
                    cheapest_flow_of_part(instances[i].in, instances[i].cand, restricted_from);
            } catch (...) {
                failed[i] = std::current_exception();
            }
        }
    };
    constexpr std::size_t pairs_worth_a_thread = 20000;
    std::size_t threads = 1;
    if (parts[order[1]].pairs >= pairs_worth_a_thread)
        threads =
            std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), parts.size());
    std::vector<std::thread> helpers;
    try {
        for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
    } catch (const std::system_error&) {  // no thread to be had: fewer do every part
    }
    work();
    for (auto& h : helpers) h.join();
    for (const auto& f : failed)
        if (f) std::rethrow_exception(f);
    Flow out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        for (auto [e, p] : flows[i].pairs)
            out.pairs.emplace_back(parts[i].evaluators[e], parts[i].proposals[p]);
    std::sort(out.pairs.begin(), out.pairs.end(), [](const auto& a, const auto& b) {
        return std::tie(a.second, a.first) < std::tie(b.second, b.first);
    });
    return out;
}

}  // namespace convene::assignment_network
