// A search's filters as the words each engine's full-text query reads
// (store/transcripts/search_filters.hpp).
#include "store/transcripts/search_filters.hpp"

#include <gtest/gtest.h>

using namespace convene;

namespace {

// The filters' words as each engine's query reads them (store/transcripts/search_filters).
TEST(SearchFilterWords, EachEngineReadsTheSameGroupsOfAlternatives) {
    store::FilterWords f;
    f.kind = store::FilterWords::Kind::words;
    f.all = {{{"e3", false}}, {{"st amour", true}, {"s9", false}}};
    EXPECT_EQ(store::fts5_filters(f),
              R"({search_facets} : "e3" AND ({search_speaker} : "st amour" OR )"
              R"({search_facets} : "s9"))");
    EXPECT_EQ(store::tsquery_filters(f), "'e3':A & ('st amour':B | 's9':A)");
}

TEST(SearchFilterWords, QuotesInsideAWordAreDoubledNotOperators) {
    store::FilterWords f;
    f.kind = store::FilterWords::Kind::words;
    f.all = {{{"o\"brien's \\", true}}};
    EXPECT_EQ(store::fts5_filters(f), R"({search_speaker} : "o""brien's \")");
    EXPECT_EQ(store::tsquery_filters(f), R"('o"brien''s \\':B)");
}

}  // namespace
