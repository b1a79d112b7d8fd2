#include "core/transcripts/reading.hpp"

#include <cctype>
#include <cstdio>

#include "core/common/text.hpp"
#include "core/transcripts/decoding.hpp"
#include "core/transcripts/directions.hpp"
#include "core/transcripts/header.hpp"
#include "core/transcripts/speakers.hpp"

namespace convene::transcripts {

namespace {

std::string megabytes(std::size_t bytes) {
    char out[32];
    std::snprintf(out, sizeof out, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return out;
}

bool has_word_character(std::string_view text) {
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 || std::isalnum(c)) return true;
    }
    return false;
}

// A paragraph of the last turn, with where it came from: a footer after the last turn
// is told apart by its short lines after a blank one.
struct Paragraph {
    int line = 0;
    bool after_blank = false;
    bool footer_mark = false;
};

// What marks a web page's footer: a contact, an address, a link, a copyright.
bool footer_mark(std::string_view line) {
    auto lower = ascii_lower(line);
    for (std::string_view mark :
         {"contact", "@", "[at]", "http", "www.", "\u00A9", "copyright", "rights reserved",
          "privacy", "cookie", "follow us", "</", "tel:", "phone", "fax"})
        if (lower.find(mark) != std::string::npos) return true;
    return lower.size() > 1 && lower[0] == '+' &&
           std::isdigit(static_cast<unsigned char>(lower[1]));
}

class Reader {
  public:
    explicit Reader(Reading& r) : r_(r), t_(r.transcript) {}

    // One line of the file, its spaces normalised; false when the turns or the directions
    // are too many.
    bool line(int number, const std::string& text) {
        if (text.empty()) {
            blank_ = true;
            return true;
        }
        bool after_blank = blank_;
        blank_ = false;
        if (text.size() >= 2 && text[0] == '>' && text[1] == '>') return turn(number, text);
        if (t_.turns.empty())
            before_first_turn(number, text);
        else
            paragraph(number, text, after_blank);
        return r_.refusal.empty();
    }

    void finish() { drop_footer(); }

  private:
    bool turn(int number, const std::string& text) {
        if (t_.turns.size() >= max_turns) {
            r_.refusal = "transcripts.refused.too_many_turns";
            r_.refusal_params = {{"limit", max_turns}};
            return false;
        }
        std::string_view rest(text);
        while (!rest.empty() && rest.front() == '>') rest.remove_prefix(1);
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        Turn turn;
        turn.line = number;
        if (auto end = label_end(rest)) {
            turn.speaker = trim(rest.substr(0, *end));
            rest.remove_prefix(*end + (rest[*end] == ':' ? 1 : 3));  // ':' or U+FF1A
        }
        t_.turns.push_back(std::move(turn));
        last_paragraphs_.clear();
        auto words = trim(rest);
        if (!words.empty()) paragraph(number, words, false);
        return r_.refusal.empty();
    }

    void paragraph(int number, const std::string& text, bool after_blank) {
        auto index = t_.turns.size() - 1;
        auto& turn = t_.turns.back();
        auto paragraphs = last_paragraphs_.size();
        if (auto direction = line_direction(text)) {
            add({index, *direction, false, paragraphs, number});
            return;
        }
        if (!has_word_character(text)) {
            unread(number, text, "not_text");
            return;
        }
        for (auto& d : directions_within(text))
            add({index, std::move(d), true, paragraphs, number});
        if (!turn.text.empty()) turn.text += '\n';
        turn.text += text;
        last_paragraphs_.push_back({number, after_blank, footer_mark(text)});
    }

    void before_first_turn(int number, const std::string& text) {
        auto& h = t_.header;
        if (auto direction = line_direction(text)) {
            add({std::nullopt, *direction, false, 0, number});
        } else if (is_separator(text)) {
            // "***" between the header and the text says nothing.
        } else if (is_disclaimer(text)) {
            h.disclaimer += (h.disclaimer.empty() ? "" : " ") + text;
        } else if (auto date = date_of_line(text); !date.empty() && h.date.empty()) {
            h.date = date;
        } else if (auto day = day_of(text); !day.empty() && h.day.empty()) {
            h.day = day;
        } else if (h.line.empty() && !is_page_crumb(text) && text.size() <= 300 &&
                   h.disclaimer.empty()) {
            read_title_line(text, h);
        } else {
            unread(number, text,
                   h.disclaimer.empty() || text.size() <= 80 ? "header" : "before_first_turn");
        }
    }

    void add(Direction d) {
        if (t_.directions.size() >= max_directions) {
            r_.refusal = "transcripts.refused.too_many_directions";
            r_.refusal_params = {{"limit", max_directions}};
            return;
        }
        t_.directions.push_back(std::move(d));
    }

    void unread(int number, const std::string& text, const char* reason) {
        ++t_.unread_total;
        if (t_.unread.size() < max_listed_problems)
            t_.unread.push_back({number, shortened(text, 2000), reason});
    }

    // A footer after the last turn (an address, "Contact Information"): blocks after a
    // blank line whose lines are short and end no sentence, at least two lines of them.
    void drop_footer() {
        if (t_.turns.empty() || last_paragraphs_.size() < 3) return;
        auto& turn = t_.turns.back();
        std::vector<std::string> lines = split_items(turn.text, "", true);
        if (lines.size() != last_paragraphs_.size()) return;
        auto footer_like = [&](const std::string& l) {
            if (l.size() > 80) return false;
            char last = l.back();
            return last != '.' && last != '?' && last != '!' && l.find("\u2026") == l.npos;
        };
        // The footer begins at the first line of a block after a blank line from which
        // every line to the end looks like one; never at the turn's first paragraph.
        std::size_t from = lines.size();
        for (std::size_t i = lines.size(); i-- > 1;) {
            if (!footer_like(lines[i])) break;
            if (last_paragraphs_[i].after_blank) from = i;
        }
        if (from >= lines.size() || lines.size() - from < 2) return;
        bool marked = false;
        for (std::size_t i = from; i < lines.size(); ++i)
            marked = marked || last_paragraphs_[i].footer_mark;
        if (!marked) return;
        int first_line = last_paragraphs_[from].line;
        std::string kept;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (i < from)
                kept += (kept.empty() ? "" : "\n") + lines[i];
            else
                unread(last_paragraphs_[i].line, lines[i], "after_last_turn");
        }
        turn.text = kept;
        std::erase_if(t_.directions, [&](const Direction& d) {
            return d.within_text && d.turn == t_.turns.size() - 1 && d.line >= first_line;
        });
    }

    Reading& r_;
    Transcript& t_;
    bool blank_ = false;
    std::vector<Paragraph> last_paragraphs_;
};

}  // namespace

std::string normal_spaces(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    bool space = false;
    auto put = [&](char c) {
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    };
    for (std::size_t i = 0; i < line.size(); ++i) {
        auto c = static_cast<unsigned char>(line[i]);
        auto rest = line.substr(i);
        auto starts = [&](std::string_view s) { return rest.substr(0, s.size()) == s; };
        if (c == ' ' || c == '\t') {
            space = true;
        } else if (c < 0x80) {
            put(static_cast<char>(c));
        } else if (starts("\u00A0") || starts("\u202F") || starts("\u205F") || starts("\u3000") ||
                   starts("\u1680") ||
                   (starts("\xE2\x80") && rest.size() >= 3 &&
                    static_cast<unsigned char>(rest[2]) >= 0x80 &&
                    static_cast<unsigned char>(rest[2]) <= 0x8A)) {
            space = true;  // no-break, narrow, ideographic and typographic spaces
            i += (c == 0xC2 ? 1 : 2);
        } else if (starts("\u2010") || starts("\u2011")) {
            put('-');
            i += 2;
        } else if (starts("\u200B") || starts("\uFEFF")) {
            i += 2;  // zero-width space, byte order mark
        } else {
            put(static_cast<char>(c));
        }
    }
    return out;
}

Reading too_large(std::size_t bytes) {
    Reading r;
    r.refusal = "transcripts.refused.too_large";
    r.refusal_params = {{"size", megabytes(bytes)}, {"limit", megabytes(max_transcript_bytes)}};
    return r;
}

Reading read_transcript(std::string_view bytes) {
    Reading r;
    if (bytes.size() > max_transcript_bytes) return too_large(bytes.size());
    if (auto kind = binary_kind(bytes); !kind.empty()) {
        r.refusal = "transcripts.refused.binary";
        r.refusal_params = {{"kind", say("transcripts.file_kind." + kind)}};
        return r;
    }
    auto decoded = decode_text(bytes);
    auto& t = r.transcript;
    t.encoding = decoded.encoding;
    t.bad_bytes = std::move(decoded.bad_bytes);
    t.bad_bytes_total = decoded.bad_bytes_total;
    Reader reader(r);
    const std::string& text = decoded.text;
    bool any_text = false;
    int number = 0;
    for (std::size_t start = 0; start < text.size();) {
        auto end = text.find_first_of("\r\n", start);
        if (end == std::string::npos) end = text.size();
        auto line = normal_spaces(std::string_view(text).substr(start, end - start));
        any_text = any_text || !line.empty();
        if (!reader.line(++number, line)) {
            r.transcript = {};  // refused whole: nothing of it is kept
            return r;
        }
        if (end == text.size()) break;
        start = end + (text.compare(end, 2, "\r\n") == 0 ? 2 : 1);
    }
    reader.finish();
    if (!any_text) {
        r.refusal = "transcripts.refused.empty";
        r.transcript = {};
    } else if (t.turns.empty()) {
        r.refusal = "transcripts.refused.no_turns";
    }
    return r;
}

std::string refusal_message(const Reading& r) {
    return r.refusal.empty() ? "" : say(r.refusal, r.refusal_params);
}

}  // namespace convene::transcripts
