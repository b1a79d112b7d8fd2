#pragma once
// What someone types in the archive's search box, read into typed terms: words (every one
// must be in the turn), "quoted phrases" (the words in that order; “curly”, „low“ and
// «French» quotes too), -word or -"a phrase" to leave out turns that have it, and OR
// between two terms for either. Every term is normalised as the index is
// (search_text.hpp): a word written with punctuation inside ("l'École", "co-operation")
// or a run of Chinese characters becomes a phrase of its words. Nothing typed reaches an
// engine as syntax: the store builds each engine's query from these terms alone, so
// quotes left open, a lone "-", "*", "NEAR(", ":", "^" or brackets are only text. Pure:
// no I/O.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace convene::transcripts {

// Limits on a query: its bytes, its terms (words and phrases, left out or not), the words
// of one phrase, and the words of the whole query.
inline constexpr std::size_t max_query_bytes = 400;
inline constexpr std::size_t max_query_terms = 12;
inline constexpr std::size_t max_phrase_words = 32;
inline constexpr std::size_t max_query_words = 64;

struct SearchTerm {
    std::string written;             // as typed, without quotes or the leading "-"
    std::vector<std::string> words;  // normalised; more than one: a phrase
    bool phrase() const { return words.size() > 1; }
};

// Turns that have one of `any` (terms joined by OR, most often one).
struct SearchClause {
    std::vector<SearchTerm> any;
};

struct SearchQuery {
    std::vector<SearchClause> all;  // every clause must match
    std::vector<SearchTerm> none;   // no turn with one of these
    bool empty() const { return all.empty() && none.empty(); }
};

struct QueryReading {
    SearchQuery query;
    // "" when read; else the message key of the refusal: transcripts.search.query_too_long,
    // transcripts.search.too_many_terms, transcripts.search.phrase_too_long,
    // transcripts.search.only_left_out, transcripts.search.no_words (only punctuation) or
    // transcripts.search.not_text (not UTF-8, control characters).
    std::string refusal;
};

// Reads a query typed in the box. An empty or blank query is an empty query, not a refusal.
QueryReading read_search_query(std::string_view typed);

// The query written back in its own syntax, normalised ("ecole" -"paris" "a b" OR c):
// what the page says it searched for.
std::string query_text(const SearchQuery& q);

}  // namespace convene::transcripts
