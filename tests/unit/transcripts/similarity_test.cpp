// Speaker names compared: role words, titles, case, accents, punctuation and a captioner's
// typos set aside; what resembles what, how strongly; and the links suggested from it.
#include "core/transcripts/similarity.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <random>

using namespace convene::transcripts;

namespace {

Resemblance labels(const std::string& a, const std::string& b) {
    return resemblance(name_of_label(a), name_of_label(b));
}

std::vector<std::string> labels_of(const Suggestion& s, const std::vector<LabelToLink>& all) {
    std::vector<std::string> out;
    for (auto i : s.labels) out.push_back(all[i].label);
    return out;
}

}  // namespace

TEST(SpeakerNames, FoldedWithoutRolesTitlesAccentsOrPunctuation) {
    EXPECT_EQ(folded_text(name_of_label("CHAIR ST. AMOUR")), "st amour");
    EXPECT_EQ(name_of_label("CHAIR ST. AMOUR").role, "chair");
    EXPECT_EQ(name_of_label("CHAIR ST. AMOUR").written, "ST. AMOUR");
    EXPECT_EQ(folded_text(name_of_label("LYNN ST. AMOUR")), "lynn st amour");
    EXPECT_EQ(folded_text(name_of_person("Lynn St Amour")), "lynn st amour");
    EXPECT_EQ(folded_text(name_of_person("Mr. Jos\xC3\xA9 P\xC3\xA9rez")), "jose perez");
    EXPECT_EQ(folded_text(name_of_label("H.E. MR. JOSE PEREZ")), "jose perez");
    EXPECT_EQ(folded_text(name_of_person("Dr. S\xC3\xB8ren \xC5\x81ukasz")), "soren lukasz");
    EXPECT_EQ(folded_text(name_of_label("JAC sm KEE")), "jac sm kee");
    EXPECT_EQ(folded_text(name_of_label("KIEREN McCARTHY")), "kieren mccarthy");
    EXPECT_EQ(folded_text(name_of_label("QUSAI AL\xE2\x80\x91SHATTI")), "qusai al shatti");
    EXPECT_EQ(folded_text(name_of_label("LYNN ST. AMOUR, CHAIR")), "lynn st amour");
    // A role alone names nobody; a title alone is kept (it is all there is).
    EXPECT_TRUE(name_of_label("MODERATOR").words.empty());
    EXPECT_TRUE(name_of_label("REMOTE INVERVENTION").words.empty());
    EXPECT_EQ(folded_text(name_of_label("DR")), "dr");
}

TEST(SpeakerNames, WhatResemblesWhat) {
    struct Case {
        std::string a, b;
        Likeness likeness;
    };
    std::vector<Case> cases = {
        {"CHAIR ST. AMOUR", "LYNN ST. AMOUR", Likeness::family_name},
        {"LYNN ST. AMOUR", "CHAIR ST. AMOUR", Likeness::family_name},
        {"LYNN ST. AMOUR", "Lynn St Amour", Likeness::same_name},
        {"JAC SM KEE", "JAC SMKEE", Likeness::same_name},
        {"MR. JOSE PEREZ", "JOS\xC3\x89 P\xC3\x89REZ", Likeness::same_name},
        {"VYATCHESLAV CHERKASOV", "VYATCHASLAVA CHERAKOV", Likeness::typo},
        {"KIEREN McCARTHY", "KIERAN McCARTHY", Likeness::typo},
        {"J. SMITH", "JOHN SMITH", Likeness::initials},
        {"JOHN SMITH", "JOHN PAUL SMITH", Likeness::middle_name},
        {"J. SMITH", "JOHN PAUL SMITH", Likeness::initials},
        {"RASHA", "RASHA ABDULLA", Likeness::given_name},
        {"CO-CHAIR ST. AMOUR", "CHAIR ST. AMOUR", Likeness::same_name},
        // Not the same person, as far as names tell.
        {"JOHN SMITH", "JANE SMITH", Likeness::none},
        {"MARIA SANTOS", "MARIO SANTOS", Likeness::none},
        {"ANNA LEE", "ANNE LEE", Likeness::none},
        {"PAUL WILSON", "PETER MAJOR", Likeness::none},
        {"MODERATOR", "MODERATOR", Likeness::none},
        {"MODERATOR", "LYNN ST. AMOUR", Likeness::none},
        {"CHAIR ST. AMOUR", "REMOTE INTERVENTION", Likeness::none},
        {"LYNN ST. AMOUR", "LYNN SMITH", Likeness::none},
        {"LYNN", "LYNN ST. AMOUR", Likeness::given_name},
        {"SMITH JOHN", "JOHN SMITH", Likeness::none},
    };
    for (const auto& c : cases) {
        auto r = labels(c.a, c.b);
        EXPECT_EQ(r.likeness, c.likeness) << c.a << " / " << c.b;
        EXPECT_EQ(r.score == 0, c.likeness == Likeness::none) << c.a << " / " << c.b;
        EXPECT_EQ(labels(c.b, c.a).score, r.score) << "symmetric: " << c.a << " / " << c.b;
    }
    // The chair's label with a family name is a strong sign; a first name alone is weak.
    EXPECT_GE(labels("CHAIR ST. AMOUR", "LYNN ST. AMOUR").score, 80);
    EXPECT_LT(labels("RASHA", "RASHA ABDULLA").score, 60);
    EXPECT_GT(labels("LYNN ST. AMOUR", "Lynn St Amour").score,
              labels("KIEREN McCARTHY", "KIERAN McCARTHY").score);
}

TEST(SpeakerNames, EditDistanceStopsAtItsLimit) {
    EXPECT_EQ(edit_distance(U"kieren", U"kieran", 2), 1u);
    EXPECT_EQ(edit_distance(U"cherkasov", U"cherakov", 2), 2u);
    EXPECT_EQ(edit_distance(U"amour", U"wilson", 1), 2u);
    EXPECT_EQ(edit_distance(U"a", U"abcdef", 2), 3u);
    EXPECT_EQ(edit_distance(U"", U"", 0), 0u);
}

TEST(SpeakerNames, LabelsWrittenAsNames) {
    EXPECT_EQ(name_case("LYNN ST. AMOUR"), "Lynn St. Amour");
    EXPECT_EQ(name_case("QUSAI AL-SHATTI"), "Qusai Al-Shatti");
    EXPECT_EQ(name_case("KIEREN McCARTHY"), "Kieren McCarthy");
    EXPECT_EQ(name_case("MARTA DE LA FUENTE"), "Marta de la Fuente");
    EXPECT_EQ(name_case("O'NEIL"), "O'Neil");
    EXPECT_EQ(name_case("JOS\xC3\x89 P\xC3\x89REZ"), "Jos\xC3\xA9 P\xC3\xA9rez");
    EXPECT_EQ(name_case("  JAC   sm KEE "), "Jac sm Kee");
}

TEST(SpeakerSuggestions, TheChairsLabelAndTheFullNameBecomeOnePerson) {
    std::vector<LabelToLink> all = {
        {"chair st amour", "CHAIR ST. AMOUR", std::nullopt, 24},
        {"lynn st amour", "LYNN ST. AMOUR", std::nullopt, 45},
        {"moderator", "MODERATOR", std::nullopt, 22},
        {"chengetai masango", "CHENGETAI MASANGO", std::nullopt, 11},
        {"remote intervention", "REMOTE INTERVENTION", std::nullopt, 4},
    };
    auto s = suggest_links(all, {});
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(labels_of(s[0], all),
              (std::vector<std::string>{"LYNN ST. AMOUR", "CHAIR ST. AMOUR"}));
    EXPECT_FALSE(s[0].person);
    EXPECT_EQ(s[0].new_name, "Lynn St. Amour");
    ASSERT_EQ(s[0].reasons.size(), 1u);
    EXPECT_EQ(all[s[0].reasons[0].label].label, "CHAIR ST. AMOUR");
    EXPECT_EQ(s[0].reasons[0].likeness, Likeness::family_name);
    EXPECT_EQ(s[0].reasons[0].resembles, "LYNN ST. AMOUR");
}

TEST(SpeakerSuggestions, LabelsGoToThePersonTheyResemble) {
    std::vector<KnownPerson> people = {
        {7, "Lynn St. Amour"}, {8, "Chengetai Masango"}, {9, "Paul Wilson"}};
    std::vector<LabelToLink> all = {
        {"chair st amour", "CHAIR ST. AMOUR", std::nullopt, 24},
        {"lynn st amour", "LYNN ST. AMOUR", std::nullopt, 45},
        {"chengetai masango", "CHENGETAI MASANGO", 8, 11},  // linked already: not suggested
        {"chengetai masanga", "CHENGETAI MASANGA", std::nullopt, 1},
    };
    auto s = suggest_links(all, people);
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(*s[0].person, 0u);
    EXPECT_EQ(labels_of(s[0], all),
              (std::vector<std::string>{"LYNN ST. AMOUR", "CHAIR ST. AMOUR"}));
    EXPECT_EQ(s[0].reasons[0].likeness, Likeness::same_name);
    EXPECT_TRUE(s[0].reasons[0].resembles_person);
    EXPECT_EQ(s[0].reasons[1].likeness, Likeness::family_name);
    EXPECT_EQ(s[0].score, s[0].reasons[1].score);
    EXPECT_EQ(*s[1].person, 1u);
    EXPECT_EQ(labels_of(s[1], all), (std::vector<std::string>{"CHENGETAI MASANGA"}));
    EXPECT_EQ(s[1].reasons[0].likeness, Likeness::typo);
}

TEST(SpeakerSuggestions, ALinkedLabelLeadsToItsPerson) {
    // The person's record is named otherwise; the linked label carries the name.
    std::vector<KnownPerson> people = {{3, "Amour, L."}};
    std::vector<LabelToLink> all = {
        {"lynn st amour", "LYNN ST. AMOUR", 3, 45},
        {"chair st amour", "CHAIR ST. AMOUR", std::nullopt, 24},
    };
    auto s = suggest_links(all, people);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(*s[0].person, 0u);
    EXPECT_EQ(s[0].reasons[0].resembles, "LYNN ST. AMOUR");
    EXPECT_FALSE(s[0].reasons[0].resembles_person);
}

TEST(SpeakerSuggestions, AGroupHoldsOnlyLabelsThatAllResembleEachOther) {
    // "ST. AMOUR" is the family name of both; the two full names are not one person.
    std::vector<LabelToLink> all = {
        {"chair st amour", "CHAIR ST. AMOUR", std::nullopt, 24},
        {"lynn st amour", "LYNN ST. AMOUR", std::nullopt, 45},
        {"paul st amour", "PAUL ST. AMOUR", std::nullopt, 2},
    };
    auto s = suggest_links(all, {});
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].labels.size(), 2u);
    EXPECT_EQ(labels_of(s[0], all)[1], "CHAIR ST. AMOUR");
}

TEST(SpeakerSuggestions, TiedPeopleAreEachOffered) {
    std::vector<KnownPerson> people = {{1, "Lynn St. Amour"}, {2, "Paul St. Amour"}};
    std::vector<LabelToLink> all = {{"chair st amour", "CHAIR ST. AMOUR", std::nullopt, 24}};
    auto s = suggest_links(all, people);
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s[0].score, s[1].score);
    EXPECT_EQ(suggest_links(all, people, 1).size(), 1u);
}

// Thousands of labels and people, as an archive of many years holds, answer quickly.
TEST(SpeakerSuggestions, ManyNamesQuickly) {
    const std::vector<std::string> syllables = {"KA",  "MA", "NO",  "RI", "SEN", "TO",  "LU", "BO",
                                                "VAL", "DI", "ZA",  "HU", "PE",  "GOR", "AN", "EL",
                                                "MI",  "SO", "TAR", "WE", "YA",  "CHE"};
    std::mt19937 random(7);
    auto word = [&](int from, int to) {
        std::string w;
        for (int n = from + static_cast<int>(random() % (to - from + 1)); n > 0; --n)
            w += syllables[random() % syllables.size()];
        return w;
    };
    const std::vector<std::string> common = {"JOHN", "MARIA", "DAVID", "ANA", "PAUL", "LYNN"};
    auto name = [&]() {
        auto given = random() % 4 == 0 ? common[random() % common.size()] : word(2, 3);
        return given + " " + word(2, 4);
    };
    std::vector<LabelToLink> all;
    for (int i = 0; i < 5000; ++i) {
        auto label = name();
        all.push_back({label, label, std::nullopt, static_cast<std::size_t>(i % 13)});
    }
    std::vector<KnownPerson> people;
    for (int i = 0; i < 5000; ++i) people.push_back({i, name()});
    auto started = std::chrono::steady_clock::now();
    auto s = suggest_links(all, people);
    auto took = std::chrono::steady_clock::now() - started;
    EXPECT_FALSE(s.empty());
    EXPECT_LE(s.size(), 100u);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(took).count();
    std::cout << "5,000 labels against 5,000 people: " << ms << " ms\n";
    // Generous for the sanitizer builds; the release build takes a fraction of it.
    EXPECT_LT(ms, 5000);
}
