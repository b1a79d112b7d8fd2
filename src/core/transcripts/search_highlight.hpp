#pragma once
// A found turn as the results show it: its text with the words the query looked for
// marked (found as the index finds them, so "ecole" marks "École" and a phrase is marked
// where its words stand in order), cut around the first mark when the turn is long.
// Pure: no I/O; the pieces are plain text for the template to escape.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/transcripts/search_query.hpp"

namespace convene::transcripts {

struct TextPiece {
    std::string text;
    bool marked = false;
};

struct Excerpt {
    std::vector<TextPiece> pieces;
    bool cut_before = false, cut_after = false;  // text left out before or after the pieces
    std::size_t marks = 0;  // in the words read: those shown, and at least as many after
};

// A turn of at most `words` words is shown whole; a longer one from a few words before
// its first mark, `words` words in all.
inline constexpr std::size_t excerpt_words = 60;

Excerpt highlighted(std::string_view text, const SearchQuery& q, std::size_t words = excerpt_words);

}  // namespace convene::transcripts
