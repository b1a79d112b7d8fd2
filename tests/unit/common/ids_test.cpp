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

}  // namespace convene
