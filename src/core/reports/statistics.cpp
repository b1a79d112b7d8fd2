#include "core/reports/statistics.hpp"

#include <algorithm>
#include <cmath>

#include "core/common/clock.hpp"
#include "core/reports/report.hpp"

namespace convene::reports {

namespace {

int percent_of(int count, int total) {
    if (total <= 0) return -1;
    return static_cast<int>(std::lround(100.0 * count / total));
}

std::string known(const std::string& code, const std::vector<std::string>& codes) {
    return std::find(codes.begin(), codes.end(), code) == codes.end() ? "not_given" : code;
}

}  // namespace

int FilingFigures::on_time_percent() const {
    return percent_of(on_time, on_time + late + missing);
}
int FilingFigures::late_percent() const {
    return percent_of(late, on_time + late + missing);
}
int FilingFigures::missing_percent() const {
    return percent_of(missing, on_time + late + missing);
}

std::optional<double> median(std::vector<double> values) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    auto n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

std::optional<double> percentile90(std::vector<double> values) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    auto rank = static_cast<std::size_t>(std::ceil(0.9 * static_cast<double>(values.size())));
    return values[std::max<std::size_t>(rank, 1) - 1];
}

FilingFigures filing_figures(const std::vector<FiledPart>& parts, const std::string& now) {
    FilingFigures f;
    std::vector<double> delays;
    for (const auto& p : parts) {
        auto status = filing_status(p.filed_at, p.late, p.due, now);
        if (status == "filed")
            ++f.on_time;
        else if (status == "late")
            ++f.late;
        else if (status == "missing")
            ++f.missing;
        else
            ++f.due;
        if (!p.filed_at) continue;
        auto end = parse_utc(p.end_utc);
        auto filed = parse_utc(*p.filed_at);
        if (!end || !filed) continue;
        auto seconds = std::chrono::duration_cast<std::chrono::seconds>(*filed - *end).count();
        // A report filed before the session ended came 0 hours after it.
        delays.push_back(std::max<double>(0, static_cast<double>(seconds) / 3600.0));
    }
    f.timed = static_cast<int>(delays.size());
    f.median_hours = median(delays);
    f.p90_hours = percentile90(delays);
    return f;
}

void CardFigures::add(const std::string& women, const std::string& discussed, bool from_import) {
    ++reports;
    ++(from_import ? imported : filed);
    ++women_present[known(women, women_present_codes())];
    ++gender_discussed[known(discussed, gender_discussed_codes())];
}

void CardFigures::add(const CardFigures& other) {
    reports += other.reports;
    filed += other.filed;
    imported += other.imported;
    for (const auto& [k, n] : other.women_present) women_present[k] += n;
    for (const auto& [k, n] : other.gender_discussed) gender_discussed[k] += n;
}

}  // namespace convene::reports
