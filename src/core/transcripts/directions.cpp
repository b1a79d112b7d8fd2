#include "core/transcripts/directions.hpp"

#include <cctype>

#include "core/common/text.hpp"

namespace convene::transcripts {

namespace {

constexpr std::size_t max_direction_bytes = 120, max_inline_direction_bytes = 80;

char closing(char open) {
    return open == '(' ? ')' : ']';
}

bool bracket_direction(std::string_view inside) {
    auto lower = ascii_lower(trim(inside));
    if (lower.empty() || lower == "at" || lower == "dot") return false;
    return lower.find_first_not_of("0123456789, -") != std::string::npos;
}

std::size_t word_count(std::string_view text) {
    std::size_t n = 0;
    bool in_word = false;
    for (char c : text) {
        bool space = c == ' ';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

}  // namespace

bool direction_words(std::string_view inside) {
    auto text = trim(inside);
    while (!text.empty() && text.back() == '.') text.pop_back();
    if (text.empty() || text.size() > 60) return false;
    auto lower = ascii_lower(text);
    for (std::string_view word :
         {"inaudib",        "indiscernib", "unintelligib", "indistinct",     "audio",
          "microphone",     "off mic",     "speakers",     "speaker is",     "speaking",
          "applause",       "laughter",    "laughing",     "laughs",         "chuckl",
          "gavel",          "pause",       "standing by",  "stand by",       "background",
          "noise",          "music",       "feedback",     "break",          "silence",
          "crosstalk",      "cross-talk",  "overlapping",  "garbled",        "cut out",
          "cutting out",    "muted",       "no sound",     "video",          "interpret",
          "translat",       "recording",   "technical",    "difficult",      "connection",
          "echo",           "voices",      "voice in",     "playing",        "phonetic",
          "recess",         "adjourn",     "resum",        "coughing",       "beep",
          "ringing",        "no response", "unclear",      "end of session", "session ended",
          "off the record", "scribe"})
        if (lower.find(word) != std::string::npos) return true;
    // A few small words: "(saying name)", but not "(or not)" or "(e.g. ...)".
    if (!std::islower(static_cast<unsigned char>(text.front())) || word_count(text) > 3)
        return false;
    auto first = lower.substr(0, lower.find(' '));
    for (std::string_view small :
         {"e.g", "i.e", "or",  "and", "but", "see",  "which", "that", "the", "a",
          "an",  "in",  "of",  "for", "to",  "with", "as",    "if",   "not", "so",
          "etc", "is",  "are", "was", "it",  "we",   "they",  "you"})
        if (first == small) return false;
    return true;
}

std::optional<std::string> line_direction(std::string_view line) {
    auto text = trim(line);
    while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
    if (text.size() < 2 || text.size() > max_direction_bytes) return std::nullopt;
    char open = text.front();
    if ((open != '(' && open != '[') || text.back() != closing(open)) return std::nullopt;
    auto inside = std::string_view(text).substr(1, text.size() - 2);
    if (inside.find_first_of("()[]") != std::string_view::npos) return std::nullopt;
    if (trim(inside).empty()) return std::nullopt;
    if (open == '[' && !bracket_direction(inside)) return std::nullopt;
    // A line of its own in parentheses is a note unless it is an acronym or a number.
    if (open == '(' && !direction_words(inside)) {
        auto t = trim(inside);
        bool acronym = t.find(' ') == std::string::npos &&
                       t.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos;
        if (acronym) return std::nullopt;
    }
    return text;
}

std::vector<std::string> directions_within(std::string_view line) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (true) {
        at = line.find_first_of("([", at);
        if (at == std::string_view::npos) break;
        char open = line[at];
        auto window = line.substr(at + 1, max_inline_direction_bytes);
        auto end = window.find_first_of("()[]");
        if (end == std::string_view::npos || window[end] != closing(open)) {
            ++at;
            continue;
        }
        auto inside = window.substr(0, end);
        if (open == '[' ? bracket_direction(inside) : direction_words(inside))
            out.emplace_back(line.substr(at, end + 2));
        at += end + 2;
    }
    return out;
}

}  // namespace convene::transcripts
