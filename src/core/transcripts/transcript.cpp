#include "core/transcripts/transcript.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <map>

namespace convene::transcripts {

std::size_t count_words(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    int32_t i = 0;
    const auto n = static_cast<int32_t>(text.size());
    while (i < n) {
        UChar32 c = 0;
        U8_NEXT(text.data(), i, n, c);
        if (c >= 0 && u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) {
            ++words;
            in_word = false;
        } else if (c >= 0 && (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK ||
                              u_charType(c) == U_COMBINING_SPACING_MARK ||
                              ((c == '\'' || c == 0x2019 || c == '-') && in_word))) {
            if (!in_word) ++words;
            in_word = true;
        } else {
            in_word = false;
        }
    }
    return words;
}

std::vector<SpeakerCount> speaker_counts(const Transcript& t) {
    std::vector<SpeakerCount> out;
    std::map<std::string, std::size_t> index;
    for (const auto& turn : t.turns) {
        if (!turn.speaker) continue;
        auto [at, added] = index.try_emplace(*turn.speaker, out.size());
        if (added) out.push_back({*turn.speaker});
        auto& count = out[at->second];
        ++count.turns;
        count.words += count_words(turn.text);
    }
    return out;
}

nlohmann::json problems_json(const Transcript& t) {
    auto unread = nlohmann::json::array();
    for (const auto& u : t.unread)
        unread.push_back({{"line", u.line}, {"text", u.text}, {"reason", u.reason}});
    auto bad = nlohmann::json::array();
    for (const auto& b : t.bad_bytes)
        bad.push_back(
            {{"line", b.line}, {"offset", b.offset}, {"bytes", b.bytes}, {"read_as", b.read_as}});
    return {{"unread", std::move(unread)},
            {"unread_total", t.unread_total},
            {"bad_bytes", std::move(bad)},
            {"bad_bytes_total", t.bad_bytes_total}};
}

nlohmann::json to_json(const Transcript& t) {
    auto turns = nlohmann::json::array();
    for (const auto& turn : t.turns) {
        nlohmann::json j = {{"speaker", turn.speaker ? nlohmann::json(*turn.speaker) : nullptr},
                            {"text", turn.text}};
        if (!turn.started_at.empty()) j["start"] = turn.started_at;
        if (!turn.ended_at.empty()) j["end"] = turn.ended_at;
        turns.push_back(std::move(j));
    }
    auto directions = nlohmann::json::array();
    for (const auto& d : t.directions)
        directions.push_back({{"turn", d.turn ? nlohmann::json(*d.turn) : nullptr},
                              {"text", d.text},
                              {"within_text", d.within_text},
                              {"paragraph", d.paragraph}});
    auto speakers = nlohmann::json::array();
    for (const auto& s : speaker_counts(t))
        speakers.push_back({{"label", s.label}, {"turns", s.turns}, {"words", s.words}});
    auto text_or_null = [](const std::string& s) {
        return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
    };
    nlohmann::json out = {{"title", text_or_null(t.header.title)},
                          {"event", text_or_null(t.header.event)},
                          {"day", text_or_null(t.header.day)},
                          {"date", text_or_null(t.header.date)},
                          {"room", text_or_null(t.header.room)},
                          {"disclaimer", text_or_null(t.header.disclaimer)},
                          {"encoding", t.encoding},
                          {"turns", std::move(turns)},
                          {"directions", std::move(directions)},
                          {"speakers", std::move(speakers)}};
    out.update(problems_json(t));
    return out;
}

}  // namespace convene::transcripts
