#pragma once
// Stage directions in captioners' text: what they note rather than hear said, in
// parentheses or brackets: "(standing by)", "[ Gavel ]", "[inaudible]", "(Audio
// difficulties)", "(Speaker is off microphone.)". In brackets always (but "[at]" and
// "[dot]" of an address, and "[1]"); in parentheses when the words say so ("audio",
// "microphone", "laughter", ...) or are a few small words ("(saying name)"), never an
// acronym or a number ("(IGF)", "(0)"). Pure: no I/O.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace convene::transcripts {

// The direction a whole line is ("(standing by)." gives "(standing by)"), if it is one:
// one pair of brackets or parentheses with at most 120 bytes, only a full stop after it.
std::optional<std::string> line_direction(std::string_view line);

// The directions inside a line, in order, as written.
std::vector<std::string> directions_within(std::string_view line);

// Whether the words inside parentheses are a direction ("overlapping speakers").
bool direction_words(std::string_view inside);

}  // namespace convene::transcripts
