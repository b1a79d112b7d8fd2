#pragma once
// The words of a transcript as search finds them, in every script: case-folded and
// compatibility-normalised (NFKC), accents and other marks dropped where readers ignore
// them (French "é" finds "e", Russian "ё" finds "е", Arabic with or without harakat),
// digits of any script as ASCII digits, and each character of a script written without
// spaces (Chinese, Japanese, Korean, Thai...) a word of its own, so a run of them is
// found as a phrase of characters. A turn's words joined by spaces are what both
// engines index (SQLite FTS5 with the unicode61 tokenizer, a PostgreSQL 'simple'
// tsvector) and a query's words go through the same steps, so the engines agree. Pure:
// no I/O.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/transcripts/transcript.hpp"

namespace convene::transcripts {

// A word longer than this is cut (on a character boundary), in the index and the query alike.
inline constexpr std::size_t max_search_word_bytes = 64;
// Words of one turn indexed: PostgreSQL counts word positions up to 16,383 (a phrase
// found after that would be found by one engine only), and a tsvector stays under 1 MB.
inline constexpr std::size_t max_search_words = 16000;

struct SearchWord {
    std::string text;                // normalised: "ecole", "е", "中"
    std::size_t begin = 0, end = 0;  // the bytes of the original text it was read from
};

// Calls `word` for each normalised word of `text` in order, with the byte range it came
// from (a written word may give several: "l'École" gives "l" and "ecole"), at most
// `limit` of them. Bytes that are not UTF-8 part words.
void for_each_search_word(
    std::string_view text, std::size_t limit,
    const std::function<void(std::string_view word, std::size_t begin, std::size_t end)>& word);

std::vector<SearchWord> search_words(std::string_view text, std::size_t limit = max_search_words);

// The words joined by single spaces: what the index keeps beside each turn.
std::string search_text(std::string_view text);

// What the archive keeps of each turn beside its text: the words the statistics count
// (count_words) and its search text. A bulk import works them out on another thread while
// the previous file is written.
struct TurnWords {
    std::size_t words = 0;
    std::string search_text;
};
std::vector<TurnWords> turn_words(const Transcript& t);

}  // namespace convene::transcripts
