#include "core/transcripts/search_query.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "core/common/text.hpp"
#include "core/transcripts/search_text.hpp"

namespace convene::transcripts {

namespace {

// One thing typed: a word, or what stood between quotes.
struct Typed {
    std::string text;
    bool left_out = false, quoted = false;
};

bool is_quote(UChar32 c) {
    return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB;
}

bool is_space(UChar32 c) {
    return c == '\t' || c == '\n' || c == '\r' || u_isUWhiteSpace(c);
}

std::vector<Typed> lex(std::string_view typed) {
    std::vector<Typed> out;
    std::string word;
    std::string phrase;
    bool in_phrase = false, phrase_left_out = false;
    auto end_word = [&] {
        if (word.empty()) return;
        Typed t;
        std::size_t dashes = word.find_first_not_of('-');
        t.left_out = dashes != 0;
        t.text = dashes == std::string::npos ? "" : word.substr(dashes);
        if (!t.text.empty()) out.push_back(std::move(t));
        word.clear();
    };
    const auto n = static_cast<std::int32_t>(typed.size());
    for (std::int32_t i = 0; i < n;) {
        auto at = static_cast<std::size_t>(i);
        UChar32 c = 0;
        U8_NEXT(typed.data(), i, n, c);
        auto bytes = typed.substr(at, static_cast<std::size_t>(i) - at);
        if (in_phrase) {
            if (is_quote(c)) {
                out.push_back({phrase, phrase_left_out, true});
                phrase.clear();
                in_phrase = false;
            } else {
                phrase.append(bytes);
            }
            continue;
        }
        if (is_quote(c)) {
            // -"a phrase" leaves the phrase out; a word glued before the quote ends there.
            phrase_left_out = !word.empty() && word.find_first_not_of('-') == std::string::npos;
            if (phrase_left_out) word.clear();
            end_word();
            in_phrase = true;
            continue;
        }
        if (is_space(c)) {
            end_word();
            continue;
        }
        word.append(bytes);
    }
    if (in_phrase) out.push_back({phrase, phrase_left_out, true});  // a quote left open
    end_word();
    return out;
}

struct Read {
    SearchTerm term;
    bool left_out = false, is_or = false;
};

}  // namespace

QueryReading read_search_query(std::string_view typed) {
    QueryReading out;
    if (typed.size() > max_query_bytes) {
        out.refusal = "transcripts.search.query_too_long";
        return out;
    }
    if (!is_valid_utf8(typed) || has_control_characters(typed)) {
        out.refusal = "transcripts.search.not_text";
        return out;
    }
    std::vector<Read> items;
    std::size_t words = 0;
    for (auto& t : lex(typed)) {
        Read r;
        r.left_out = t.left_out;
        r.is_or = !t.quoted && !t.left_out && t.text == "OR";
        r.term.written = std::move(t.text);
        for (auto& w : search_words(r.term.written, max_phrase_words + 1))
            r.term.words.push_back(std::move(w.text));
        if (r.term.words.empty()) continue;  // punctuation only: "*", "^", "(", ":"
        if (r.term.words.size() > max_phrase_words) {
            out.refusal = "transcripts.search.phrase_too_long";
            return out;
        }
        words += r.term.words.size();
        items.push_back(std::move(r));
    }
    if (words > max_query_words) {
        out.refusal = "transcripts.search.query_too_long";
        return out;
    }
    auto& q = out.query;
    bool joined_last = false;  // the last item read was a term of q.all
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto& r = items[i];
        // OR joins the terms on either side when both are looked for; elsewhere it is a word.
        if (r.is_or && joined_last && i + 1 < items.size() && !items[i + 1].left_out &&
            !items[i + 1].is_or) {
            q.all.back().any.push_back(std::move(items[i + 1].term));
            ++i;
            continue;
        }
        if (r.left_out) {
            q.none.push_back(std::move(r.term));
            joined_last = false;
        } else {
            q.all.push_back({{std::move(r.term)}});
            joined_last = true;
        }
    }
    std::size_t terms = q.none.size();
    for (const auto& c : q.all) terms += c.any.size();
    if (terms > max_query_terms) {
        out.refusal = "transcripts.search.too_many_terms";
    } else if (q.all.empty() && !q.none.empty()) {
        out.refusal = "transcripts.search.only_left_out";
    } else if (q.empty() && !trim(typed).empty()) {
        out.refusal = "transcripts.search.no_words";
    }
    if (!out.refusal.empty()) out.query = {};
    return out;
}

std::string query_text(const SearchQuery& q) {
    auto term = [](const SearchTerm& t) {
        std::string words;
        for (const auto& w : t.words) words += (words.empty() ? "" : " ") + w;
        return t.phrase() ? "\"" + words + "\"" : words;
    };
    std::string out;
    auto add = [&](const std::string& piece) { out += (out.empty() ? "" : " ") + piece; };
    for (const auto& c : q.all) {
        std::string any;
        for (const auto& t : c.any) any += (any.empty() ? "" : " OR ") + term(t);
        add(any);
    }
    for (const auto& t : q.none) add("-" + term(t));
    return out;
}

}  // namespace convene::transcripts
