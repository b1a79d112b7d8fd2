#include "core/common/ids.hpp"

#include <gtest/gtest.h>

#include <unordered_set>

namespace convene {

TEST(Ids, AreNumbersInJsonAndCompareByValue) {
    ProposalId a{17}, b{18};
    EXPECT_LT(a, b);
    EXPECT_EQ(a, ProposalId{17});
    EXPECT_EQ(nlohmann::json(a).dump(), "17");
    EXPECT_EQ(nlohmann::json(18).get<ProposalId>(), b);
    std::unordered_set<ProposalId> seen{a, a, b};
    EXPECT_EQ(seen.size(), 2u);
    static_assert(!std::is_convertible_v<std::int64_t, ProposalId>);  // explicit only
    static_assert(!std::is_convertible_v<Id<struct OtherTag>, ProposalId>);
}

// An account id where an edition id is expected does not compile.
TEST(Ids, EachEntityHasItsOwnType) {
    static_assert(!std::is_convertible_v<EditionId, AccountId>);
    static_assert(!std::is_convertible_v<AccountId, EditionId>);
    static_assert(!std::is_convertible_v<AccountId, ProposalId>);
    static_assert(!std::is_convertible_v<ThemeId, RoomId>);
    static_assert(!std::is_convertible_v<MessageId, AuditEntryId>);
    static_assert(!std::is_convertible_v<EditionId, std::int64_t>);
    static_assert(!std::is_constructible_v<EditionId, AccountId>);
    // At the edges the id is the plain number, both ways.
    nlohmann::json body = {{"edition", EditionId{3}}, {"account", AccountId{42}}};
    EXPECT_EQ(body.dump(), R"({"account":42,"edition":3})");
    EXPECT_EQ(body["account"].get<AccountId>(), AccountId{42});
    EXPECT_EQ(to_string(EditionId{3}), "3");
}

}  // namespace convene
