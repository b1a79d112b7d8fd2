#pragma once
// Merger candidates: proposals whose texts say much the same thing. Words come from
// ICU's word boundaries (so French, Spanish, Russian, Arabic and Chinese work), case-
// folded; each proposal is a TF-IDF vector (1 + log tf, times log(N / df)); pairs are
// compared by cosine, through an inverted index so that only proposals sharing a word
// are ever compared.
#include <string>
#include <string_view>
#include <vector>

namespace convene {

// The words of a text, case-folded: letters, digits and ideographs; one-letter words
// left out except ideographs.
std::vector<std::string> words_of(std::string_view text);

struct SimilarityDocument {
    std::string id;
    std::string text;  // title, description and policy questions, joined
};

struct SimilarPair {
    std::string a, b;  // in input order
    double similarity = 0;
    std::vector<std::string> shared;  // the words that weigh most in both, heaviest first
};

// Every pair at or above `threshold`, most similar first.
std::vector<SimilarPair> similar_pairs(const std::vector<SimilarityDocument>& documents,
                                       double threshold = 0.3, std::size_t shared_words = 6);

// The pairs joined into clusters (connected proposals), each in input order, largest
// first; clusters larger than `max_size` are left out (a chain, not a merger).
std::vector<std::vector<std::string>> merger_clusters(const std::vector<SimilarPair>& pairs,
                                                      std::size_t max_size = 4);

}  // namespace convene
