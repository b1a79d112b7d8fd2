// Published workshop pages: fixtures of our own in the forum's format, and the real
// seed page when ../shared/seeds is there.
#include "core/proposals/workshop_page.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "test_files.hpp"

using namespace convene;

namespace {

WorkshopPage page(const std::string& name) {
    return parse_workshop_page(read_test_file(std::filesystem::path(CONVENE_TEST_DATA) /
                                              "proposals" / "workshop_pages" / name));
}

bool mentions(const std::vector<std::string>& notes, const std::string& text) {
    for (const auto& n : notes)
        if (n.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST(WorkshopPage, ReadsEveryPartOfACompletePage) {
    auto p = page("complete.txt");
    EXPECT_EQ(p.number, 12);
    EXPECT_EQ(p.title, "Community networks after the pandemic");
    EXPECT_EQ(p.theme, "Access and Diversity");
    EXPECT_EQ(p.theme_question, "How can communities build and run their own networks?");
    EXPECT_EQ(p.description.substr(0, 26), "Community networks connect");
    ASSERT_EQ(p.organisers.size(), 3u);
    EXPECT_EQ(p.organisers[0].name, "Village Mesh Alliance");
    EXPECT_EQ(p.organisers[0].stakeholder_group, "civil_society");
    EXPECT_EQ(p.organisers[2].stakeholder_group, "") << "no brackets, no group";
    ASSERT_EQ(p.speakers.size(), 4u);
    EXPECT_EQ(p.speakers[0].person.name, "Nomvula Ndlovu");
    EXPECT_EQ(p.speakers[0].person.confirmation, "confirmed");
    EXPECT_EQ(p.speakers[0].person.regional_group, "african");
    EXPECT_EQ(p.speakers[1].person.name, "Rafael Pereira");
    EXPECT_EQ(p.speakers[1].person.confirmation, "tbc");
    EXPECT_EQ(p.speakers[1].person.stakeholder_group, "academia");
    EXPECT_EQ(p.speakers[1].person.organisation, "Universidad del Sur");
    EXPECT_EQ(p.speakers[3].role, "moderator");
    EXPECT_EQ(p.speakers[3].person.name, "Mei Chen");
    EXPECT_EQ(p.speakers[3].person.regional_group, "asia_pacific");
    ASSERT_EQ(p.online_moderators.size(), 1u);
    EXPECT_EQ(p.online_moderators[0].name, "Bilal Hussain");
    EXPECT_EQ(p.online_moderators[0].stakeholder_group, "youth");
    ASSERT_TRUE(p.report);
    EXPECT_EQ(p.report->women_present, "about_a_third");
    EXPECT_EQ(p.report->gender_discussed, "mentioned");
    EXPECT_EQ(p.report->reported_by, "Mei Chen");
    EXPECT_EQ(p.report->summary,
              "Speakers compared licence fees: they are the main barrier.\nParticipants asked for "
              "shared spectrum.");
    EXPECT_EQ(p.report->conclusions, "Regulators should exempt community networks from fees.");
    EXPECT_TRUE(p.unread.empty()) << p.unread.front();
}

TEST(WorkshopPage, APageWithoutReportSaysSo) {
    auto p = page("no_report.txt");
    EXPECT_EQ(p.number, 7);
    EXPECT_FALSE(p.report);
    EXPECT_TRUE(mentions(p.unread, "the page has no report"));
    EXPECT_EQ(p.speakers.size(), 2u);
    EXPECT_EQ(p.speakers[0].person.confirmation, "proposed");
    EXPECT_EQ(to_json(p)["report"], nullptr);
}

TEST(WorkshopPage, OtherCapitalisationAndNoBrackets) {
    auto p = page("other_capitalisation.txt");
    EXPECT_EQ(p.number, 301);
    EXPECT_EQ(p.theme, "Youth");
    EXPECT_EQ(p.description, "Young people speak about what they need.");
    ASSERT_EQ(p.speakers.size(), 2u);
    EXPECT_EQ(p.speakers[0].person.name, "Kofi Mensah");
    EXPECT_EQ(p.speakers[0].person.stakeholder_group, "");
    EXPECT_EQ(p.speakers[1].role, "moderator");
    ASSERT_TRUE(p.report);
    EXPECT_EQ(p.report->reported_by, "Kofi Mensah");
    EXPECT_TRUE(mentions(p.unread, "the report lacks the summary"));
}

TEST(WorkshopPage, TruncatedPagesKeepWhatArrivedAndSayWhatIsMissing) {
    auto p = page("truncated.txt");
    EXPECT_EQ(p.speakers.size(), 2u);
    EXPECT_EQ(p.speakers[0].person.regional_group, "african")
        << "an unclosed bracket is still read";
    EXPECT_TRUE(mentions(p.unread, "the bracket is not closed"));
    ASSERT_TRUE(p.report);
    EXPECT_EQ(p.report->women_present, "more_than_half");
    EXPECT_TRUE(mentions(p.unread, "may be truncated"));
    EXPECT_TRUE(mentions(p.unread, "the report lacks the conclusions"));
}

TEST(WorkshopPage, GarbageNeverCrashes) {
    for (std::string text :
         {std::string(), std::string("\n\n\n"), std::string("(No.)"),
          std::string("(No.999999999999) x"), std::string("\xff\xfe garbage"),
          std::string("Moderator:\n[\n]\n"),
          std::string("(No.1) t\nSubmitted Workshop Panelists:\n[,,,]\nModerator:\n")}) {
        auto p = parse_workshop_page(text);
        EXPECT_NO_THROW(to_json(p).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
}

TEST(WorkshopPage, TheSeedPageOfTheForum) {
    const std::filesystem::path seed = CONVENE_SEEDS "/004_ce0f55d3c2b18238.txt";
    if (!std::filesystem::exists(seed)) GTEST_SKIP() << "../shared/seeds is not here";
    auto p = parse_workshop_page(read_test_file(seed));
    EXPECT_EQ(p.number, 85);
    EXPECT_EQ(p.theme, "Taking Stock and the Way Forward");
    EXPECT_EQ(p.organisers.size(), 7u);
    ASSERT_EQ(p.speakers.size(), 6u);
    EXPECT_EQ(p.speakers[0].person.name, "Peter Major");
    EXPECT_EQ(p.speakers[0].person.stakeholder_group, "government");
    EXPECT_EQ(p.speakers[2].person.confirmation, "tbc");
    EXPECT_EQ(p.speakers[4].person.regional_group, "asia_pacific");
    EXPECT_EQ(p.speakers[5].role, "moderator");
    EXPECT_EQ(p.speakers[5].person.name, "Izumi Aizu");
    ASSERT_EQ(p.online_moderators.size(), 1u);
    EXPECT_EQ(p.online_moderators[0].name, "Avri Doria");
    ASSERT_TRUE(p.report);
    EXPECT_EQ(p.report->women_present, "about_half");
    EXPECT_EQ(p.report->gender_discussed, "not_raised");
    EXPECT_EQ(p.report->reported_by, "Izumi Aizu");
    EXPECT_EQ(p.report->summary.rfind("Peter Major, the Chair", 0), 0u);
    EXPECT_EQ(p.report->conclusions.rfind("There was general consensus", 0), 0u);
}

namespace {

WorkshopReport card(const std::string& women, const std::string& gender) {
    auto p = parse_workshop_page(
        "(No.9) A page\nGender Report Card\n"
        "Please estimate the overall number of women participants present at the session:\n" +
        women +
        "\nTo what extent did the session discuss gender equality and/or women's "
        "empowerment?:\n" +
        gender + "\nReported by:\nR\nConclusions and further comments:\nC\n");
    EXPECT_TRUE(p.report);
    return p.report.value_or(WorkshopReport{});
}

}  // namespace

TEST(WorkshopPage, EveryWordingOfTheCardsAnswers) {
    for (auto [text, code] : std::vector<std::pair<std::string, std::string>>{
             {"There were more women than men", "more_than_half"},
             {"More than half of the participants were women", "more_than_half"},
             {"The majority of participants were women", "more_than_half"},
             {"Mostly women", "more_than_half"},
             {"About half of the participants were women", "about_half"},
             {"There were equal numbers of women and men", "about_half"},
             {"Roughly as many women as men", "about_half"},
             {"About one third of the participants were women", "about_a_third"},
             {"A few women", "a_few"},
             {"There were very few women", "a_few"},
             {"There were no women", "none"},
             {"None", "none"},
             {"Less than half of the participants were women", ""},
             {"Hard to say", ""}})
        EXPECT_EQ(card(text, "").women_present, code) << text;
    for (auto [text, code] : std::vector<std::pair<std::string, std::string>>{
             {"It was not seen as related to the session theme and was not raised", "not_raised"},
             {"It was not mentioned", "not_raised"},
             {"Gender equality was not discussed", "not_raised"},
             {"It was mentioned briefly", "mentioned"},
             {"It was partially discussed", "mentioned"},
             {"It was touched upon in passing", "mentioned"},
             {"It was the main topic of the session", "main_topic"},
             {"It was a central focus of the session", "main_topic"},
             {"Perhaps", ""}})
        EXPECT_EQ(card("", text).gender_discussed, code) << text;
}

TEST(WorkshopPage, MoreWomenThanMenIsNoLongerUnread) {
    auto p = parse_workshop_page(
        "(No.3) T\nPlease estimate the overall number of women participants present at the "
        "session:\nThere were more women than men\nConclusions and further comments:\nC\n");
    ASSERT_TRUE(p.report);
    EXPECT_EQ(p.report->women_present, "more_than_half");
    EXPECT_FALSE(mentions(p.unread, "There were more women than men"));
}
