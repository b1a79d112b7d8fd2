#include "core/synthesis/similarity.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <numeric>
#include <unordered_map>

namespace convene {

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    UErrorCode status = U_ZERO_ERROR;
    auto folded = icu::UnicodeString::fromUTF8(
                      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
                      .foldCase();
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) return out;
    it->setText(folded);
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
        auto kind = it->getRuleStatus();
        if (kind < UBRK_WORD_NUMBER) continue;  // spaces and punctuation
        icu::UnicodeString word(folded, start, end - start);
        bool ideograph = kind >= UBRK_WORD_IDEO && kind < UBRK_WORD_IDEO_LIMIT;
        if (word.countChar32() < 2 && !ideograph) continue;
        std::string utf8;
        word.toUTF8String(utf8);
        out.push_back(std::move(utf8));
    }
    return out;
}

std::vector<SimilarPair> similar_pairs(const std::vector<SimilarityDocument>& documents,
                                       double threshold, std::size_t shared_words) {
    const auto n = documents.size();
    std::unordered_map<std::string, int> term_index;
    std::vector<std::string> terms;
    std::vector<std::vector<std::pair<int, double>>> vectors(n);  // (term, tf)
    std::vector<int> df;
    for (std::size_t d = 0; d < n; ++d) {
        std::unordered_map<int, int> counts;
        for (auto& w : words_of(documents[d].text)) {
            auto [at, added] = term_index.try_emplace(w, static_cast<int>(terms.size()));
            if (added) {
                terms.push_back(w);
                df.push_back(0);
            }
            ++counts[at->second];
        }
        for (auto [t, c] : counts) {
            ++df[t];
            vectors[d].emplace_back(t, 1 + std::log(static_cast<double>(c)));
        }
    }
    // Weights, normalised; words in more than half the proposals say nothing of a pair.
    std::vector<std::vector<std::pair<int, int>>> postings(terms.size());  // term -> (doc, slot)
    for (std::size_t d = 0; d < n; ++d) {
        double norm = 0;
        for (auto& [t, w] : vectors[d]) {
            w *= std::log(static_cast<double>(n) / df[t]);
            norm += w * w;
        }
        norm = std::sqrt(norm);
        for (std::size_t s = 0; s < vectors[d].size(); ++s) {
            auto& [t, w] = vectors[d][s];
            w = norm > 0 ? w / norm : 0;
            if (df[t] >= 2 && 2 * df[t] <= static_cast<int>(n) && w > 0)
                postings[t].emplace_back(static_cast<int>(d), static_cast<int>(s));
        }
    }
    std::vector<SimilarPair> out;
    std::vector<double> dot(n), weight_in_a(terms.size(), 0.0);
    std::vector<int> touched;
    for (std::size_t a = 0; a < n; ++a) {
        touched.clear();
        for (const auto& [t, w] : vectors[a]) {
            weight_in_a[t] = postings[t].empty() ? 0 : w;
            for (auto [b, slot] : postings[t]) {
                if (static_cast<std::size_t>(b) <= a) continue;
                if (dot[b] == 0) touched.push_back(b);
                dot[b] += w * vectors[b][slot].second;
            }
        }
        for (int b : touched) {
            if (dot[b] >= threshold) {
                // The shared words, by their weight in both.
                std::vector<std::pair<double, int>> shared;
                for (const auto& [t, w] : vectors[b])
                    if (weight_in_a[t] > 0) shared.emplace_back(w * weight_in_a[t], t);
                auto top = std::min(shared_words, shared.size());
                std::partial_sort(shared.begin(), shared.begin() + static_cast<long>(top),
                                  shared.end(), [&](const auto& x, const auto& y) {
                                      return x.first != y.first ? x.first > y.first
                                                                : terms[x.second] < terms[y.second];
                                  });
                SimilarPair pair{documents[a].id, documents[b].id, dot[b], {}};
                for (std::size_t i = 0; i < top; ++i)
                    pair.shared.push_back(terms[shared[i].second]);
                out.push_back(std::move(pair));
            }
            dot[b] = 0;
        }
        for (const auto& [t, w] : vectors[a]) weight_in_a[t] = 0;
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& x, const auto& y) { return x.similarity > y.similarity; });
    return out;
}

std::vector<std::vector<std::string>> merger_clusters(const std::vector<SimilarPair>& pairs,
                                                      std::size_t max_size) {
    std::map<std::string, std::string> parent;
    std::vector<std::string> order;
    auto find = [&](std::string x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    for (const auto& p : pairs)
        for (const auto& id : {p.a, p.b})
            if (parent.emplace(id, id).second) order.push_back(id);
    for (const auto& p : pairs) {
        auto a = find(p.a), b = find(p.b);
        if (a != b) parent[b] = a;
    }
    std::map<std::string, std::vector<std::string>> groups;
    std::vector<std::string> roots;
    for (const auto& id : order) {
        auto root = find(id);
        if (groups[root].empty()) roots.push_back(root);
        groups[root].push_back(id);
    }
    std::vector<std::vector<std::string>> out;
    for (const auto& r : roots)
        if (groups[r].size() <= max_size) out.push_back(groups[r]);
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& x, const auto& y) { return x.size() > y.size(); });
    return out;
}

}  // namespace convene
