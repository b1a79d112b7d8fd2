#include "core/transcripts/search_facets.hpp"

#include <gtest/gtest.h>

namespace convene::transcripts {
namespace {

using Tokens = std::vector<std::string>;

TEST(SearchFacets, ATurnCarriesOneWholeTokenPerFact) {
    TurnFacts f{3, 41, 7, "CHAIR ST. AMOUR", "Salle XI", "2018-11-14"};
    EXPECT_EQ(search_facets(f), "e3 t41 s7 lchairstamour rsallexi y2018 m201811 d20181114");
    EXPECT_EQ(search_facets({3, 42, std::nullopt, "", "", ""}), "e3 t42");
    // Accents and case fold as the turns' words do: "Genève" and "GENEVE" are one room.
    EXPECT_EQ(room_token("Salle Genève"), room_token("SALLE GENEVE"));
    EXPECT_EQ(label_token("MODERATOR:"), "lmoderator");
    EXPECT_EQ(label_token("  ...  "), "");
    EXPECT_EQ(search_speaker("LYNN ST. AMOUR"), "lynn st amour");
}

TEST(SearchFacets, ADateRangeTakesWholeYearsAndMonthsWhereItCan) {
    EXPECT_EQ(date_tokens("2025-06-23", "2025-06-25", 40),
              (Tokens{"d20250623", "d20250624", "d20250625"}));
    EXPECT_EQ(date_tokens("2019-01-01", "2021-12-31", 40), (Tokens{"y2019", "y2020", "y2021"}));
    EXPECT_EQ(date_tokens("2019-11-30", "2020-02-29", 40),
              (Tokens{"d20191130", "m201912", "m202001", "m202002"}));
    EXPECT_EQ(date_tokens("2023-02-27", "2023-03-01", 40),
              (Tokens{"d20230227", "d20230228", "d20230301"}));
    EXPECT_EQ(date_tokens("2024-02-28", "2024-02-29", 40), (Tokens{"d20240228", "d20240229"}));
    EXPECT_EQ(date_tokens("2025-06-25", "2025-06-23", 40), Tokens{});      // from after to
    EXPECT_EQ(date_tokens("2025-6-1", "2025-06-23", 40), Tokens{});        // not a date
    EXPECT_EQ(date_tokens("2019-06-24", "2021-06-25", 40), std::nullopt);  // 44 tokens
    EXPECT_EQ(date_tokens("2019-06-24", "2021-06-25", 60)->size(), 44u);
}

}  // namespace
}  // namespace convene::transcripts
