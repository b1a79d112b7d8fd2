#include "core/evaluation/aggregation.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace convene {

std::optional<double> combined_score(const std::vector<Criterion>& criteria,
                                     const std::vector<CriterionScore>& scores,
                                     const std::string& format) {
    double total = 0, weights = 0;
    for (const auto& c : criteria) {
        if (std::find(c.not_for_formats.begin(), c.not_for_formats.end(), format) !=
            c.not_for_formats.end())
            continue;
        for (const auto& s : scores)
            if (s.criterion == c.code) {
                total += c.weight * s.score;
                weights += c.weight;
            }
    }
    if (weights <= 0) return std::nullopt;
    return total / weights;
}

namespace {

// Population standard deviation: the scores are all there is, not a sample.
std::pair<double, double> mean_and_deviation(const std::vector<double>& values) {
    if (values.empty()) return {0, 0};
    double mean = 0;
    for (double v : values) mean += v;
    mean /= static_cast<double>(values.size());
    double squares = 0;
    for (double v : values) squares += (v - mean) * (v - mean);
    return {mean, std::sqrt(squares / static_cast<double>(values.size()))};
}

double median_of(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    auto n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace

std::vector<Aggregate> aggregate_scores(const std::vector<Score>& scores) {
    std::map<std::string, std::vector<double>> by_evaluator;
    std::vector<double> all;
    for (const auto& s : scores) {
        by_evaluator[s.evaluator].push_back(s.score);
        all.push_back(s.score);
    }
    std::map<std::string, std::pair<double, double>> severity;
    for (const auto& [e, values] : by_evaluator) severity[e] = mean_and_deviation(values);
    auto [overall_mean, overall_deviation] = mean_and_deviation(all);

    std::vector<std::string> order;
    std::map<std::string, std::vector<double>> raw, standardised;
    for (const auto& s : scores) {
        if (!raw.count(s.proposal)) order.push_back(s.proposal);
        raw[s.proposal].push_back(s.score);
        auto [m, d] = severity[s.evaluator];
        // An evaluator who gave one score, or the same score every time, says nothing
        // about their severity: their score counts as their own mean.
        standardised[s.proposal].push_back(d > 0 ? (s.score - m) / d : 0.0);
    }
    std::vector<Aggregate> out;
    for (const auto& proposal : order) {
        Aggregate a;
        a.proposal = proposal;
        a.count = static_cast<int>(raw[proposal].size());
        std::tie(a.mean, a.standard_deviation) = mean_and_deviation(raw[proposal]);
        a.median = median_of(raw[proposal]);
        double z = mean_and_deviation(standardised[proposal]).first;
        a.normalised = std::clamp(overall_mean + overall_deviation * z, 1.0, 5.0);
        out.push_back(a);
    }
    return out;
}

void rank(std::vector<Aggregate>& aggregates, RankBy by) {
    auto key = [by](const Aggregate& a) {
        switch (by) {
            case RankBy::mean:
                return a.mean;
            case RankBy::median:
                return a.median;
            case RankBy::normalised:
                return a.normalised;
            case RankBy::standard_deviation:
                return a.standard_deviation;
        }
        return a.mean;
    };
    std::stable_sort(aggregates.begin(), aggregates.end(),
                     [&](const Aggregate& a, const Aggregate& b) {
                         if (key(a) != key(b)) return key(a) > key(b);
                         return a.proposal < b.proposal;
                     });
}

}  // namespace convene
