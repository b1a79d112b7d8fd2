#pragma once
// A transcript as the forum publishes it: the captioners' text of a session or meeting,
// read into its header (event, day, room, title, the usual disclaimer), its speaker turns
// (one per ">>" marker, the speaker's label as written or none), the stage directions
// ("(standing by)", "[ Gavel ]") set apart, and whatever could not be placed. Captions of
// a live room give the same shape with times. Pure: no I/O.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"

namespace convene {
// Kept here rather than in core/common/ids.hpp, which every file includes.
using TranscriptId = Id<struct TranscriptTag>;  // a session's or meeting's transcript
}  // namespace convene

namespace convene::transcripts {

// A file above this is refused (the forum's longest transcripts are a few hundred KB);
// more turns or stage directions than these is not one transcript either.
inline constexpr std::size_t max_transcript_bytes = 16'000'000;
inline constexpr std::size_t max_turns = 20000, max_directions = 50000;
// Lines left unread and bad bytes listed one by one; the rest are counted.
inline constexpr std::size_t max_listed_problems = 200;

struct Header {
    std::string line;        // the title line as written ("IGF 2018 - Day 3 - Salle XI - ...")
    std::string title;       // "Dynamic Coalition (DC) Coordination Session"
    std::string event;       // "IGF 2018"
    std::string day;         // "Day 3"
    std::string date;        // "2016-04-06", when a line gives the date
    std::string room;        // "Salle XI"
    std::string disclaimer;  // "The following are the outputs of the real-time captioning..."
};

struct Turn {
    std::optional<std::string> speaker;  // the label as written, spaces normalised; none: unnamed
    // Paragraphs joined by "\n", spaces normalised (U+00A0 a space, runs collapsed); a
    // direction alone on its line is not in it, one inside a line stays.
    std::string text;
    int line = 0;                      // the line of its ">>" (1-based); 0 when not from a file
    std::string started_at, ended_at;  // UTC "...Z" when captions carried times, else ""
};

struct Direction {
    std::optional<std::size_t> turn;  // the turn it belongs to; none before the first turn
    std::string text;                 // as written: "[ Gavel ]", "(standing by)"
    bool within_text = false;         // inside a line of the turn's text (kept there too)
    std::size_t paragraph = 0;  // alone on a line: how many of the turn's paragraphs precede it
    int line = 0;
};

// A line the reader could not place: `reason` is header, before_first_turn,
// after_last_turn or not_text.
struct Unread {
    int line = 0;
    std::string text, reason;
};

// Bytes that are not UTF-8, each run read as Windows-1252 where it can be (U+FFFD where
// not) so the text around them is kept.
struct BadBytes {
    int line = 0;
    std::size_t offset = 0;  // in the file
    std::string bytes;       // hex, "E9" or "C3 28"
    std::string read_as;     // what stands in the text for them ("" when dropped)
};

struct Transcript {
    Header header;
    std::vector<Turn> turns;
    std::vector<Direction> directions;
    std::vector<Unread> unread;
    std::size_t unread_total = 0;  // unread may list fewer (max_listed_problems)
    std::vector<BadBytes> bad_bytes;
    std::size_t bad_bytes_total = 0;
    std::string encoding = "utf-8";  // utf-8, utf-16le or utf-16be (by its byte order mark)
};

// The distinct speaker labels in order of first appearance, with their turns and words.
struct SpeakerCount {
    std::string label;
    std::size_t turns = 0, words = 0;
};
std::vector<SpeakerCount> speaker_counts(const Transcript& t);

// Words of a text as the statistics count them: runs of letters or digits, each
// ideograph a word (Chinese and Japanese have no spaces).
std::size_t count_words(std::string_view text);

// {"title", "event", "day", "date", "room", "disclaimer", "encoding", "turns": [{"speaker",
// "text"[, "start", "end"]}], "directions": [{"turn", "text", "within_text", "paragraph"}],
// "speakers": [{"label", "turns", "words"}], "unread": [{"line", "text", "reason"}],
// "unread_total", "bad_bytes": [{"line", "offset", "bytes", "read_as"}], "bad_bytes_total"}.
nlohmann::json to_json(const Transcript& t);
// What was not read: the unread lines and the undecodable bytes (the "unread",
// "unread_total", "bad_bytes" and "bad_bytes_total" of to_json).
nlohmann::json problems_json(const Transcript& t);

}  // namespace convene::transcripts
