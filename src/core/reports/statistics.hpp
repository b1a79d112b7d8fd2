#pragma once
// The reports' figures per edition and across editions: how the gender report card was
// answered (women present, gender equality discussed), how many reports came on time,
// late or not at all, and how long after the session's end they came (median and 90th
// percentile, in hours). Pure: callers pass the sessions and "now".
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace convene::reports {

// One part (short or full) of one session's report.
struct FiledPart {
    std::string end_utc;  // the session's end; "" when unknown
    std::string due;      // the part's deadline; "" when unknown
    std::optional<std::string> filed_at;
    bool late = false;  // as recorded when filed
};

struct FilingFigures {
    int on_time = 0, late = 0, missing = 0, due = 0;
    int timed = 0;  // filed reports whose delay is known
    std::optional<double> median_hours, p90_hours;
    int total() const { return on_time + late + missing + due; }
    // Percent of the reports whose deadline passed (on time + late + missing); -1 when none.
    int on_time_percent() const;
    int late_percent() const;
    int missing_percent() const;
};
FilingFigures filing_figures(const std::vector<FiledPart>& parts, const std::string& now);

// The median (the mean of the two middle values of an even count) and the nearest-rank
// 90th percentile of values; nullopt when there are none.
std::optional<double> median(std::vector<double> values);
std::optional<double> percentile90(std::vector<double> values);

// How the gender report card was answered: a count per code of women_present_codes() and
// gender_discussed_codes(), and "not_given" for a card left blank or unreadable.
struct CardFigures {
    std::map<std::string, int> women_present, gender_discussed;
    int reports = 0, filed = 0, imported = 0;
    void add(const std::string& women_present, const std::string& gender_discussed, bool imported);
    void add(const CardFigures& other);
};

}  // namespace convene::reports
