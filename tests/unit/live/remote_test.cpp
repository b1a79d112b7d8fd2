// Remote participation, pure: which online links a browser may open, when links are
// published, the hub's checks and name, counts by region, and who may relay for a hub.
#include "core/live/remote.hpp"

#include <gtest/gtest.h>

#include "core/policy/policy.hpp"

using namespace convene;
using namespace convene::live;

TEST(LiveRemote, OnlyHttpAndHttpsLinksWithAHost) {
    EXPECT_TRUE(valid_meeting_link("https://meet.example.org/igf-ws1?pwd=abc#x"));
    EXPECT_TRUE(valid_meeting_link("HTTP://meet.example.org"));
    EXPECT_TRUE(valid_meeting_link("https://user@meet.example.org:8443/r"));
    for (const char* bad :
         {"javascript:alert(1)", "JavaScript://x.org/%0Aalert(1)", "data:text/html,x",
          "ftp://files.example.org", "meet.example.org", "https://", "https:///x",
          "https://a b.org", "https://x.org/\"onmouseover", "https://.", ""})
        EXPECT_FALSE(valid_meeting_link(bad)) << bad;
    EXPECT_FALSE(valid_meeting_link("https://x.org/" + std::string(2000, 'a')));
}

TEST(LiveRemote, LinksArePublishedFromTheDateOnlyOnceItIsSet) {
    EXPECT_FALSE(online_links_published("", "2027-06-01T00:00:00Z"));
    EXPECT_FALSE(online_links_published("2027-06-01T09:00:00Z", "2027-06-01T08:59:59Z"));
    EXPECT_TRUE(online_links_published("2027-06-01T09:00:00Z", "2027-06-01T09:00:00Z"));
    EXPECT_EQ(typed_utc("2027-06-01 09:30"), "2027-06-01T09:30:00Z");
    EXPECT_EQ(typed_utc("2027-06-01T09:30"), "2027-06-01T09:30:00Z");
    EXPECT_EQ(typed_utc("2027-06-01"), "2027-06-01T00:00:00Z");
    EXPECT_EQ(typed_utc("2027-06-01T09:30:15Z"), "2027-06-01T09:30:15Z");
    EXPECT_EQ(typed_utc("2027-02-30"), std::nullopt);
    EXPECT_EQ(typed_utc("next week"), std::nullopt);
}

TEST(LiveRemote, HubsAreCheckedNamedAndCountedByRegion) {
    Hub nairobi{"Nairobi", "KE", "KICTANet", 40, "hub@kictanet.test"};
    EXPECT_TRUE(hub_problems(nairobi).empty());
    EXPECT_EQ(hub_name(nairobi), "Nairobi, Kenya");
    auto bad = nairobi;
    bad.expected = 0;
    bad.country = "XX";
    bad.city = " ";
    auto problems = hub_problems(bad);
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0].field, "city");
    EXPECT_EQ(problems[1].field, "country");
    EXPECT_EQ(problems[2].field, "expected");
    bad = nairobi;
    bad.expected = 100001;
    EXPECT_EQ(hub_problems(bad).at(0).field, "expected");
    Hub lima{"Lima", "PE", "Hub Lima", 100, "lima@hub.test"};
    Hub mombasa{"Mombasa", "KE", "Coast", 15, "coast@hub.test"};
    auto counts = hubs_by_region({nairobi, lima, mombasa});
    EXPECT_EQ(counts.hubs, 3);
    EXPECT_EQ(counts.participants, 155);
    ASSERT_EQ(counts.regions.size(), 2u);
    EXPECT_EQ(counts.regions[0].region, "african");
    EXPECT_EQ(counts.regions[0].hubs, 2);
    EXPECT_EQ(counts.regions[0].participants, 55);
    EXPECT_EQ(counts.regions[1].region, "grulac");
}

TEST(Policy, OnlyTheOrganiserRelaysForTheirHubInRoomsItFollows) {
    policy::Actor organiser{AccountId{7}, {}};
    policy::Actor other{AccountId{8}, {}};
    policy::Actor secretariat{AccountId{9}, {{Role::admin, EditionId{1}}}};
    policy::HubFacts follows{EditionId{1}, AccountId{7}, true};
    policy::HubFacts elsewhere{EditionId{1}, AccountId{7}, false};
    EXPECT_TRUE(policy::may_relay_for_hub(organiser, follows));
    EXPECT_FALSE(policy::may_relay_for_hub(organiser, elsewhere));
    EXPECT_FALSE(policy::may_relay_for_hub(other, follows));
    EXPECT_FALSE(policy::may_relay_for_hub(secretariat, follows));
    EXPECT_FALSE(policy::may_relay_for_hub(policy::Actor{}, follows));
    EXPECT_TRUE(policy::may_edit_hub(organiser, follows));
    EXPECT_TRUE(policy::may_edit_hub(secretariat, follows));
    EXPECT_FALSE(policy::may_edit_hub(other, follows));
    EXPECT_FALSE(policy::may_edit_hub(policy::Actor{}, follows));
}
