#include "core/decisions/decision.hpp"

#include <gtest/gtest.h>

namespace convene {

TEST(Decision, ScoresInReasonsAsTheSheetShowsThem) {
    EXPECT_EQ(score_words(4.0), "4.0");
    EXPECT_EQ(score_words(3.5), "3.5");
    EXPECT_EQ(score_words(3.667), "3.667");
    EXPECT_EQ(score_words(2.25), "2.25");
    EXPECT_EQ(score_words(nlohmann::json::parse("3.1").get<double>()),
              nlohmann::json(3.1).dump());  // the text the reasons held before
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
