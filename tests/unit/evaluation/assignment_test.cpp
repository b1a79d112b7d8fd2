// The evaluators' assignment: valid, and optimal for its objective, checked against an
// exhaustive search on a thousand small random instances.
#include "core/evaluation/assignment.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <tuple>

using namespace convene;

namespace {

// Every rule of the assignment, checked on its own.
void expect_valid(const AssignmentInstance& in, const AssignmentResult& r) {
    std::map<std::string, const AssignmentInstance::Evaluator*> evaluators;
    std::map<std::string, const AssignmentInstance::Proposal*> proposals;
    for (const auto& e : in.evaluators) evaluators[e.id] = &e;
    for (const auto& p : in.proposals) proposals[p.id] = &p;
    std::set<std::pair<std::string, std::string>> conflicts(in.conflicts.begin(),
                                                            in.conflicts.end());
    std::map<std::string, int> load, per_proposal;
    std::map<std::pair<std::string, std::string>, int> per_group;
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& a : r.assignments) {
        ASSERT_TRUE(seen.insert({a.evaluator, a.proposal}).second) << "twice the same pair";
        const auto& e = *evaluators.at(a.evaluator);
        const auto& p = *proposals.at(a.proposal);
        EXPECT_TRUE(eligible(e, p)) << a.evaluator << " on " << a.proposal;
        EXPECT_FALSE(conflicts.count({a.evaluator, a.proposal}));
        ++load[a.evaluator];
        ++per_proposal[a.proposal];
        if (!e.stakeholder_group.empty()) ++per_group[{a.proposal, e.stakeholder_group}];
    }
    for (const auto& e : in.evaluators) EXPECT_LE(load[e.id], e.max_load);
    for (const auto& p : in.proposals) EXPECT_LE(per_proposal[p.id], in.per_proposal);
    for (const auto& [key, n] : per_group) EXPECT_LE(n, (in.per_proposal + 1) / 2);
}

using Objective = std::tuple<long long, long long, long long>;  // filled, -squares, pref*1000

// The best objective by trying every way to choose evaluators for every proposal.
Objective exhaustive(const AssignmentInstance& in) {
    std::set<std::pair<std::string, std::string>> conflicts(in.conflicts.begin(),
                                                            in.conflicts.end());
    std::map<std::pair<std::size_t, std::size_t>, long long> pref;
    for (const auto& p : in.preferences)
        for (std::size_t e = 0; e < in.evaluators.size(); ++e)
            for (std::size_t q = 0; q < in.proposals.size(); ++q)
                if (in.evaluators[e].id == p.evaluator && in.proposals[q].id == p.proposal)
                    pref[{e, q}] += std::llround(p.weight * 1000);
    // The subsets of eligible evaluators each proposal may take.
    std::vector<std::vector<unsigned>> options(in.proposals.size());
    const auto n = in.evaluators.size();
    for (std::size_t q = 0; q < in.proposals.size(); ++q)
        for (unsigned mask = 0; mask < (1u << n); ++mask) {
            if (__builtin_popcount(mask) > in.per_proposal) continue;
            bool ok = true;
            std::map<std::string, int> groups;
            for (std::size_t e = 0; e < n && ok; ++e) {
                if (!(mask & (1u << e))) continue;
                const auto& ev = in.evaluators[e];
                ok = eligible(ev, in.proposals[q]) &&
                     !conflicts.count({ev.id, in.proposals[q].id}) &&
                     (ev.stakeholder_group.empty() ||
                      ++groups[ev.stakeholder_group] <= (in.per_proposal + 1) / 2);
            }
            if (ok) options[q].push_back(mask);
        }
    Objective best{-1, 0, 0};
    std::vector<int> load(n, 0);
    std::function<void(std::size_t, long long, long long)> walk =
        [&](std::size_t q, long long filled, long long preference) {
            if (q == in.proposals.size()) {
                long long squares = 0;
                for (auto l : load) squares += static_cast<long long>(l) * l;
                best = std::max(best, Objective{filled, -squares, preference});
                return;
            }
            for (auto mask : options[q]) {
                bool ok = true;
                for (std::size_t e = 0; e < n; ++e)
                    if ((mask & (1u << e)) && load[e] + 1 > in.evaluators[e].max_load) ok = false;
                if (!ok) continue;
                long long p = 0;
                for (std::size_t e = 0; e < n; ++e)
                    if (mask & (1u << e)) {
                        ++load[e];
                        if (pref.count({e, q})) p += pref[{e, q}];
                    }
                walk(q + 1, filled + __builtin_popcount(mask), preference + p);
                for (std::size_t e = 0; e < n; ++e)
                    if (mask & (1u << e)) --load[e];
            }
        };
    walk(0, 0, 0);
    return best;
}

AssignmentInstance random_instance(std::mt19937_64& rng) {
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    AssignmentInstance in;
    in.per_proposal = 1 + pick(3);
    const char* groups[] = {"A", "B"};
    const char* sectors[] = {"government", "civil_society", "private_sector", ""};
    const char* orgs[] = {"ISOC", "UNESCO", "Meta", "ICANN"};
    int evaluators = 2 + pick(4), proposals = 1 + pick(4);
    for (int e = 0; e < evaluators; ++e) {
        AssignmentInstance::Evaluator ev{
            "e" + std::to_string(e), orgs[pick(4)], sectors[pick(4)], {}, pick(4)};
        if (pick(3)) ev.groups.push_back(groups[pick(2)]);
        in.evaluators.push_back(ev);
    }
    for (int p = 0; p < proposals; ++p) {
        AssignmentInstance::Proposal pr{
            "p" + std::to_string(p), pick(3) ? groups[pick(2)] : "", {}, {}};
        if (!pick(3)) pr.organisations.push_back(orgs[pick(4)]);
        if (!pick(4)) pr.people.push_back("e" + std::to_string(pick(evaluators)));
        in.proposals.push_back(pr);
        if (!pick(4)) in.conflicts.emplace_back("e" + std::to_string(pick(evaluators)), pr.id);
        for (int e = 0; e < evaluators; ++e)
            if (!pick(3))
                in.preferences.push_back({"e" + std::to_string(e), pr.id, (pick(7) - 3) * 0.5});
    }
    return in;
}

}  // namespace

TEST(Assignment, IsOptimalOnSmallInstancesAgainstExhaustiveSearch) {
    std::mt19937_64 rng(20261121);
    for (int round = 0; round < 1000; ++round) {
        auto in = random_instance(rng);
        auto r = assign(in);
        expect_valid(in, r);
        long long pref = 0;
        for (const auto& p : in.preferences)
            for (const auto& a : r.assignments)
                if (a.evaluator == p.evaluator && a.proposal == p.proposal)
                    pref += std::llround(p.weight * 1000);
        Objective got{r.filled, -r.load_squares, pref};
        ASSERT_EQ(got, exhaustive(in)) << "round " << round;
        if (HasFatalFailure()) return;
    }
}

// A middle-sized instance: issue areas, evaluators in one or two of them, stakeholder
// groups, organisations, conflicts and preferences, as at a national forum.
// With `one_area`, each evaluator takes one issue area: each area an independent part.
AssignmentInstance medium_instance(std::mt19937_64& rng, int proposals, int evaluators, int k,
                                   bool one_area = false) {
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const char* sectors[] = {"government", "civil_society", "private_sector", "technical", ""};
    AssignmentInstance in;
    in.per_proposal = k;
    for (int p = 0; p < proposals; ++p)
        in.proposals.push_back({"p" + std::to_string(p),
                                "G" + std::to_string(pick(4)),
                                {"Org " + std::to_string(pick(30))},
                                {}});
    for (int e = 0; e < evaluators; ++e) {
        AssignmentInstance::Evaluator ev{"e" + std::to_string(e),
                                         "Org " + std::to_string(pick(30)),
                                         sectors[pick(5)],
                                         {"G" + std::to_string(pick(4))},
                                         1 + pick(proposals * k / evaluators + 2)};
        if (!one_area && pick(2)) ev.groups.push_back("G" + std::to_string(pick(4)));
        in.evaluators.push_back(ev);
        for (int i = 0; i < 3; ++i)
            in.preferences.push_back(
                {ev.id, "p" + std::to_string(pick(proposals)), static_cast<double>(pick(5)) - 1});
        if (!pick(5)) in.conflicts.emplace_back(ev.id, "p" + std::to_string(pick(proposals)));
    }
    return in;
}

TEST(Assignment, TheRestrictedSolveReachesTheWholeNetworksOptimum) {
    // Solved over a few pairs and priced (as from 200,000 pairs on), and over every pair:
    // the same filled places, the same sum of load squares, the same preferences.
    std::mt19937_64 rng(20261203);
    for (int round = 0; round < 40; ++round) {
        auto in =
            medium_instance(rng, 20 + static_cast<int>(rng() % 200),
                            5 + static_cast<int>(rng() % 150), 1 + static_cast<int>(rng() % 5));
        auto whole = assign(in, std::numeric_limits<std::size_t>::max());
        auto restricted = assign(in, 0);
        expect_valid(in, restricted);
        ASSERT_EQ(restricted.filled, whole.filled) << "round " << round;
        ASSERT_EQ(restricted.load_squares, whole.load_squares) << "round " << round;
        ASSERT_NEAR(restricted.preference, whole.preference, 1e-6) << "round " << round;
    }
    // The small random instances too, against the exhaustive search.
    for (int round = 0; round < 300; ++round) {
        auto in = random_instance(rng);
        auto r = assign(in, 0);
        expect_valid(in, r);
        auto w = assign(in);
        ASSERT_EQ(std::tie(r.filled, r.load_squares), std::tie(w.filled, w.load_squares));
        ASSERT_NEAR(r.preference, w.preference, 1e-6);
    }
}

TEST(Assignment, IndependentPartsSolvedApartReachTheWholeOptimum) {
    // Issue areas whose evaluators take no other area share nothing: solved apart (and in
    // parallel once the parts are large), the same objective as the whole instance's solve.
    std::mt19937_64 rng(20261204);
    auto same = [](const AssignmentResult& a, const AssignmentResult& b, int round) {
        ASSERT_EQ(a.filled, b.filled) << "round " << round;
        ASSERT_EQ(a.load_squares, b.load_squares) << "round " << round;
        ASSERT_NEAR(a.preference, b.preference, 1e-6) << "round " << round;
    };
    constexpr auto every_pair = std::numeric_limits<std::size_t>::max();
    for (int round = 0; round < 30; ++round) {
        auto in = medium_instance(rng, 20 + static_cast<int>(rng() % 200),
                                  5 + static_cast<int>(rng() % 150),
                                  1 + static_cast<int>(rng() % 5), true);
        if (round % 3 == 0) in.proposals[0].group.clear();  // open to all: one part again
        auto whole = assign(in, every_pair, Parts::whole);
        auto apart = assign(in, every_pair, Parts::apart);
        expect_valid(in, apart);
        same(apart, whole, round);
        same(assign(in, 0, Parts::apart), whole, round);
    }
    // Parts large enough to be solved on several threads.
    auto in = medium_instance(rng, 1600, 320, 3, true);
    auto whole = assign(in, every_pair, Parts::whole);
    auto apart = assign(in, every_pair, Parts::apart);
    expect_valid(in, apart);
    same(apart, whole, -1);
    EXPECT_GT(apart.filled, 2000);
}

TEST(Assignment, SaysWhyAProposalCannotReachK) {
    auto in = assignment_instance_from_json(nlohmann::json::parse(R"({
        "per_proposal": 3,
        "proposals": [{"id": "lonely", "group": "Z"}, {"id": "balanced", "group": "A"}],
        "evaluators": [
            {"id": "a", "stakeholder_group": "government", "groups": ["A"], "max_load": 5},
            {"id": "b", "stakeholder_group": "government", "groups": ["A"], "max_load": 5},
            {"id": "c", "stakeholder_group": "government", "groups": ["A"], "max_load": 5},
            {"id": "z", "stakeholder_group": "youth", "groups": ["Z"], "max_load": 1}]
    })"));
    auto r = assign(in);
    std::map<std::string, std::string> why;
    for (const auto& u : r.unfilled) why[u.proposal] = u.reason;
    EXPECT_NE(why["lonely"].find("only 1 evaluators are eligible"), std::string::npos);
    EXPECT_NE(why["balanced"].find("stakeholder balance"), std::string::npos) << why["balanced"];
}

TEST(Assignment, BadInstancesAreNamed) {
    auto error = [](const char* text) {
        try {
            assignment_instance_from_json(nlohmann::json::parse(text));
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(error(R"({"proposals": [{"id": "p"}, {"id": "p"}]})"),
              "proposals[1].id p is used twice");
    EXPECT_EQ(error(R"({"evaluators": [{"id": "e", "max_load": 2}], "proposals": [{"id": "p"}],
                        "conflicts": [["e", "nope"]]})"),
              "conflicts[0] names an unknown proposal nope");
    EXPECT_EQ(error(R"({"evaluators": [{"id": "e"}]})"),
              "evaluators[0].max_load must be a whole number from 0 to 100000");
    EXPECT_EQ(error(R"({"per_proposal": 0})"), "per_proposal must be a whole number from 1 to 100");
    auto empty = assign(assignment_instance_from_json(nlohmann::json::parse("{}")));
    EXPECT_TRUE(empty.assignments.empty());
}

TEST(Assignment, AConflictDeclaredLaterMovesOnlyThatPlace) {
    std::mt19937_64 rng(7);
    for (int round = 0; round < 100; ++round) {
        auto in = random_instance(rng);
        auto before = assign(in);
        if (before.assignments.empty()) continue;
        auto gone = before.assignments[rng() % before.assignments.size()];
        auto after = reassign_after_conflict(in, before.assignments, gone.evaluator, gone.proposal);
        auto with_conflict = in;
        with_conflict.conflicts.emplace_back(gone.evaluator, gone.proposal);
        expect_valid(with_conflict, after);
        for (const auto& a : before.assignments) {
            if (a == gone) continue;
            EXPECT_NE(std::find(after.assignments.begin(), after.assignments.end(), a),
                      after.assignments.end());
        }
        EXPECT_GE(after.assignments.size() + 1, before.assignments.size());
        EXPECT_LE(after.assignments.size(), before.assignments.size());
    }
}

TEST(Assignment, HugePreferencesTakeTheTwoStepPathAndStayExact) {
    // Weights this large make one combined solve overflow; the maximum flow is then
    // found first. Both steps must still give a full, balanced assignment.
    AssignmentInstance in;
    in.per_proposal = 3;
    for (int e = 0; e < 5; ++e)
        in.evaluators.push_back({"e" + std::to_string(e), "", "", {}, 100000});
    for (int p = 0; p < 20; ++p) {
        in.proposals.push_back({"p" + std::to_string(p), "", {}, {}});
        for (int e = 0; e < 5; ++e)
            in.preferences.push_back(
                {"e" + std::to_string(e), "p" + std::to_string(p), e == p % 5 ? 1e6 : -1e6});
    }
    auto r = assign(in);
    expect_valid(in, r);
    EXPECT_EQ(r.filled, 60);
    EXPECT_EQ(r.load_squares, 5 * 12 * 12);  // 60 places over 5 evaluators: 12 each
    EXPECT_TRUE(r.unfilled.empty());
}
