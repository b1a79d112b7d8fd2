// Merger candidates: words in several scripts, TF-IDF cosine that finds the proposals
// saying the same thing in any language, the words they share, and small clusters.
#include "core/synthesis/similarity.hpp"

#include <gtest/gtest.h>

using namespace convene;
using V = std::vector<std::string>;

TEST(Words, CaseFoldedLettersAndIdeographsInEveryScript) {
    EXPECT_EQ(words_of("Internet Governance, 2027: AI & you!"),
              (V{"internet", "governance", "2027", "ai", "you"}));
    EXPECT_EQ(words_of("Gouvernance de l'Internet ÉTÉ"),
              (V{"gouvernance", "de", "l'internet", "été"}));
    EXPECT_EQ(words_of("Управление Интернетом"), (V{"управление", "интернетом"}));
    EXPECT_EQ(words_of("حوكمة الإنترنت"), (V{"حوكمة", "الإنترنت"}));
    auto chinese = words_of("互联网治理");
    EXPECT_GE(chinese.size(), 2u) << "ICU's dictionary splits Chinese into words";
    EXPECT_TRUE(words_of("").empty());
    EXPECT_TRUE(words_of("\xff\xfe broken").size() <= 2) << "invalid UTF-8 never crashes";
}

TEST(SimilarPairs, FindsTheSameTopicInAnyLanguageWithTheWordsShared) {
    std::vector<SimilarityDocument> docs = {
        {"1", "Connectivité rurale: écoles connectées et financement communautaire des réseaux"},
        {"2", "Cybersecurity norms for critical infrastructure and incident response"},
        {"3", "Financement communautaire des réseaux pour la connectivité rurale des écoles"},
        {"4", "Data protection and cross-border data flows with trust"},
        {"5", "人工智能治理与数据保护"},
        {"6", "人工智能治理的国际合作"},
        {"7", "Gender equality in the digital economy"},
        {"8", "Youth participation in Internet governance forums"},
    };
    auto pairs = similar_pairs(docs, 0.3);
    ASSERT_FALSE(pairs.empty());
    EXPECT_EQ(pairs[0].a, "1");
    EXPECT_EQ(pairs[0].b, "3");
    EXPECT_GT(pairs[0].similarity, 0.5);
    EXPECT_NE(std::find(pairs[0].shared.begin(), pairs[0].shared.end(), "financement"),
              pairs[0].shared.end());
    bool chinese = false;
    for (const auto& p : pairs) {
        chinese |= p.a == "5" && p.b == "6";
        EXPECT_FALSE((p.a == "2" && p.b == "4") || (p.a == "7" && p.b == "8"));
    }
    EXPECT_TRUE(chinese) << "the two AI governance proposals in Chinese";
}

TEST(SimilarPairs, EmptyAndSingleDocuments) {
    EXPECT_TRUE(similar_pairs({}).empty());
    EXPECT_TRUE(similar_pairs({{"1", "alone"}}).empty());
    EXPECT_TRUE(similar_pairs({{"1", ""}, {"2", ""}}).empty());
}

TEST(MergerClusters, JoinsPairsAndLeavesOutLongChains) {
    std::vector<SimilarPair> pairs = {
        {"a", "b", 0.9, {}}, {"b", "c", 0.8, {}}, {"d", "e", 0.7, {}}};
    EXPECT_EQ(merger_clusters(pairs), (std::vector<V>{{"a", "b", "c"}, {"d", "e"}}));
    EXPECT_EQ(merger_clusters(pairs, 2), (std::vector<V>{{"d", "e"}}));
}
