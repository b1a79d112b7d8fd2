#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/accounts/roles.hpp"
#include "core/common/clock.hpp"
#include "core/demo/demo_forum.hpp"
#include "core/editions/edition.hpp"
#include "core/people/country.hpp"
#include "core/people/people.hpp"

using namespace convene;

TEST(Countries, EveryUnMemberHasItsRegionalGroup) {
    std::map<std::string, int> per_group;
    for (const auto& c : countries()) ++per_group[c.regional_group];
    EXPECT_EQ(per_group["african"], 54);
    EXPECT_EQ(per_group["asia_pacific"], 55);  // 53 members, with Palestine and Kiribati
    EXPECT_EQ(per_group["eastern_european"], 23);
    EXPECT_EQ(per_group["grulac"], 33);
    EXPECT_EQ(per_group["weog"], 29);  // 28 members and the United States
}

TEST(Countries, FlagsFollowUnLists) {
    ASSERT_NE(find_country("np"), nullptr);
    EXPECT_TRUE(find_country("NP")->least_developed);
    EXPECT_TRUE(find_country("NP")->developing);
    EXPECT_TRUE(find_country("JM")->small_island);
    EXPECT_FALSE(find_country("JP")->developing);
    EXPECT_TRUE(find_country("KR")->developing);
    EXPECT_EQ(find_country("XX"), nullptr);
    EXPECT_EQ(regional_group_label("grulac"), "Latin American and Caribbean Group (GRULAC)");
}

TEST(Countries, CsvErrorsNameTheLine) {
    EXPECT_THROW(parse_countries("code,name\nKE,Kenya\n"), std::runtime_error);
    auto parsed =
        parse_countries("code,name,regional_group,developing,ldc,sids\nZZ,\"A, B\",weog,0,0,1\n");
    ASSERT_EQ(parsed.size(), 1u);
    EXPECT_EQ(parsed[0].name, "A, B");
    EXPECT_TRUE(parsed[0].small_island);
}

TEST(Editions, ValidationNamesEveryField) {
    EditionDraft d{"", "20x7", "2027-02-30", "2027-01-01", "Paris", ""};
    std::set<std::string> fields;
    for (const auto& e : validate_edition(d)) fields.insert(e.field);
    EXPECT_EQ(fields, (std::set<std::string>{"name", "year", "start_date", "time_zone", "venue"}));
    EditionDraft backwards{"IGF", "2027", "2027-06-18", "2027-06-15", "Europe/Paris", "Paris"};
    auto errors = validate_edition(backwards);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "end_date");
    EditionDraft good{"IGF 2027", "2027", "2027-06-15", "2027-06-18", "Europe/Paris", "Paris"};
    EXPECT_TRUE(validate_edition(good).empty());
}

TEST(Editions, StandardSessionTypesHaveTheirDurations) {
    for (const auto& t : standard_session_types()) {
        EXPECT_FALSE(t.durations.empty()) << t.code;
        if (t.code == "lightning_talk") {
            EXPECT_EQ(t.durations, std::vector<int>{20});
        }
        if (t.code == "workshop") {
            EXPECT_EQ(t.durations, (std::vector<int>{60, 90}));
        }
    }
}

TEST(People, Validation) {
    PersonDraft p{"Amina Diallo", "amina@example.org", "Org", "SN", "civil_society", "woman", true};
    EXPECT_TRUE(validate_person(p, true).empty());
    p.email = "not-an-address";
    p.country = "ZZ";
    p.stakeholder_group = "aliens";
    p.gender = "x";
    std::set<std::string> fields;
    for (const auto& e : validate_person(p, true)) fields.insert(e.field);
    EXPECT_EQ(fields, (std::set<std::string>{"email", "country", "stakeholder_group", "gender"}));
    EXPECT_EQ(choice_label(stakeholder_groups(), "technical_community"), "Technical Community");
}

TEST(Roles, NamesRoundTrip) {
    for (Role r : all_roles) EXPECT_EQ(parse_role(role_name(r)), r);
    EXPECT_FALSE(parse_role("superuser").has_value());
}

TEST(Clock, FormatsAndParsesUtc) {
    auto t = parse_utc("2027-06-15T09:30:05Z");
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(format_utc(*t), "2027-06-15T09:30:05Z");
    EXPECT_FALSE(parse_utc("2027-06-15 09:30:05").has_value());
    EXPECT_FALSE(parse_utc("2027-02-30T09:30:05Z").has_value());
}

TEST(DemoForum, SameSeedSameForum) {
    auto a = generate_demo_forum(42), b = generate_demo_forum(42), c = generate_demo_forum(43);
    ASSERT_EQ(a.proposals.size(), 300u);
    for (std::size_t i = 0; i < a.proposals.size(); ++i) {
        EXPECT_EQ(a.proposals[i].title, b.proposals[i].title);
        EXPECT_EQ(a.proposals[i].people.size(), b.proposals[i].people.size());
    }
    for (std::size_t i = 0; i < a.people.size(); ++i)
        EXPECT_EQ(a.people[i].details.email, b.people[i].details.email);
    bool differs = false;
    for (std::size_t i = 0; i < a.proposals.size(); ++i)
        differs |= a.proposals[i].title != c.proposals[i].title;
    EXPECT_TRUE(differs);
}

TEST(DemoForum, LooksLikeAnIgfEdition) {
    auto f = generate_demo_forum(1);
    EXPECT_EQ(f.edition.name, "IGF demo");
    EXPECT_EQ(f.edition.start_date, "2027-06-15");
    EXPECT_EQ(f.edition.end_date, "2027-06-17");
    EXPECT_TRUE(validate_edition(f.edition).empty());
    EXPECT_EQ(f.themes.size(), 8u);
    EXPECT_EQ(f.rooms.size(), 11u);
    EXPECT_TRUE(f.rooms[0].interpreted);
    EXPECT_EQ(f.mag_members.size(), 50u);
    std::set<std::string> emails, groups, regions, genders;
    for (const auto& p : f.people) {
        EXPECT_TRUE(validate_person(p.details, true).empty()) << p.details.name;
        emails.insert(p.details.email);
        groups.insert(p.details.stakeholder_group);
        regions.insert(find_country(p.details.country)->regional_group);
        genders.insert(p.details.gender);
    }
    EXPECT_EQ(emails.size(), f.people.size()) << "e-mails are unique";
    EXPECT_GE(groups.size(), 5u);
    EXPECT_EQ(regions.size(), 5u);
    EXPECT_TRUE(genders.count("woman") && genders.count("man"));
    for (const auto& p : f.proposals) {
        int speakers = 0, moderators = 0;
        std::set<int> distinct;
        for (const auto& r : p.people) {
            speakers += r.role == "speaker";
            moderators += r.role == "moderator";
            distinct.insert(r.person);
        }
        EXPECT_GE(speakers, 3);
        EXPECT_EQ(moderators, 1);
        EXPECT_EQ(distinct.size(), p.people.size()) << "nobody holds two roles in one proposal";
        if (p.format == "flash" || p.format == "birds_of_a_feather") {
            EXPECT_EQ(p.duration, 30);
        } else {
            EXPECT_TRUE(p.duration == 60 || p.duration == 90);
        }
    }
}
