#include "core/transcripts/speakers.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "core/common/text.hpp"

namespace convene::transcripts {

namespace {

bool label_punctuation(UChar32 c) {
    return c == ' ' || c == '.' || c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 ||
           c == 0x2011 || c == '(' || c == ')' || c == ',' || c == '&' || c == '/';
}

// Levenshtein distance, stopping early above `limit`.
std::size_t distance(std::string_view a, std::string_view b, std::size_t limit) {
    if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0], best = row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            auto up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
            best = std::min(best, row[j]);
        }
        if (best > limit) return limit + 1;
    }
    return row[b.size()];
}

// One word of a label matches a role's word: the same, or one letter apart for words of
// 9 letters or more, two for 12 or more ("INVERVENTION"); "SPENCER" is no "SPEAKER".
bool same_word(std::string_view written, std::string_view role_word) {
    if (written == role_word) return true;
    std::size_t typos = role_word.size() >= 12 ? 2 : role_word.size() >= 9 ? 1 : 0;
    return typos > 0 && distance(written, role_word, typos) <= typos;
}

struct RoleWords {
    std::vector<std::string_view> words;
    std::string_view role;
};
// Longest first, so "online moderator" wins over "moderator".
const std::vector<RoleWords>& role_words() {
    static const std::vector<RoleWords> all = {
        {{"remote", "intervention"}, "remote_intervention"},
        {{"remote", "participant"}, "remote_intervention"},
        {{"remote", "speaker"}, "remote_intervention"},
        {{"online", "intervention"}, "remote_intervention"},
        {{"online", "participant"}, "remote_intervention"},
        {{"online", "moderator"}, "online_moderator"},
        {{"remote", "moderator"}, "online_moderator"},
        {{"unidentified", "speaker"}, "floor"},
        {{"audience", "member"}, "floor"},
        {{"igf", "secretariat"}, "secretariat"},
        {{"co", "chair"}, "co_chair"},
        {{"cochair"}, "co_chair"},
        {{"chair"}, "chair"},
        {{"chairman"}, "chair"},
        {{"chairperson"}, "chair"},
        {{"chairwoman"}, "chair"},
        {{"moderator"}, "moderator"},
        {{"audience"}, "floor"},
        {{"participant"}, "floor"},
        {{"speaker"}, "floor"},
        {{"floor"}, "floor"},
        {{"interpreter"}, "interpreter"},
        {{"secretariat"}, "secretariat"},
        {{"rapporteur"}, "rapporteur"},
    };
    return all;
}

}  // namespace

std::optional<std::size_t> label_end(std::string_view text) {
    std::size_t upper = 0, lower = 0, caseless = 0, characters = 0;
    bool first_letter_seen = false, first_upper = false;
    int32_t i = 0;
    const auto n = static_cast<int32_t>(std::min(text.size(), max_label_bytes + 3));
    while (i < n) {
        auto at = static_cast<std::size_t>(i);
        UChar32 c = 0;
        U8_NEXT(text.data(), i, n, c);
        if (c == ':' || c == 0xFF1A) {
            if (at == 0 || at > max_label_bytes) return std::nullopt;
            bool cased = upper >= 2 && upper >= lower && first_upper;
            bool uncased = upper == 0 && lower == 0 && caseless > 0 && characters <= 24;
            if (!cased && !uncased) return std::nullopt;
            return at;
        }
        if (c < 0) return std::nullopt;
        ++characters;
        if (u_isUUppercase(c) || u_istitle(c)) {
            ++upper;
            if (!first_letter_seen) first_upper = true;
            first_letter_seen = true;
        } else if (u_isULowercase(c)) {
            ++lower;
            first_letter_seen = true;
        } else if (u_isalpha(c)) {
            ++caseless;
            first_letter_seen = true;
        } else if (!u_isdigit(c) && !label_punctuation(c)) {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

std::string label_key(std::string_view label) {
    auto folded = comparison_key(label);
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        auto rest = std::string_view(folded).substr(i);
        auto c = static_cast<unsigned char>(folded[i]);
        // Apostrophes and dots join ("st." -> "st", "o'neil" -> "oneil"); hyphens and the
        // rest part words.
        if (c == '.' || c == '\'' || rest.starts_with("\u2019")) {
            i += c == 0xE2 ? 2 : 0;
            continue;
        }
        if (rest.starts_with("\u2010") || rest.starts_with("\u2011")) {
            space = true;
            i += 2;
            continue;
        }
        if (c < 0x80 && !std::isalnum(c)) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += static_cast<char>(c);
    }
    return out;
}

LabelRole label_role(std::string_view label) {
    auto key = label_key(label);
    auto words = split_items(key, " ");
    for (const auto& rw : role_words()) {
        if (words.size() < rw.words.size()) continue;
        bool match = true;
        for (std::size_t w = 0; w < rw.words.size() && match; ++w)
            match = same_word(words[w], rw.words[w]);
        if (!match) continue;
        // The name is what follows the role's words in the label as written.
        std::string written = trim(label);
        std::size_t at = 0;
        for (std::size_t w = 0; w < rw.words.size(); ++w) {
            at = written.find_first_not_of(" ", at);
            auto end = written.find(' ', at);
            at = end == std::string::npos ? written.size() : end;
        }
        // "CO-CHAIR" is one written word for two of the key.
        if (rw.role == "co_chair" && rw.words.size() == 2 &&
            written.find('-') != std::string::npos && written.find('-') < written.find(' '))
            at = std::min(written.size(), written.find(' '));
        return {std::string(rw.role), trim(written.substr(std::min(at, written.size())))};
    }
    return {"", trim(label)};
}

}  // namespace convene::transcripts
