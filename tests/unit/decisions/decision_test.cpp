#include "core/decisions/decision.hpp"

#include <gtest/gtest.h>

namespace convene {

TEST(Decision, ScoresInReasonsAsTheSheetShowsThem) {
    // Two decimals, as the sheet, the synthesis and the decisions pages show every score.
    EXPECT_EQ(score_words(4.0), "4.00");
    EXPECT_EQ(score_words(3.5), "3.50");
    EXPECT_EQ(score_words(3.667), "3.67");
    EXPECT_EQ(score_words(2.25), "2.25");
    EXPECT_EQ(score_words(nlohmann::json::parse("3.1").get<double>()), "3.10");
}

TEST(Decision, AMergeWithThatIsNotANumberNamesTheField) {
    for (const char* bad : {"12a", "twelve", "99999999999999999999999"}) {
        FieldErrors errors;
        decision_from_json({{"kind", "accepted"}, {"reason", "Fine."}, {"merge_with", bad}},
                           errors);
        ASSERT_EQ(errors.size(), 1u) << bad;
        EXPECT_EQ(errors[0].field, "merge_with") << bad;
    }
    FieldErrors none;
    auto d = decision_from_json({{"kind", "accepted"}, {"reason", "Fine."}, {"merge_with", " 12 "}},
                                none);
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(d.merge_with, 12);
}

}  // namespace convene
