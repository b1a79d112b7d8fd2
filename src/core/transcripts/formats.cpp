#include "core/transcripts/formats.hpp"

#include <chrono>
#include <cstdio>

#include "core/common/clock.hpp"
#include "core/common/text.hpp"
#include "core/transcripts/decoding.hpp"
#include "core/transcripts/speakers.hpp"

namespace convene::transcripts {

namespace {

std::string title_line(const Header& h) {
    if (!h.line.empty()) return h.line;
    std::string line;
    for (const auto* part : {&h.event, &h.day, &h.room, &h.title})
        if (!part->empty()) line += (line.empty() ? "" : " - ") + *part;
    return line;
}

// Directions alone on their lines, by turn (none before the first) and paragraph.
void write_directions(std::string& out, const Transcript& t, std::optional<std::size_t> turn,
                      std::size_t paragraph, std::size_t& next) {
    while (next < t.directions.size()) {
        const auto& d = t.directions[next];
        if (d.within_text) {
            ++next;
            continue;
        }
        if (d.turn != turn || d.paragraph > paragraph) break;
        out += d.text + "\n";
        ++next;
    }
}

std::string cue_time(std::chrono::milliseconds ms) {
    auto total = ms.count() < 0 ? 0 : ms.count();
    char out[32];
    std::snprintf(out, sizeof out, "%02lld:%02lld:%02lld.%03lld",
                  static_cast<long long>(total / 3600000),
                  static_cast<long long>(total / 60000 % 60),
                  static_cast<long long>(total / 1000 % 60), static_cast<long long>(total % 1000));
    return out;
}

std::string cue_escaped(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else
            out += c;
    }
    return out;
}

}  // namespace

std::string seed_text(const Transcript& t) {
    std::string out;
    if (auto line = title_line(t.header); !line.empty()) out += line + "\n\n";
    if (!t.header.date.empty()) out += t.header.date + "\n\n";
    if (!t.header.disclaimer.empty()) out += t.header.disclaimer + "\n\n";
    if (!out.empty()) out += "***\n\n";
    // Directions are in the order of the text, so walking them once alongside the turns
    // writes each where it stood.
    std::size_t next = 0;
    write_directions(out, t, std::nullopt, 0, next);
    for (std::size_t i = 0; i < t.turns.size(); ++i) {
        const auto& turn = t.turns[i];
        auto paragraphs = split_items(turn.text, "", false);
        out += turn.speaker ? ">> " + *turn.speaker + ":" : std::string(">>");
        // The first paragraph shares the marker's line unless directions come first, or
        // an unnamed turn's words would read as a label there.
        bool own_line = paragraphs.empty() ||
                        (next < t.directions.size() && !t.directions[next].within_text &&
                         t.directions[next].turn == i && t.directions[next].paragraph == 0) ||
                        (!turn.speaker && label_end(paragraphs.front()));
        if (!own_line) out += " " + paragraphs.front();
        out += "\n";
        for (std::size_t p = own_line ? 0 : 1; p < paragraphs.size(); ++p) {
            write_directions(out, t, i, p, next);
            out += paragraphs[p] + "\n";
        }
        write_directions(out, t, i, paragraphs.size(), next);
    }
    // A title that begins like a PDF or a GIF file ("%PDF-", "GIF89a") would be refused as
    // one when the file is read back: the byte order mark says it is UTF-8 text.
    if (!binary_kind(out).empty()) out.insert(0, "\xEF\xBB\xBF");
    return out;
}

bool has_times(const Transcript& t) {
    if (t.turns.empty()) return false;
    for (const auto& turn : t.turns)
        if (!parse_utc(turn.started_at) || !parse_utc(turn.ended_at)) return false;
    return true;
}

std::string webvtt(const Transcript& t) {
    if (!has_times(t)) return "";
    std::string out = "WEBVTT\n\n";
    auto origin = *parse_utc(t.turns.front().started_at);
    for (std::size_t i = 0; i < t.turns.size(); ++i) {
        const auto& turn = t.turns[i];
        auto start = std::chrono::duration_cast<std::chrono::milliseconds>(
            *parse_utc(turn.started_at) - origin);
        auto end = std::chrono::duration_cast<std::chrono::milliseconds>(*parse_utc(turn.ended_at) -
                                                                         origin);
        if (end < start + std::chrono::seconds(1)) end = start + std::chrono::seconds(1);
        out += std::to_string(i + 1) + "\n" + cue_time(start) + " --> " + cue_time(end) + "\n";
        std::string text;
        for (const auto& p : split_items(turn.text, "", false))
            text += (text.empty() ? "" : "\n") + cue_escaped(p);
        if (turn.speaker) text = "<v " + cue_escaped(*turn.speaker) + ">" + text;
        out += (text.empty() ? "&nbsp;" : text) + "\n\n";
    }
    return out;
}

}  // namespace convene::transcripts
