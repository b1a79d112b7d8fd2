// What people type in the transcripts' search box: whatever it holds, reading it ends in
// a query or a refusal within the limits, its words are normalised words (no space, no
// quote: nothing an engine could read as syntax), and marking a text with it keeps every
// byte of the text in order.
#include "core/transcripts/search_highlight.hpp"
#include "core/transcripts/search_query.hpp"
#include "core/transcripts/search_text.hpp"
#include "fuzz/target.hpp"

namespace {

void check_term(const convene::transcripts::SearchTerm& t) {
    if (t.words.empty() || t.words.size() > convene::transcripts::max_phrase_words)
        __builtin_trap();
    for (const auto& w : t.words) {
        if (w.empty() || w.size() > convene::transcripts::max_search_word_bytes) __builtin_trap();
        for (char c : w)
            if (c == ' ' || c == '"' || c == '*' || c == '(' || c == ')' || c == ':' || c == '^' ||
                c == '-')
                __builtin_trap();
    }
}

}  // namespace

CONVENE_FUZZ_TARGET(transcript_query,
                    {"\"open forum\" -Paris youth OR jeunesse \xC3\xA9"
                     "cole",
                     "NEAR(a b) * ^ : \"unbalanced \xE4\xBA\x92\xE8\x81\x94 -\"x y\""}) {
    using namespace convene::transcripts;
    auto typed = convene::fuzz::text(data, size);
    auto r = read_search_query(typed);
    if (!r.refusal.empty()) {
        if (!r.query.empty()) __builtin_trap();
        return;
    }
    std::size_t terms = r.query.none.size();
    for (const auto& c : r.query.all) {
        if (c.any.empty()) __builtin_trap();
        terms += c.any.size();
        for (const auto& t : c.any) check_term(t);
    }
    for (const auto& t : r.query.none) check_term(t);
    if (terms > max_query_terms) __builtin_trap();
    if (r.query.all.empty() && !r.query.none.empty()) __builtin_trap();
    (void)query_text(r.query);
    // The text marked with its own query: the pieces are the text, in order.
    auto e = highlighted(typed, r.query, 8);
    std::string joined;
    for (const auto& p : e.pieces) joined += p.text;
    if (!e.cut_before && !e.cut_after && joined != typed) __builtin_trap();
    if (typed.find(joined) == std::string_view::npos) __builtin_trap();
}
