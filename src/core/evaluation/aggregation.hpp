#pragma once
// What the MAG's scores say about each proposal: count, mean, median, standard
// deviation (the "love or hate" signal), and a score normalised for evaluator
// severity: each evaluator's scores are standardised (minus their mean, over their
// standard deviation), the standardised scores of a proposal are averaged, and the
// average is mapped back onto the 1-5 scale with the mean and standard deviation of
// all scores, then kept within 1 and 5.
#include <optional>
#include <string>
#include <vector>

namespace convene {

struct Criterion {
    std::string code;  // "relevance"
    double weight = 1;
    std::vector<std::string> not_for_formats;  // e.g. diversity does not apply to "flash"
    std::string label;                         // "Relevance to Internet governance"
};

// One evaluator's holistic score, or their per-criterion scores combined by weight over
// the criteria that apply to the proposal's format. Scores are 1 to 5.
struct CriterionScore {
    std::string criterion;
    int score = 0;
};
// The weighted mean over the criteria that apply and were scored; nullopt when none.
std::optional<double> combined_score(const std::vector<Criterion>& criteria,
                                     const std::vector<CriterionScore>& scores,
                                     const std::string& format);

struct Score {
    std::string evaluator, proposal;
    double score = 0;  // 1 to 5
};

struct Aggregate {
    std::string proposal;
    int count = 0;
    double mean = 0, median = 0, standard_deviation = 0, normalised = 0;
};

// One aggregate per proposal that has scores, in the order proposals first appear.
std::vector<Aggregate> aggregate_scores(const std::vector<Score>& scores);

// A standard deviation this large means the MAG loves or hates the proposal: the
// synthesis marks it "divided", and the Secretariat's lists filter on the same mark.
inline constexpr double divided_at = 1.0;
inline bool is_divided(double standard_deviation) {
    return standard_deviation >= divided_at;
}

enum class RankBy { mean, median, normalised, standard_deviation };
// Highest first (for the standard deviation too: the most divided first); ties by
// proposal id so the order never depends on chance.
void rank(std::vector<Aggregate>& aggregates, RankBy by);

}  // namespace convene
