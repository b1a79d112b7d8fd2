#include "core/transcripts/search_highlight.hpp"

#include <algorithm>
#include <iterator>

#include "core/transcripts/search_text.hpp"

namespace convene::transcripts {

namespace {

using Range = std::pair<std::size_t, std::size_t>;  // bytes [first, second)

// Where each looked-for term stands in the words, as byte ranges merged when they touch
// or only spaces part them ("Dynamic Coalition" is one mark for dynamic coalition).
std::vector<Range> marked_ranges(std::string_view text, const std::vector<SearchWord>& words,
                                 const SearchQuery& q) {
    std::vector<Range> ranges;
    for (const auto& clause : q.all)
        for (const auto& term : clause.any) {
            const auto k = term.words.size();
            if (k == 0 || k > words.size()) continue;
            for (std::size_t i = 0; i + k <= words.size(); ++i) {
                std::size_t j = 0;
                while (j < k && words[i + j].text == term.words[j]) ++j;
                if (j == k) ranges.emplace_back(words[i].begin, words[i + k - 1].end);
            }
        }
    std::sort(ranges.begin(), ranges.end());
    std::vector<Range> merged;
    for (const auto& r : ranges) {
        if (!merged.empty() && (r.first <= merged.back().second ||
                                text.substr(merged.back().second, r.first - merged.back().second)
                                        .find_first_not_of(' ') == std::string_view::npos))
            merged.back().second = std::max(merged.back().second, r.second);
        else
            merged.push_back(r);
    }
    return merged;
}

// The longest term of the query, in words.
std::size_t longest_term(const SearchQuery& q) {
    std::size_t out = 1;
    for (const auto& clause : q.all)
        for (const auto& term : clause.any) out = std::max(out, term.words.size());
    return out;
}

}  // namespace

Excerpt highlighted(std::string_view text, const SearchQuery& q, std::size_t words_shown) {
    Excerpt out;
    // Only the words an excerpt can show are read (normalising every word of a long turn
    // was a quarter of a search): half as many again as it shows, then twice as many more
    // each time, read on from where the last read stopped, until the first mark and the
    // words shown from it (with the longest term's) are all read, or the turn is.
    std::vector<SearchWord> words;
    std::vector<Range> ranges;
    std::size_t read_to = 0;  // the bytes read so far
    for (std::size_t more = words_shown > 0 ? words_shown + words_shown / 2 : max_search_words;;
         more *= 2) {
        more = std::min(more, max_search_words - words.size());
        auto next = search_words(text.substr(read_to), more);
        for (auto& w : next) {
            w.begin += read_to;
            w.end += read_to;
        }
        bool whole = next.size() < more || words.size() + next.size() == max_search_words;
        // A written word may give several (“½” gives 1 and 2): one cut short by the limit is
        // left for the next read, whole.
        if (!whole) {
            auto last = next.back().begin;
            auto keep = next.size();
            while (keep > 0 && next[keep - 1].begin == last) --keep;
            if (keep > 0) next.resize(keep);
        }
        if (!next.empty()) read_to = next.back().end;
        words.insert(words.end(), std::make_move_iterator(next.begin()),
                     std::make_move_iterator(next.end()));
        ranges = marked_ranges(text, words, q);
        if (whole) break;
        if (ranges.empty()) continue;
        std::size_t first = 0;
        while (first < words.size() && words[first].end <= ranges.front().first) ++first;
        auto shown_to = first - std::min<std::size_t>(first, words_shown / 4) + words_shown;
        if (shown_to + longest_term(q) < words.size()) break;
    }
    out.marks = ranges.size();
    std::size_t from = 0, to = text.size();
    if (words_shown > 0 && words.size() > words_shown) {
        // From a few words before the first mark, or from the start.
        std::size_t first = 0;
        if (!ranges.empty())
            while (first < words.size() && words[first].end <= ranges.front().first) ++first;
        std::size_t lead = std::min<std::size_t>(first, words_shown / 4);
        std::size_t start = first - lead;
        start = std::min(start, words.size() - words_shown);
        std::size_t end = start + words_shown;
        if (start > 0) {
            from = words[start].begin;
            out.cut_before = true;
        }
        if (end < words.size()) {
            to = words[end - 1].end;
            out.cut_after = true;
        }
    }
    std::size_t at = from;
    for (const auto& [begin, end] : ranges) {
        auto b = std::max(begin, from), e = std::min(end, to);
        if (b >= e) continue;
        if (b > at) out.pieces.push_back({std::string(text.substr(at, b - at)), false});
        out.pieces.push_back({std::string(text.substr(b, e - b)), true});
        at = e;
    }
    if (at < to) out.pieces.push_back({std::string(text.substr(at, to - at)), false});
    return out;
}

}  // namespace convene::transcripts
