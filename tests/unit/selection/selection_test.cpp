// The selection under quotas, checked against an independent exhaustive search on small
// random instances: the same best total score, the same tie-break (lowest places), the
// same verdict on feasibility, and a conflict report that is infeasible and minimal.
// Plus the bad input it must survive, named.
#include "core/selection/selection.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <random>

#include "core/common/field_error.hpp"

using namespace convene;
using nlohmann::json;

namespace {

// The instance's semantics written out plainly, over every subset of units.
struct Brute {
    struct Unit {
        std::vector<json> ids;
        long long points = 0;
        std::string theme, organisation;
        std::vector<std::pair<std::string, json>> values;
        int place = 0;
    };
    std::vector<Unit> units;
    json instance;

    explicit Brute(const json& j) : instance(j) {
        std::map<int, int> pair_of;
        for (std::size_t k = 0; k < j.value("merged", json::array()).size(); ++k)
            for (const auto& id : j["merged"][k]) pair_of[id.get<int>()] = static_cast<int>(k);
        auto by_id = [&](int id) {
            for (const auto& p : j["proposals"])
                if (p["id"] == id) return p;
            return json();
        };
        auto make = [&](const std::vector<int>& ids) {
            Unit u;
            double total = 0;
            for (int id : ids) {
                auto p = by_id(id);
                u.ids.push_back(id);
                total += p["score"].get<double>();
                for (const auto& [k, v] : p["attributes"].items()) u.values.emplace_back(k, v);
            }
            u.points = std::llround(total / static_cast<double>(ids.size()) * 10000);
            u.theme = by_id(ids[0])["theme"];
            u.organisation = by_id(ids[0])["organisation"];
            u.place = *std::min_element(ids.begin(), ids.end());
            units.push_back(u);
        };
        for (const auto& pair : j.value("merged", json::array()))
            make({pair[0].get<int>(), pair[1].get<int>()});
        for (const auto& p : j["proposals"])
            if (!pair_of.count(p["id"].get<int>())) make({p["id"].get<int>()});
        std::vector<int> places;
        for (const auto& u : units) places.push_back(u.place);
        std::sort(places.begin(), places.end());
        for (auto& u : units)
            u.place =
                static_cast<int>(std::find(places.begin(), places.end(), u.place) - places.begin());
    }

    bool has(const Unit& u, const json& c) const {
        if (c.contains("theme")) return u.theme == c["theme"];
        for (const auto& [k, v] : u.values)
            if (k == c["attribute"] && v == c["value"]) return true;
        return false;
    }
    bool contains(const Unit& u, const json& id) const {
        return std::find(u.ids.begin(), u.ids.end(), id) != u.ids.end();
    }

    // Whether the chosen units meet one named rule (the names select_proposals reports).
    bool meets(unsigned mask, const json& rule) const {
        auto chosen = [&](std::size_t u) { return (mask >> u) & 1u; };
        int count = 0;
        if (rule.contains("slots")) {
            for (std::size_t u = 0; u < units.size(); ++u) count += chosen(u);
            return count <= rule["slots"].get<int>();
        }
        if (rule.contains("forced_in") || rule.contains("forced_out")) {
            bool in = rule.contains("forced_in");
            for (std::size_t u = 0; u < units.size(); ++u)
                if (contains(units[u], rule[in ? "forced_in" : "forced_out"]))
                    return chosen(u) == (in ? 1u : 0u);
            return false;
        }
        if (rule.contains("max_per_organisation")) {
            for (std::size_t u = 0; u < units.size(); ++u)
                count += chosen(u) && units[u].organisation == rule["organisation"];
            return count <= rule["max_per_organisation"].get<int>();
        }
        for (std::size_t u = 0; u < units.size(); ++u) count += chosen(u) && has(units[u], rule);
        return count >= rule.value("min", 0) && count <= rule.value("max", 1 << 20);
    }

    std::vector<json> all_rules() const {
        std::vector<json> rules = {{{"slots", instance["slots"]}}};
        for (const auto& c : instance["constraints"]) rules.push_back(c);
        if (instance.contains("max_per_organisation"))
            for (const auto& org : {"A", "B", "C"})
                rules.push_back({{"max_per_organisation", instance["max_per_organisation"]},
                                 {"organisation", org}});
        for (const auto& id : instance.value("forced_in", json::array()))
            rules.push_back({{"forced_in", id}});
        for (const auto& id : instance.value("forced_out", json::array()))
            rules.push_back({{"forced_out", id}});
        return rules;
    }

    bool feasible(const std::vector<json>& rules) const {
        for (unsigned mask = 0; mask < (1u << units.size()); ++mask)
            if (std::all_of(rules.begin(), rules.end(),
                            [&](const json& r) { return meets(mask, r); }))
                return true;
        return false;
    }

    // The best points, then the lowest sum of places; nullopt when infeasible.
    std::optional<std::pair<long long, int>> best() const {
        auto rules = all_rules();
        std::optional<std::pair<long long, int>> out;
        for (unsigned mask = 0; mask < (1u << units.size()); ++mask) {
            if (!std::all_of(rules.begin(), rules.end(),
                             [&](const json& r) { return meets(mask, r); }))
                continue;
            long long points = 0;
            int places = 0;
            for (std::size_t u = 0; u < units.size(); ++u)
                if ((mask >> u) & 1u) {
                    points += units[u].points;
                    places += units[u].place;
                }
            if (!out || points > out->first || (points == out->first && places < out->second))
                out = {points, places};
        }
        return out;
    }

    // The points and places of a reported selection (proposal ids).
    std::pair<long long, int> measure(const std::vector<json>& selected) const {
        long long points = 0;
        int places = 0;
        for (const auto& u : units)
            if (std::find(selected.begin(), selected.end(), u.ids[0]) != selected.end()) {
                points += u.points;
                places += u.place;
                for (const auto& id : u.ids)
                    EXPECT_NE(std::find(selected.begin(), selected.end(), id), selected.end())
                        << "both members of a chosen pair are listed";
            }
        return {points, places};
    }
};

json random_instance(std::mt19937_64& rng) {
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const int n = 4 + pick(7);  // 4 to 10 proposals
    const char* groups[] = {"african", "grulac", "weog"};
    const char* themes[] = {"AI", "Access"};
    const char* orgs[] = {"A", "B", "C"};
    json j = {
        {"slots", 1 + pick(n + 1)}, {"proposals", json::array()}, {"constraints", json::array()}};
    for (int i = 1; i <= n; ++i)
        j["proposals"].push_back({{"id", i},
                                  {"score", 1 + pick(17) * 0.25},  // ties are common on purpose
                                  {"theme", themes[pick(2)]},
                                  {"organisation", orgs[pick(3)]},
                                  {"attributes",
                                   {{"regional_group", groups[pick(3)]},
                                    {"developing", pick(2) == 1},
                                    {"first_time", pick(3) == 0}}}});
    if (pick(2)) j["max_per_organisation"] = 1 + pick(2);
    for (int c = pick(4); c > 0; --c) {
        json constraint;
        switch (pick(3)) {
            case 0:
                constraint = {{"attribute", "developing"}, {"value", true}};
                break;
            case 1:
                constraint = {{"attribute", "regional_group"}, {"value", groups[pick(3)]}};
                break;
            default:
                constraint = {{"theme", themes[pick(2)]}};
        }
        if (pick(2)) constraint["min"] = pick(3);
        if (pick(2) || !constraint.contains("min"))
            constraint["max"] = constraint.value("min", 0) + pick(3);
        j["constraints"].push_back(constraint);
    }
    if (pick(3) == 0) j["merged"] = {{1, 2}};
    if (pick(4) == 0) j["forced_in"] = {n};
    if (pick(4) == 0) j["forced_out"] = {3};
    return j;
}

}  // namespace

TEST(Selection, OptimalAndTieBrokenLikeExhaustiveSearchOnRandomInstances) {
    std::mt19937_64 rng(20261122);
    int infeasible = 0, constrained = 0;
    for (int round = 0; round < 400; ++round) {
        auto j = random_instance(rng);
        SCOPED_TRACE(j.dump());
        Brute brute(j);
        auto expected = brute.best();
        auto result = select_proposals(selection_instance_from_json(j));
        ASSERT_EQ(result.feasible, expected.has_value());
        if (!expected) {
            ++infeasible;
            std::vector<json> conflict;
            for (const auto& rule : result.infeasible) conflict.push_back(rule);
            ASSERT_FALSE(conflict.empty());
            EXPECT_FALSE(brute.feasible(conflict)) << "the named constraints cannot hold";
            for (std::size_t i = 0; i < conflict.size(); ++i) {
                auto fewer = conflict;
                fewer.erase(fewer.begin() + static_cast<long>(i));
                EXPECT_TRUE(brute.feasible(fewer)) << "every named constraint is needed";
            }
            continue;
        }
        constrained += !result.binding.empty();
        auto got = brute.measure(json(result.selected).get<std::vector<json>>());
        EXPECT_EQ(got.first, expected->first) << "best total score";
        EXPECT_EQ(got.second, expected->second) << "lower ids among equal totals";
        EXPECT_NEAR(result.total_score, static_cast<double>(expected->first) / 10000, 1e-9);
    }
    EXPECT_GT(infeasible, 10);
    EXPECT_GT(constrained, 100);
}

TEST(Selection, ExplainsWhatEnteredAndLeftVersusThePlainCutoff) {
    auto j = json::parse(R"({"slots": 2, "max_per_organisation": 1,
      "proposals": [
        {"id": 1, "score": 4.8, "organisation": "A", "attributes": {"developing": false}},
        {"id": 2, "score": 4.6, "organisation": "A", "attributes": {"developing": false}},
        {"id": 3, "score": 3.9, "organisation": "C", "attributes": {"developing": true}},
        {"id": 4, "score": 3.9, "organisation": "D", "attributes": {"developing": true}}],
      "constraints": [{"attribute": "developing", "value": true, "min": 1}]})");
    auto r = select_proposals(selection_instance_from_json(j));
    EXPECT_EQ(json(r.selected), json({1, 3})) << "the tie at 3.9 goes to the lower id";
    EXPECT_EQ(json(r.entered), json({3}));
    EXPECT_EQ(json(r.left), json({2}));
    auto out = to_json(r);
    EXPECT_EQ(out["versus_cutoff"]["why"]["3"][0],
              "needed for: at least 1 from developing countries");
    EXPECT_EQ(out["versus_cutoff"]["why"]["2"][0], "held back by: at most 1 per organisation (A)");
    EXPECT_EQ(out["binding"].size(), 3u);  // slots, developing, organisation A
}

TEST(Selection, MergedPairTakesOneSlotAndCountsEitherMembersValues) {
    auto j = json::parse(R"({"slots": 1,
      "proposals": [
        {"id": "a", "score": 5, "theme": "AI", "attributes": {"regional_group": "weog"}},
        {"id": "b", "score": 3, "theme": "Access", "attributes": {"regional_group": "african"}},
        {"id": "c", "score": 4.5, "theme": "AI", "attributes": {"regional_group": "weog"}}],
      "constraints": [{"attribute": "regional_group", "value": "african", "min": 1}],
      "merged": [["a", "b"]]})");
    auto r = select_proposals(selection_instance_from_json(j));
    ASSERT_TRUE(r.feasible);
    EXPECT_EQ(json(r.selected), json({"a", "b"})) << "a pair from two themes is one unit";
    EXPECT_DOUBLE_EQ(r.total_score, 4);
}

TEST(Selection, SlotsAboveTheNumberOfProposalsAndEmptyInstances) {
    auto r = select_proposals(selection_instance_from_json(json::parse(
        R"({"slots": 50, "proposals": [{"id": 1, "score": 2}, {"id": 2, "score": 3}]})")));
    EXPECT_EQ(json(r.selected), json({1, 2}));
    auto empty = select_proposals(
        selection_instance_from_json(json::parse(R"({"slots": 5, "proposals": []})")));
    EXPECT_TRUE(empty.feasible);
    EXPECT_TRUE(empty.selected.empty());
    auto impossible = select_proposals(selection_instance_from_json(json::parse(
        R"({"slots": 5, "proposals": [], "constraints": [{"theme": "AI", "min": 1}]})")));
    EXPECT_FALSE(impossible.feasible);
    EXPECT_EQ(json(impossible.infeasible), json::parse(R"([{"theme": "AI", "min": 1}])"));
}

TEST(Selection, BadInstancesThrowInputErrorsNamingTheMember) {
    using Named = std::pair<std::string, std::string>;  // field, message
    auto named = [](const char* text) -> Named {
        try {
            selection_instance_from_json(json::parse(text));
        } catch (const InputError& e) {
            return {e.field(), e.message()};
        }
        return {"", "accepted"};
    };
    EXPECT_EQ(named(R"({"slots": -1, "proposals": []})"),
              Named("slots", "must be a whole number from 0 to 1000000"));
    EXPECT_EQ(named(R"({"slots": 1, "proposals": [{"id": 1, "score": "high"}]})").first,
              "proposals[0].score");
    EXPECT_EQ(named(R"({"slots": 1, "proposals": [], "forced_out": [4]})"),
              Named("forced_out[0]", "no proposal has the id 4"));
    EXPECT_EQ(
        named(R"({"slots": 1, "proposals": [], "constraints": [{"theme": 5, "max": 1}]})").first,
        "constraints[0].theme");
}

TEST(Selection, BadInstancesAreNamed) {
    auto error = [](const char* text) {
        try {
            selection_instance_from_json(json::parse(text));
        } catch (const InputError& e) {
            return e.field() + ": " + e.message();
        }
        return std::string("accepted");
    };
    EXPECT_EQ(error(R"({"proposals": []})").rfind("slots", 0), 0u);
    EXPECT_EQ(error(R"({"slots": 1, "proposals": [{"id": 1, "score": 1}, {"id": 1, "score": 2}]})"),
              "proposals[1].id: 1 appears twice");
    EXPECT_EQ(error(R"({"slots": 1, "proposals": [{"id": 1, "score": "high"}]})")
                  .rfind("proposals[0].score", 0),
              0u);
    EXPECT_EQ(error(R"({"slots": 1, "proposals": [{"id": 1, "score": 1}], "forced_in": [9]})"),
              "forced_in[0]: no proposal has the id 9");
    EXPECT_EQ(
        error(
            R"({"slots": 1, "proposals": [{"id": 1, "score": 1}, {"id": 2, "score": 1}, {"id": 3, "score": 1}], "merged": [[1, 2], [2, 3]]})"),
        "merged[1]: 2 is in two merged pairs");
    EXPECT_EQ(
        error(
            R"({"slots": 1, "proposals": [], "constraints": [{"theme": "AI", "min": 3, "max": 1}]})"),
        "constraints[0]: min is above max");
    EXPECT_EQ(error(R"({"slots": 1, "proposals": [], "constraints": [{"min": 1}]})"),
              "constraints[0]: names neither an attribute (with a value) nor a theme");
}

TEST(Selection, RulesReadBackAsWrittenAndNameWhatIsWrong) {
    auto j = json::parse(R"({"max_per_organisation": 2,
      "constraints": [{"attribute": "developing", "value": true, "min": 3},
                      {"theme": "AI", "max": 8}],
      "forced_in": [4, "x"], "forced_out": [], "merged": [[1, 2]]})");
    auto rules = selection_rules_from_json(j);
    EXPECT_EQ(json(rules), j);
    EXPECT_EQ(selection_rules_from_json(json(rules)), rules);
    auto error = [](const char* text) {
        try {
            selection_rules_from_json(json::parse(text));
        } catch (const InputError& e) {
            return e.field() + ": " + e.message();
        }
        return std::string("accepted");
    };
    EXPECT_EQ(error(R"({"forced_in": [1.5]})"), "forced_in[0]: must be a whole number or a text");
    EXPECT_EQ(error(R"({"constraints": [{"attribute": "a", "value": [1], "min": 1}]})"),
              "constraints[0].value: must be a text, a number, true or false");
    EXPECT_EQ(error(R"({"merged": [[3, 3]]})"), "merged[0]: merges a proposal with itself");
    EXPECT_EQ(error(R"({"forced_in": [2.0]})"), "accepted") << "2.0 is the number 2";
}
