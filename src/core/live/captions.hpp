#pragma once
// Live captions of a room, one stream per language: the captioner's chunks, each with a
// sequence number, applied exactly once and in order (a repeated chunk is acknowledged
// and ignored; one that arrives early waits for the missing ones), with backspace
// characters honoured as professional CART software sends them; a reader asks for what
// came after the position it has. Turns begin where a line starts with ">>" ("">>
// NAME:" names the speaker, as in the forum's transcripts). Pure: no I/O.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace convene::live {

// At most this many bytes in one chunk, and chunks held while waiting for a gap.
inline constexpr std::size_t max_chunk_bytes = 16 * 1024, max_held_chunks = 256;

struct CaptionChunk {
    std::int64_t sequence = 0;  // 1, 2, 3, ... per stream
    std::string text;
};

struct CaptionStream {
    std::string language;                                   // ISO 639-1 ("en")
    std::string text;                                       // everything applied, backspaces done
    std::int64_t applied = 0;                               // the last sequence applied
    std::map<std::int64_t, std::string> held;               // arrived early, by sequence
    std::vector<std::pair<std::int64_t, std::string>> log;  // applied chunks, for readers
};

enum class ChunkOutcome { applied, duplicate, held };

struct ChunkResult {
    ChunkOutcome outcome = ChunkOutcome::applied;
    std::int64_t applied = 0;  // the stream's last applied sequence afterwards
    std::string refusal;       // a catalog key when the chunk is refused (nothing changes)
};

// Checks the chunk (sequence 1 or more, valid UTF-8, at most max_chunk_bytes, no control
// characters but line ends, tabs and backspaces), then applies it and every held chunk
// that now follows in order.
ChunkResult add_chunk(CaptionStream& stream, const CaptionChunk& chunk);

// The chunks applied after `position` (a sequence), for a reader resuming; the text as
// sent (backspaces included, so a reader applies them the same way).
std::vector<std::pair<std::int64_t, std::string>> chunks_after(const CaptionStream& stream,
                                                               std::int64_t position);

// `text` with each backspace removing the character (code point) before it.
std::string apply_backspaces(const std::string& before, const std::string& chunk);
// The same in place: a stream's text grows by each chunk without being copied whole.
void append_with_backspaces(std::string& text, const std::string& chunk);

struct CaptionTurn {
    std::string speaker;  // as written after ">>", without the colon; "" when unnamed
    std::string text;
};
// The stream's text as turns: a turn begins at each line starting with ">>".
std::vector<CaptionTurn> caption_turns(const std::string& text);

// A chunk as stored, with the time it arrived (UTC text, "2027-06-15T09:30:00Z").
struct TimedChunk {
    std::int64_t sequence = 0;
    std::string text, time;
};
struct TimedTurn {
    CaptionTurn turn;
    std::string started_at, ended_at;  // the times of its first and last characters' chunks
};
// The turns of the applied chunks (in sequence order), each with the times of the chunks
// that wrote its first and last characters (a chunk's backspaces take its own time away).
std::vector<TimedTurn> timed_caption_turns(const std::vector<TimedChunk>& chunks);

// What a chunk typed in one piece (a form's text) adds after `before`: on a new line when
// it starts a turn (">>"), after a space when it continues a line; `speaker` (non-empty)
// starts a turn ">> SPEAKER: " first.
std::string joined_chunk(const std::string& before, const std::string& typed,
                         const std::string& speaker = "");

// Whether `code` looks like a language tag ("en", "fr", "zh-Hans", "es-419").
bool is_language_code(const std::string& code);

}  // namespace convene::live
