// The synthesis the MAG meets on, and the decisions after it: slot arithmetic, the
// cut-off, the draft programme's diversity against all submissions, themes lacking a
// region or group, the speaker rule, decisions and their message texts.
#include "core/synthesis/synthesis.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/decisions/decision.hpp"
#include "core/selection/selection.hpp"

using namespace convene;
using json = nlohmann::json;

TEST(SlotPlan, StreamsTimesSlotsTimesDaysMinusReservedSessions) {
    FieldErrors errors;
    auto plan = slot_plan_from_json(json::parse(R"({"streams": 10, "slots_per_day": "4", "days": 3,
                        "reserved": {"open_forum": 16, "nri": 8}})"),
                                    {}, errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(plan.total(), 120);
    EXPECT_EQ(plan.reserved_total(), 24);
    EXPECT_EQ(plan.workshop_slots(), 96);
    plan.reserved["main_session"] = 500;
    EXPECT_EQ(plan.workshop_slots(), 0) << "never below zero";
    EXPECT_EQ(to_json(plan)["reserved"]["dynamic_coalition"], 0) << "every kind is listed";
}

TEST(SlotPlan, BadValuesAreNamedAndTheRestKept) {
    FieldErrors errors;
    SlotPlan base;
    base.streams = 5;
    auto plan = slot_plan_from_json(
        json::parse(R"({"streams": -1, "days": "three", "reserved": {"parties": 2, "nri": 1.5}})"),
        base, errors);
    ASSERT_EQ(errors.size(), 4u);
    EXPECT_EQ(errors[0].field, "streams");
    EXPECT_EQ(errors[1].field, "days");
    EXPECT_EQ(errors[2].field, "reserved.nri");  // JSON members in name order
    EXPECT_EQ(errors[3].field, "reserved.parties");
    EXPECT_EQ(plan.streams, 5);
}

TEST(Cutoff, TheScoreOfTheLastProposalThatFits) {
    EXPECT_EQ(cutoff_score({4.8, 4.5, 4.5, 4.0, 3.2}, 3), 4.5);
    EXPECT_EQ(cutoff_score({4.8, 4.5}, 10), 4.5) << "more slots than proposals";
    EXPECT_FALSE(cutoff_score({}, 3));
    EXPECT_FALSE(cutoff_score({4.0}, 0));
}

namespace {

ProgrammePerson person(std::string key, std::string role, std::string group, std::string region,
                       std::string gender, bool developing = false, bool first_time = false) {
    ProgrammePerson p;
    p.key = key;
    p.name = key;
    p.role = role;
    p.stakeholder_group = group;
    p.regional_group = region;
    p.gender = gender;
    p.developing = developing;
    p.first_time = first_time;
    return p;
}

std::vector<ProgrammeProposal> three_proposals() {
    return {
        {ProposalId{1},
         1,
         "A",
         "Access",
         {person("ana", "organiser", "civil_society", "african", "woman", true, true),
          person("bo", "speaker", "government", "weog", "man"),
          person("ana", "speaker", "civil_society", "african", "woman", true, true),
          person("mo", "moderator", "academia", "grulac", "man")}},
        {ProposalId{2},
         2,
         "B",
         "Access",
         {person("cy", "organiser", "private_sector", "asia_pacific", "", true),
          person("bo", "speaker", "government", "weog", "man")}},
        {ProposalId{3},
         3,
         "C",
         "AI",
         {person("di", "organiser", "technical_community", "eastern_european", "non_binary")}},
    };
}

int count(const DiversityTable& t, const std::string& dimension, const std::string& value,
          bool programme) {
    for (const auto& d : t.dimensions)
        if (d.code == dimension)
            for (const auto& r : d.rows)
                if (r.value == value) return programme ? r.programme : r.all;
    return -1;
}

}  // namespace

TEST(Diversity, OrganisersAndSpeakersOncePerSessionAgainstAllSubmissions) {
    auto tables = programme_diversity(three_proposals(), {ProposalId{1}, ProposalId{3}});
    ASSERT_EQ(tables.size(), 3u) << "the whole programme, then Access and AI";
    const auto& all = tables[0];
    EXPECT_EQ(all.all_proposals, 3);
    EXPECT_EQ(all.programme_proposals, 2);
    EXPECT_EQ(all.all_people, 5) << "ana once in proposal 1; moderators not counted";
    EXPECT_EQ(all.programme_people, 3);
    EXPECT_EQ(count(all, "stakeholder_group", "government", false), 2);
    EXPECT_EQ(count(all, "stakeholder_group", "government", true), 1);
    EXPECT_EQ(count(all, "regional_group", "african", true), 1);
    EXPECT_EQ(count(all, "gender", "", false), 1) << "not given is counted, not dropped";
    EXPECT_EQ(count(all, "developing", "yes", false), 2);
    EXPECT_EQ(count(all, "first_time", "yes", true), 1);
    EXPECT_EQ(tables[1].theme, "Access");
    EXPECT_EQ(tables[1].programme_proposals, 1);
    EXPECT_EQ(tables[2].theme, "AI");
    EXPECT_EQ(count(tables[2], "gender", "non_binary", true), 1);
}

TEST(Diversity, ThemesLackingARegionOrAStakeholderGroup) {
    auto gaps = theme_gaps(three_proposals(), {ProposalId{1}, ProposalId{3}});
    ASSERT_EQ(gaps.size(), 2u);
    EXPECT_EQ(gaps[0].theme, "Access");
    EXPECT_EQ(gaps[0].regions.size(), 3u) << "African Group and WEOG are there";
    EXPECT_NE(
        std::find(gaps[0].stakeholder_groups.begin(), gaps[0].stakeholder_groups.end(), "Academia"),
        gaps[0].stakeholder_groups.end())
        << "the academic is only a moderator";
    EXPECT_EQ(gaps[1].regions.size(), 4u);
}

TEST(SpeakerRule, NobodyInMoreThanTheMaximumOfSessions) {
    std::vector<ProgrammeProposal> proposals;
    for (int n = 1; n <= 5; ++n)
        proposals.push_back(
            {ProposalId{n},
             n,
             "T",
             "Access",
             {person("busy", n % 2 ? "speaker" : "moderator", "government", "weog", "man"),
              person("once-" + std::to_string(n), "speaker", "academia", "african", "woman")}});
    auto all = speaker_rule(
        proposals, {ProposalId{1}, ProposalId{2}, ProposalId{3}, ProposalId{4}, ProposalId{5}}, 3);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].key, "busy");
    EXPECT_EQ(all[0].numbers, (std::vector<long long>{1, 2, 3, 4, 5})) << "every role counts";
    EXPECT_TRUE(speaker_rule(proposals, {ProposalId{1}, ProposalId{2}, ProposalId{3}}, 3).empty())
        << "only the programme";
}

TEST(Decision, EachKindNeedsWhatItSays) {
    std::vector<std::string> themes = {"Access", "AI"};
    std::vector<long long> numbers = {1, 2, 3};
    auto check = [&](const char* text) {
        FieldErrors errors;
        auto d = decision_from_json(json::parse(text), errors);
        auto more = check_decision(d, themes, "Access", numbers, 1);
        errors.insert(errors.end(), more.begin(), more.end());
        std::vector<std::string> fields;
        for (const auto& e : errors) fields.push_back(e.field);
        return fields;
    };
    using F = std::vector<std::string>;
    EXPECT_EQ(check(R"({"kind": "accepted", "reason": "Strong"})"), F{});
    EXPECT_EQ(check(R"({"kind": "maybe", "reason": "x"})"), F{"kind"});
    EXPECT_EQ(check(R"({"kind": "declined"})"), F{"reason"});
    EXPECT_EQ(check(R"({"kind": "conditional", "reason": "x"})"), (F{"conditions", "due_date"}));
    EXPECT_EQ(check(R"({"kind": "conditional", "reason": "x", "conditions": ["merge"],
                        "due_date": "2027-02-30x"})"),
              (F{"merge_with", "due_date"}));
    EXPECT_EQ(check(R"({"kind": "conditional", "reason": "x", "conditions": ["merge"],
                        "merge_with": "1", "due_date": "2027-03-01"})"),
              F{"merge_with"})
        << "not with itself";
    EXPECT_EQ(check(R"({"kind": "conditional", "reason": "x", "conditions": ["merge", "other"],
                        "merge_with": 9, "due_date": "2027-03-01"})"),
              (F{"merge_with", "condition_note"}));
    EXPECT_EQ(check(R"({"kind": "conditional", "reason": "x", "conditions": ["merge"],
                        "merge_with": 3, "due_date": "2027-03-01"})"),
              F{})
        << "a merge across themes is allowed";
    EXPECT_EQ(check(R"({"kind": "moved", "reason": "x", "new_theme": "Access"})"), F{"new_theme"});
    EXPECT_EQ(check(R"({"kind": "moved", "reason": "x", "new_theme": "Space"})"), F{"new_theme"});
    EXPECT_EQ(check(R"({"kind": "accepted", "reason": "x", "outcome": "declined"})"), F{"outcome"});
    EXPECT_EQ(check(R"({"kind": 7, "reason": ["x"], "merge_with": {}})"),
              (F{"kind", "reason", "merge_with", "kind"}));
}

TEST(Decision, ConditionalBecomesWhatTheSecretariatConfirms) {
    Decision d;
    d.kind = "conditional";
    EXPECT_TRUE(in_programme(d));
    d.outcome = "declined";
    EXPECT_EQ(effective_kind(d), "declined");
    EXPECT_FALSE(in_programme(d));
    d.kind = "lightning";
    d.outcome.clear();
    EXPECT_FALSE(in_programme(d)) << "lightning talks are listed apart";
}

TEST(DecisionTexts, PlaceholdersAreFilledAndUnknownOnesRefused) {
    FieldErrors errors;
    auto texts = decision_texts_from_json(
        json::parse(R"({"accepted": "Dear {{title}} ({{number}}): {{reason}}",
                        "declined": "Sorry {{titel}}", "lightning": "", "party": "x"})"),
        standard_decision_texts(), errors);
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0].field, "texts.declined");
    EXPECT_NE(errors[0].message.find("{{titel}}"), std::string::npos);
    EXPECT_EQ(errors[1].field, "texts.lightning");
    EXPECT_EQ(errors[2].field, "texts.party");
    EXPECT_EQ(texts["declined"], standard_decision_texts().at("declined")) << "kept";
    EXPECT_EQ(fill_text(texts["accepted"], {{"title", "AI"}, {"number", "7"}, {"reason", "Good"}}),
              "Dear AI (7): Good");
    EXPECT_EQ(fill_text("{{unknown}} and {{", {}), "{{unknown}} and {{");
}

TEST(SelectionWords, RulesReadAsTheMagSaysThem) {
    auto selection_rule_words = [](const nlohmann::json& rule) {
        return convene::selection_rule_words(selection_rule_from_json(rule, "rule"));
    };
    EXPECT_EQ(selection_rule_words({{"attribute", "developing"}, {"value", true}, {"min", 40}}),
              "at least 40 from developing countries");
    EXPECT_EQ(selection_rule_words(
                  {{"attribute", "regional_group"}, {"value", "african"}, {"min", 2}, {"max", 9}}),
              "between 2 and 9 from the African Group");
    EXPECT_EQ(selection_rule_words({{"theme", "AI"}, {"max", 8}}), "at most 8 in the theme AI");
    EXPECT_EQ(selection_rule_words({{"max_per_organisation", 1}, {"organisation", "ISOC"}}),
              "at most 1 per organisation (ISOC)");
    EXPECT_EQ(selection_rule_words({{"forced_out", 12}}), "proposal 12 forced out");
    EXPECT_EQ(selection_rule_words({{"attribute", "first_time"}, {"value", false}, {"max", 3}}),
              "at most 3 from returning proposers");
    EXPECT_EQ(selection_rule_words({{"attribute", "size"}, {"value", 2.5}, {"min", 1}}),
              "at least 1 with size 2.50");
}
