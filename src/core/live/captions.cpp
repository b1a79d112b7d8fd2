#include "core/live/captions.hpp"

#include <cctype>

#include "core/common/text.hpp"

namespace convene::live {

namespace {

bool allowed_controls_only(const std::string& text) {
    for (unsigned char c : text)
        if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\b') || c == 0x7f)
            return false;
    return true;
}

void apply(CaptionStream& s, std::int64_t sequence, const std::string& text) {
    append_with_backspaces(s.text, text);
    s.applied = sequence;
    s.log.emplace_back(sequence, text);
}

std::string trimmed(const std::string& text) {
    return trim(text);
}

}  // namespace

std::string apply_backspaces(const std::string& before, const std::string& chunk) {
    std::string out = before;
    append_with_backspaces(out, chunk);
    return out;
}

void append_with_backspaces(std::string& out, const std::string& chunk) {
    for (char c : chunk) {
        if (c != '\b') {
            out.push_back(c);
            continue;
        }
        // Remove one code point: its continuation bytes (10xxxxxx) and its lead byte.
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80)
            out.pop_back();
        if (!out.empty()) out.pop_back();
    }
}

ChunkResult add_chunk(CaptionStream& s, const CaptionChunk& chunk) {
    ChunkResult r;
    if (chunk.sequence < 1) return {ChunkOutcome::applied, s.applied, "live.captions.sequence"};
    if (chunk.text.size() > max_chunk_bytes)
        return {ChunkOutcome::applied, s.applied, "live.captions.too_long"};
    if (!is_valid_utf8(chunk.text))
        return {ChunkOutcome::applied, s.applied, "live.captions.not_utf8"};
    if (!allowed_controls_only(chunk.text))
        return {ChunkOutcome::applied, s.applied, "live.captions.control"};
    if (chunk.sequence <= s.applied || s.held.count(chunk.sequence)) {
        r.outcome = ChunkOutcome::duplicate;
    } else if (chunk.sequence == s.applied + 1) {
        apply(s, chunk.sequence, chunk.text);
        while (!s.held.empty() && s.held.begin()->first == s.applied + 1) {
            auto next = s.held.begin();
            apply(s, next->first, next->second);
            s.held.erase(next);
        }
    } else {
        if (s.held.size() >= max_held_chunks)
            return {ChunkOutcome::applied, s.applied, "live.captions.gap"};
        s.held[chunk.sequence] = chunk.text;
        r.outcome = ChunkOutcome::held;
    }
    r.applied = s.applied;
    return r;
}

std::vector<std::pair<std::int64_t, std::string>> chunks_after(const CaptionStream& s,
                                                               std::int64_t position) {
    std::vector<std::pair<std::int64_t, std::string>> out;
    for (const auto& entry : s.log)
        if (entry.first > position) out.push_back(entry);
    return out;
}

namespace {

// A turn with the byte offsets of its first and last characters in the text.
struct SpannedTurn {
    CaptionTurn turn;
    std::size_t first = 0, last = 0;
};

std::vector<SpannedTurn> spanned_turns(const std::string& text) {
    std::vector<SpannedTurn> turns;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        auto line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::size_t last = start + (line.empty() ? 0 : line.size() - 1);
        if (line.rfind(">>", 0) == 0) {
            CaptionTurn turn;
            auto rest = line.substr(2);
            auto colon = rest.find(':');
            // A name is mostly capitals before a colon ("LYNN ST. AMOUR:", "MODERATOR:",
            // "KIEREN McCARTHY:", "JAC sm KEE:"); "Thank you: ..." is speech.
            bool named = colon != std::string::npos && colon > 0 && colon <= 80;
            int upper = 0, lower = 0;
            for (std::size_t i = 0; named && i < colon; ++i) {
                upper += std::isupper(static_cast<unsigned char>(rest[i])) ? 1 : 0;
                lower += std::islower(static_cast<unsigned char>(rest[i])) ? 1 : 0;
            }
            named = named && upper >= 2 && upper >= lower;
            if (named) {
                turn.speaker = trimmed(rest.substr(0, colon));
                turn.text = trimmed(rest.substr(colon + 1));
            } else {
                turn.text = trimmed(rest);
            }
            turns.push_back({std::move(turn), start, last});
        } else if (!trimmed(line).empty()) {
            if (turns.empty()) turns.push_back({{}, start, last});
            auto& t = turns.back().turn.text;
            t += (t.empty() ? "" : " ") + trimmed(line);
            turns.back().last = last;
        }
        if (end == text.size()) break;
        start = end + 1;
    }
    return turns;
}

}  // namespace

std::vector<CaptionTurn> caption_turns(const std::string& text) {
    std::vector<CaptionTurn> out;
    for (auto& t : spanned_turns(text)) out.push_back(std::move(t.turn));
    return out;
}

std::vector<TimedTurn> timed_caption_turns(const std::vector<TimedChunk>& chunks) {
    // The text and, byte for byte, the time of the chunk that wrote it.
    std::string text;
    std::vector<const std::string*> times;
    for (const auto& chunk : chunks)
        for (char c : chunk.text) {
            if (c != '\b') {
                text.push_back(c);
                times.push_back(&chunk.time);
                continue;
            }
            while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) {
                text.pop_back();
                times.pop_back();
            }
            if (!text.empty()) {
                text.pop_back();
                times.pop_back();
            }
        }
    std::vector<TimedTurn> out;
    for (auto& t : spanned_turns(text)) {
        TimedTurn timed{std::move(t.turn), "", ""};
        if (t.first < times.size()) timed.started_at = *times[t.first];
        if (t.last < times.size()) timed.ended_at = *times[t.last];
        out.push_back(std::move(timed));
    }
    return out;
}

std::string joined_chunk(const std::string& before, const std::string& typed,
                         const std::string& speaker) {
    auto text = speaker.empty() ? typed : ">> " + speaker + ": " + typed;
    if (before.empty() || text.empty()) return text;
    char last = before.back();
    if (last == '\n') return text;
    if (text.rfind(">>", 0) == 0) return "\n" + text;
    if (last == ' ' || last == '\t' || text.front() == ' ' || text.front() == '\n') return text;
    return " " + text;
}

bool is_language_code(const std::string& code) {
    // A primary subtag of 2 or 3 letters, then up to two subtags of 2 to 8 letters or digits.
    std::size_t i = 0, part = 0;
    while (i <= code.size()) {
        auto end = code.find('-', i);
        if (end == std::string::npos) end = code.size();
        auto sub = code.substr(i, end - i);
        if (part == 0) {
            if (sub.size() < 2 || sub.size() > 3) return false;
            for (char c : sub)
                if (c < 'a' || c > 'z') return false;
        } else {
            if (sub.size() < 2 || sub.size() > 8 || part > 2) return false;
            for (char c : sub)
                if (!std::isalnum(static_cast<unsigned char>(c))) return false;
        }
        ++part;
        if (end == code.size()) break;
        i = end + 1;
    }
    return true;
}

}  // namespace convene::live
