#pragma once
// Reads a transcript file in the forum's format (seeds 000-003): a header (title line,
// disclaimer, date), then turns, each beginning on a new line with ">>" (with or without
// a space), a speaker's label and a colon when the speaker is named ("LYNN ST. AMOUR:",
// "CHAIR ST. AMOUR:", "KIEREN McCARTHY:"), speech directly when not; stage directions in
// parentheses or brackets, alone on a line or inside one. Every ">>" is a turn; whatever
// cannot be placed (header lines it does not know, a footer after the last turn) is kept
// in `unread`, bytes that are not UTF-8 are kept as read and named. Linear in the file's
// size; refused whole only when it cannot be a transcript. Pure: no I/O.
#include <string>
#include <string_view>

#include "core/common/messages.hpp"
#include "core/transcripts/transcript.hpp"

namespace convene::transcripts {

struct Reading {
    Transcript transcript;
    // Why the file is not a transcript, a catalog key ("" when it is one):
    // transcripts.refused.empty, .binary (params kind), .too_large (params size, limit),
    // .no_turns (no line begins with ">>"; the header is still read), .too_many_turns
    // (params limit).
    std::string refusal;
    MessageParams refusal_params;
};
Reading read_transcript(std::string_view bytes);

// The refusal of a file of `bytes` above max_transcript_bytes, for callers that see its
// size before reading it.
Reading too_large(std::size_t bytes);

// The refusal in words ("" when the file was read).
std::string refusal_message(const Reading& r);

// The text of one line as turns keep it: every Unicode space (U+00A0 among them) a plain
// space, runs of them one, none at either end; non-breaking hyphens (U+2011) plain
// hyphens; zero-width spaces and byte order marks dropped.
std::string normal_spaces(std::string_view line);

}  // namespace convene::transcripts
