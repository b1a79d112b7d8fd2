#include "core/transcripts/search_text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace convene::transcripts {

namespace {

enum class Kind { separator, ignorable, letter, mark, alone };

bool is_mark(std::int8_t type) {
    return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
           type == U_COMBINING_SPACING_MARK;
}

bool is_letter_or_number(std::int8_t type) {
    return (type >= U_UPPERCASE_LETTER && type <= U_OTHER_LETTER) ||
           (type >= U_DECIMAL_DIGIT_NUMBER && type <= U_OTHER_NUMBER);
}

// Scripts written without spaces between words: each character is a word of its own.
bool written_without_spaces(UChar32 c) {
    static constexpr UScriptCode scripts[] = {
        USCRIPT_HAN,  USCRIPT_HIRAGANA, USCRIPT_KATAKANA, USCRIPT_HANGUL,  USCRIPT_BOPOMOFO,
        USCRIPT_THAI, USCRIPT_LAO,      USCRIPT_KHMER,    USCRIPT_MYANMAR, USCRIPT_YI};
    for (auto s : scripts)
        if (uscript_hasScript(c, s)) return true;
    return false;
}

bool ascii_alnum(UChar32 c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

Kind kind_of(UChar32 c) {
    if (c < 0) return Kind::separator;
    if (c < 0x80) return ascii_alnum(c) ? Kind::letter : Kind::separator;
    auto type = static_cast<std::int8_t>(u_charType(c));
    if (type == U_FORMAT_CHAR) return Kind::ignorable;  // soft hyphen, zero-width joiners
    // Half-width katakana's voicing marks are letters that NFKC makes marks ("ｶﾞ" is "ガ").
    if (is_mark(type) || c == 0xFF9E || c == 0xFF9F) return Kind::mark;
    if (!is_letter_or_number(type)) return Kind::separator;
    return written_without_spaces(c) ? Kind::alone : Kind::letter;
}

// Scripts whose marks readers leave out or type at will: accents of Latin, Greek and
// Cyrillic letters, Arabic harakat, Hebrew points. Brahmic vowel signs, Thai tone marks
// and the Japanese voicing marks change the word, so they stay.
bool drops_marks(UScriptCode script) {
    switch (script) {
        case USCRIPT_LATIN:
        case USCRIPT_GREEK:
        case USCRIPT_CYRILLIC:
        case USCRIPT_ARABIC:
        case USCRIPT_HEBREW:
        case USCRIPT_SYRIAC:
        case USCRIPT_ARMENIAN:
        case USCRIPT_GEORGIAN:
        case USCRIPT_COPTIC:
        case USCRIPT_COMMON:
        case USCRIPT_INHERITED:
            return true;
        default:
            return false;
    }
}

struct Normalizers {
    const icu::Normalizer2 *folded = nullptr, *decomposed = nullptr, *composed = nullptr;
};

const Normalizers& normalizers() {
    static const Normalizers n = [] {
        UErrorCode e = U_ZERO_ERROR;
        Normalizers out;
        out.folded = icu::Normalizer2::getNFKCCasefoldInstance(e);
        out.decomposed = icu::Normalizer2::getNFDInstance(e);
        out.composed = icu::Normalizer2::getNFCInstance(e);
        return out;
    }();
    return n;
}

// Case-folded, NFKC, marks dropped where the script allows, digits as ASCII, then NFC.
icu::UnicodeString normalised(std::string_view raw) {
    const auto& n = normalizers();
    UErrorCode e = U_ZERO_ERROR;
    auto s = n.folded->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                     raw.data(), static_cast<int32_t>(raw.size()))),
                                 e);
    s = n.decomposed->normalize(s, e);
    icu::UnicodeString kept;
    auto base = USCRIPT_INVALID_CODE;
    for (int32_t i = 0; i < s.length();) {
        UChar32 c = s.char32At(i);
        i += U16_LENGTH(c);
        auto type = static_cast<std::int8_t>(u_charType(c));
        if (is_mark(type)) {
            if (base == USCRIPT_INVALID_CODE) continue;  // a mark on nothing
            // The breve keeps Russian "й" apart from "и"; other Cyrillic marks ("ё") go.
            if (drops_marks(base) && !(base == USCRIPT_CYRILLIC && c == 0x0306)) continue;
            kept.append(c);
            continue;
        }
        if (c == 0x0640) continue;  // the Arabic tatweel only stretches a word
        if (type == U_DECIMAL_DIGIT_NUMBER) c = '0' + u_charDigitValue(c);
        UErrorCode se = U_ZERO_ERROR;
        base = uscript_getScript(c, &se);
        kept.append(c);
    }
    return n.composed->normalize(kept, e);
}

std::string_view cut(std::string_view word) {
    if (word.size() <= max_search_word_bytes) return word;
    std::size_t end = max_search_word_bytes;
    while (end > 0 && (static_cast<unsigned char>(word[end]) & 0xC0) == 0x80) --end;
    return word.substr(0, end);
}

class Reader {
  public:
    Reader(std::size_t limit,
           const std::function<void(std::string_view, std::size_t, std::size_t)>& word)
        : limit_(limit), word_(word) {}

    bool full() const { return count_ >= limit_; }

    // A written word (letters, digits and marks, or one character of a script without
    // spaces with its marks), bytes [begin, end) of the text.
    void emit(std::string_view raw, bool ascii, std::size_t begin, std::size_t end) {
        if (full()) return;
        if (ascii) {
            buffer_.assign(raw);
            for (auto& ch : buffer_)
                if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
            send(buffer_, begin, end);
            return;
        }
        // Normalising may split it again ("½" gives "1" and "2", "㍻" gives two characters).
        auto s = normalised(raw);
        icu::UnicodeString part;
        bool part_alone = false;
        auto flush = [&] {
            if (part.isEmpty()) return;
            buffer_.clear();
            part.toUTF8String(buffer_);
            send(buffer_, begin, end);
            part.remove();
        };
        for (int32_t i = 0; i < s.length() && !full();) {
            UChar32 c = s.char32At(i);
            i += U16_LENGTH(c);
            switch (kind_of(c)) {
                case Kind::separator:
                case Kind::ignorable:
                    flush();
                    break;
                case Kind::mark:
                    if (!part.isEmpty()) part.append(c);
                    break;
                case Kind::letter:
                    if (part_alone) flush();
                    part_alone = false;
                    part.append(c);
                    break;
                case Kind::alone:
                    flush();
                    part_alone = true;
                    part.append(c);
                    break;
            }
        }
        if (!full()) flush();
    }

  private:
    void send(std::string_view word, std::size_t begin, std::size_t end) {
        if (word.empty() || full()) return;
        ++count_;
        word_(cut(word), begin, end);
    }

    std::size_t limit_, count_ = 0;
    const std::function<void(std::string_view, std::size_t, std::size_t)>& word_;
    std::string buffer_;
};

}  // namespace

void for_each_search_word(
    std::string_view text, std::size_t limit,
    const std::function<void(std::string_view word, std::size_t begin, std::size_t end)>& word) {
    Reader reader(limit, word);
    std::string raw;  // the written word, without ignorable characters
    std::size_t begin = 0, last = 0;
    bool open = false, alone = false, ascii = true;
    auto flush = [&] {
        if (open) reader.emit(raw, ascii, begin, last);
        open = false;
        raw.clear();
        ascii = true;
    };
    const auto n = static_cast<std::int32_t>(text.size());
    auto alnum_at = [&text](std::int32_t at) {
        return ascii_alnum(static_cast<unsigned char>(text[static_cast<std::size_t>(at)]));
    };
    for (std::int32_t i = 0; i < n && !reader.full();) {
        auto at = static_cast<std::size_t>(i);
        // Most of a transcript is ASCII: a run of ASCII letters and digits is taken whole,
        // an ASCII character of any other kind parts words (as kind_of says one by one).
        if (static_cast<unsigned char>(text[at]) < 0x80) {
            if (!alnum_at(i)) {
                flush();
                ++i;
                continue;
            }
            auto j = i + 1;
            while (j < n && alnum_at(j)) ++j;
            if (open && alone) flush();
            if (!open) {
                open = true;
                alone = false;
                begin = at;
            }
            raw.append(text.substr(at, static_cast<std::size_t>(j - i)));
            last = static_cast<std::size_t>(j);
            i = j;
            continue;
        }
        UChar32 c = 0;
        U8_NEXT(text.data(), i, n, c);
        auto kind = kind_of(c);
        auto bytes = text.substr(at, static_cast<std::size_t>(i) - at);
        switch (kind) {
            case Kind::separator:
                flush();
                continue;
            case Kind::ignorable:
                continue;
            case Kind::mark:
                if (!open) {
                    open = true;
                    alone = false;
                    begin = at;
                }
                break;
            case Kind::letter:
                if (open && alone) flush();
                if (!open) {
                    open = true;
                    alone = false;
                    begin = at;
                }
                break;
            case Kind::alone:
                flush();
                open = true;
                alone = true;
                begin = at;
                break;
        }
        raw.append(bytes);
        if (c >= 0x80) ascii = false;
        last = static_cast<std::size_t>(i);
    }
    if (!reader.full()) flush();
}

std::vector<SearchWord> search_words(std::string_view text, std::size_t limit) {
    std::vector<SearchWord> out;
    for_each_search_word(text, limit, [&](std::string_view w, std::size_t begin, std::size_t end) {
        out.push_back({std::string(w), begin, end});
    });
    return out;
}

std::string search_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for_each_search_word(text, max_search_words, [&](std::string_view w, std::size_t, std::size_t) {
        if (!out.empty()) out += ' ';
        out.append(w);
    });
    return out;
}

std::vector<TurnWords> turn_words(const Transcript& t) {
    std::vector<TurnWords> out;
    out.reserve(t.turns.size());
    for (const auto& turn : t.turns)
        out.push_back({count_words(turn.text), search_text(turn.text)});
    return out;
}

}  // namespace convene::transcripts
