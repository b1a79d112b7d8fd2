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
    s.text = apply_backspaces(s.text, text);
    s.applied = sequence;
    s.log.emplace_back(sequence, text);
}

std::string trimmed(const std::string& text) {
    return trim(text);
}

}  // namespace

std::string apply_backspaces(const std::string& before, const std::string& chunk) {
    std::string out = before;
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
    return out;
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

std::vector<CaptionTurn> caption_turns(const std::string& text) {
    std::vector<CaptionTurn> turns;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        auto line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
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
            turns.push_back(std::move(turn));
        } else if (!trimmed(line).empty()) {
            if (turns.empty()) turns.push_back({});
            auto& t = turns.back().text;
            t += (t.empty() ? "" : " ") + trimmed(line);
        }
        if (end == text.size()) break;
        start = end + 1;
    }
    return turns;
}

}  // namespace convene::live
