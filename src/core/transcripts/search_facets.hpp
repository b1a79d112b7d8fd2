#pragma once
// The facts a filtered search asks about a turn, as words of their own beside the turn's
// words (migrations/028), so that a full-text index answers "these words, by this speaker,
// in this room, in June 2025" in one look-up: one token per fact, each starting with a
// letter that names its kind and holding no separator, so the index keeps it whole.
//   e<edition id>  t<transcript id>  s<speaker id>  l<label words run together>
//   r<room words run together>  y<year> m<year><month> d<year><month><day>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace convene::transcripts {

struct TurnFacts {
    std::int64_t edition = 0, transcript = 0;
    std::optional<std::int64_t> speaker;  // the transcript's speaker of the turn
    std::string label;                    // the speaker label as written, "" when unnamed
    std::string room;                     // the transcript's room, "" when none
    std::string held_on;                  // "YYYY-MM-DD", "" when unknown
};

// The turn's facts as tokens, separated by spaces.
std::string search_facets(const TurnFacts& facts);

// The words of a speaker label as search_text() writes them (what search_speaker holds).
std::string search_speaker(std::string_view label);

// One fact's token; "" when the label or room has no word.
std::string label_token(std::string_view label);
std::string room_token(std::string_view room);

// The fewest date tokens (whole years, whole months, days) covering from..to, both
// "YYYY-MM-DD" and inclusive; none when the dates are not valid or from is after to, and
// nothing when more than `at_most` would be needed.
std::optional<std::vector<std::string>> date_tokens(std::string_view from, std::string_view to,
                                                    std::size_t at_most);

}  // namespace convene::transcripts
