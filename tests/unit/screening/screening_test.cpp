// Screening cases as data: tests/data/screening/<case>/ holds edition.json and
// proposals.json, and expected.jsonl is exactly what `convene screen` must print.
#include "core/screening/screening.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/common/field_error.hpp"
#include "test_files.hpp"

using namespace convene;

namespace {

std::vector<Proposal> proposals_in(const nlohmann::json& list) {
    std::vector<Proposal> out;
    for (const auto& p : list) out.push_back(proposal_from_json(p));
    return out;
}

}  // namespace

TEST(Screening, CasesAsData) {
    const std::filesystem::path root = CONVENE_TEST_DATA "/screening";
    int cases = 0;
    for (const auto& dir : std::filesystem::directory_iterator(root)) {
        SCOPED_TRACE(dir.path().filename().string());
        auto context = screening_context_from_json(
            nlohmann::json::parse(read_test_file(dir.path() / "edition.json")));
        auto proposals =
            proposals_in(nlohmann::json::parse(read_test_file(dir.path() / "proposals.json")));
        std::string printed;
        for (const auto& r : screen_proposals(proposals, context))
            printed += to_json(r).dump() + "\n";
        EXPECT_EQ(printed, read_test_file(dir.path() / "expected.jsonl"));
        ++cases;
    }
    EXPECT_GE(cases, 2);
}

TEST(Screening, EveryRuleHasAFailingCase) {
    auto out = read_test_file(std::filesystem::path(CONVENE_TEST_DATA) /
                              "screening/every_rule/expected.jsonl");
    for (const char* code :
         {"missing_field", "too_few_confirmed_speakers", "too_many_proposals_per_person",
          "too_many_proposals_per_institution", "mag_member_proposer", "missing_previous_report",
          "no_gender_diversity", "too_few_onsite_speakers", "no_onsite_moderator",
          "no_online_moderator"})
        EXPECT_NE(out.find(std::string("\"") + code + "\""), std::string::npos) << code;
}

TEST(Screening, UnknownOrMistypedSettingsAreNamed) {
    try {
        screening_context_from_json({{"screening", {{"min_confirmed_speaker", 3}}}});
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "screening.min_confirmed_speaker is not a screening rule");
    }
    EXPECT_THROW(screening_context_from_json({{"screening", {{"min_onsite_speakers", "two"}}}}),
                 std::invalid_argument);
    EXPECT_THROW(screening_context_from_json({{"screening", {{"require_gender_diversity", 1}}}}),
                 std::invalid_argument);
    EXPECT_THROW(screening_context_from_json(nlohmann::json::array()), std::invalid_argument);
}

// Found by the screening_instance fuzz target: a mistyped member of a past session threw
// nlohmann's type_error instead of an InputError naming it.
TEST(Screening, MistypedPastSessionsAreNamed) {
    auto field = [](const char* text) {
        try {
            screening_context_from_json(nlohmann::json::parse(text));
        } catch (const InputError& e) {
            return e.field();
        }
        return std::string("accepted");
    };
    EXPECT_EQ(field(R"({"past_sessions": [{"report_filed": []}]})"),
              "past_sessions[0].report_filed");
    EXPECT_EQ(field(R"({"past_sessions": [{}, {"editions_ago": "two"}]})"),
              "past_sessions[1].editions_ago");
    EXPECT_EQ(field(R"({"past_sessions": [{"title": 5}]})"), "past_sessions[0].title");
    EXPECT_EQ(field(R"({"past_sessions": [3]})"), "past_sessions[0]");
    EXPECT_EQ(
        field(R"({"past_sessions": [{"editions_ago": 2, "title": "A", "report_filed": true}]})"),
        "accepted");
}

TEST(Screening, BadProposalsAreNamed) {
    try {
        proposal_from_json({{"id", 1}, {"speakers", {{{"name", "A"}, {"onsite", "yes"}}}}});
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "speakers[0].onsite must be true or false");
    }
    EXPECT_THROW(proposal_from_json({{"title", "no id"}}), std::invalid_argument);
    auto p = proposal_from_json({{"id", 1}});
    EXPECT_THROW(screen_proposals({p, p}, {}), std::invalid_argument) << "duplicate ids";
}

TEST(Screening, OneFieldListPerSessionTypeCanBeSet) {
    auto context =
        screening_context_from_json({{"screening",
                                      {{"required_fields", {{"town_hall", {"title", "agenda"}}}},
                                       {"min_confirmed_speakers", 0}}}});
    auto p = proposal_from_json({{"id", 9}, {"session_type", "town_hall"}, {"title", "Town hall"}});
    auto r = screen_proposals({p}, context).at(0);
    ASSERT_EQ(r.failures.size(), 2u);
    EXPECT_EQ(r.failures[0].message, "The required field Agenda is empty.");
    EXPECT_EQ(r.failures[1].code, "no_online_moderator");
}

TEST(Screening, PeopleAreTheSameWhateverTheirTitleOrSpacing) {
    EXPECT_EQ(name_key("Mr.  Peter   Major"), name_key("peter major"));
    ProposalPerson ana;
    ana.name = "X";
    ana.email = " Ana@Alpha.example ";
    EXPECT_EQ(person_key(ana), "email:ana@alpha.example");
}

// Some keyboards send "é" as "e" and a combining accent; the name is the same person.
TEST(Screening, NamesMatchWhateverTheirUnicodeFormOrCase) {
    const std::string composed = "Jos\u00e9 N\u00fa\u00f1ez";
    const std::string decomposed = "Jose\u0301 Nu\u0301n\u0303ez";
    ASSERT_NE(composed, decomposed);
    EXPECT_EQ(name_key(composed), name_key(decomposed));
    EXPECT_EQ(name_key("JOS\u00c9  N\u00da\u00d1EZ"), name_key(decomposed));
    EXPECT_EQ(name_key("Stra\u00dfe"), name_key("STRASSE"));
    EXPECT_NE(name_key("Jos\u00e9"), name_key("Jose"));
    EXPECT_EQ(institution_key("Universit\u00e9 de Gen\u00e8ve"),
              institution_key("UNIVERSITE\u0301 DE GENE\u0300VE"));

    auto context = screening_context_from_json(
        {{"screening", {{"mag_members_excluded", true}, {"min_confirmed_speakers", 0}}},
         {"mag_members", {{{"name", composed}}}}});
    auto p =
        proposal_from_json({{"id", 1}, {"title", "T"}, {"organisers", {{{"name", decomposed}}}}});
    auto r = screen_proposals({p}, context).at(0);
    bool flagged = false;
    for (const auto& f : r.failures) flagged = flagged || f.code == "mag_member_proposer";
    EXPECT_TRUE(flagged) << "the MAG member typed in decomposed form is still found";
}

namespace convene {

TEST(ScreeningRules, BadRulesThrowInputErrorsNamingTheSetting) {
    auto named = [](const char* rules) -> std::pair<std::string, std::string> {
        try {
            screening_context_from_json({{"screening", nlohmann::json::parse(rules)}});
        } catch (const InputError& e) {
            return {e.field(), e.message()};
        }
        return {"", "accepted"};
    };
    EXPECT_EQ(named(R"({"min_onsite_speakers": -1})").first, "screening.min_onsite_speakers");
    // A count past an int is refused, not wrapped (4294967297 was read as 1).
    EXPECT_EQ(named(R"({"max_proposals_per_person": 4294967297})").first,
              "screening.max_proposals_per_person");
    EXPECT_EQ(named(R"({"max_proposals_per_person": 18446744073709551615})").first,
              "screening.max_proposals_per_person");
    EXPECT_EQ(named(R"({"max_proposals_per_person": 100000})").second, "accepted");
    EXPECT_EQ(named(R"({"room_size": 3})"),
              (std::pair<std::string, std::string>("screening.room_size",
                                                   "screening.room_size is not a screening rule")));
    EXPECT_EQ(named(R"({"required_fields": {"workshop": "title"}})").first,
              "screening.required_fields.workshop");
    EXPECT_EQ(named("[]").first, "screening");
    EXPECT_EQ(named(R"({"check_completeness": false})").second, "accepted");
}

}  // namespace convene

TEST(ScreeningRules, StoredRulesReadBackWithEveryRuleShown) {
    auto rules = screening_rules_from_json(
        {{"min_confirmed_speakers", 0}, {"require_gender_diversity", true}});
    EXPECT_EQ(rules.min_confirmed_speakers, 0);
    EXPECT_TRUE(rules.require_gender_diversity);
    EXPECT_EQ(rules.max_proposals_per_person, 3) << "a rule not given keeps its default";
    auto shown = to_json(rules);
    EXPECT_EQ(shown["speaker_confirmation"], "declared");
    auto again = screening_rules_from_json(shown);
    EXPECT_EQ(to_json(again), shown);
    try {
        screening_rules_from_json({{"min_onsite_speaker", 2}});
        FAIL() << "a misspelt rule must be refused";
    } catch (const InputError& e) {
        EXPECT_EQ(e.field(), "screening.min_onsite_speaker");
    }
}
