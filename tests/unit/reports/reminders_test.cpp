// Which reminders about a session's reports are due at a time: before each deadline from
// its lead, after it for a week, none for a part filed; walking the clock sends each
// reminder exactly once. And the statistics: filing rate, delay, the card.
#include "core/reports/reminders.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/common/clock.hpp"
#include "core/reports/statistics.hpp"

using namespace convene;
using namespace convene::reports;

namespace {

const std::string end = "2030-06-02T11:00:00Z";  // short due 23:00, full due 16 June 11:00

std::vector<std::string> stages(const std::vector<DueReminder>& due) {
    std::vector<std::string> out;
    for (const auto& d : due) out.push_back(d.part + ":" + d.stage);
    return out;
}

}  // namespace

TEST(ReportReminders, DueBeforeAndAfterEachDeadline) {
    auto s = default_settings();  // short 12 h, full 14 days; reminders 2 h, 3 days before
    ReminderSession session{end, false, false};
    EXPECT_TRUE(due_reminders(session, s, "2030-06-02T10:00:00Z").empty()) << "during the session";
    EXPECT_TRUE(due_reminders(session, s, "2030-06-02T20:59:59Z").empty());
    EXPECT_EQ(stages(due_reminders(session, s, "2030-06-02T21:00:00Z")),
              std::vector<std::string>{"short:soon"});
    auto late = due_reminders(session, s, "2030-06-02T23:00:00Z");
    ASSERT_EQ(late.size(), 1u);
    EXPECT_EQ(late[0], (DueReminder{"short", "late", "2030-06-02T23:00:00Z"}));
    EXPECT_EQ(stages(due_reminders(session, s, "2030-06-05T11:00:00Z")),
              std::vector<std::string>{"short:late"});
    EXPECT_TRUE(due_reminders(session, s, "2030-06-10T11:00:00Z").empty())
        << "a week after the short report's deadline, before the full report's lead";
    EXPECT_EQ(stages(due_reminders(session, s, "2030-06-13T11:00:00Z")),
              std::vector<std::string>{"full:soon"});
    EXPECT_EQ(stages(due_reminders(session, s, "2030-06-16T11:00:00Z")),
              std::vector<std::string>{"full:late"});
    EXPECT_TRUE(due_reminders(session, s, "2030-06-23T11:00:00Z").empty())
        << "a week after the deadline nobody is reminded";
}

TEST(ReportReminders, NoneForAFiledPartNoLeadOrNoEnd) {
    auto s = default_settings();
    EXPECT_EQ(stages(due_reminders({end, true, false}, s, "2030-06-16T12:00:00Z")),
              std::vector<std::string>{"full:late"});
    EXPECT_TRUE(due_reminders({end, true, true}, s, "2030-06-16T12:00:00Z").empty());
    s.short_reminder_hours = 0;
    EXPECT_TRUE(due_reminders({end, false, false}, s, "2030-06-02T22:00:00Z").empty());
    EXPECT_TRUE(due_reminders({"", false, false}, s, "2030-06-16T12:00:00Z").empty());
    // A lead longer than the deadline's distance starts at the session's end, not before.
    s = default_settings();
    s.short_hours = 1;
    EXPECT_TRUE(due_reminders({end, false, false}, s, "2030-06-02T10:30:00Z").empty());
    EXPECT_EQ(stages(due_reminders({end, false, false}, s, "2030-06-02T11:00:00Z")),
              std::vector<std::string>{"short:soon"});
}

TEST(ReportReminders, WalkingTheClockSendsEachReminderOnce) {
    auto s = default_settings();
    std::set<std::string> sent;
    int sends = 0;
    auto t = *parse_utc("2030-06-02T09:00:00Z");
    for (int i = 0; i < 30 * 24 * 4; ++i, t += std::chrono::minutes(15)) {
        for (const auto& r : due_reminders({end, false, false}, s, format_utc(t))) {
            // The store's unique key: a second claim of the same key does nothing.
            if (sent.insert(reminder_key(7, r, "Rita@Example.org")).second) ++sends;
        }
    }
    EXPECT_EQ(sends, 4);
    EXPECT_EQ(sent, (std::set<std::string>{"report_reminder:7:short:soon:rita@example.org",
                                           "report_reminder:7:short:late:rita@example.org",
                                           "report_reminder:7:full:soon:rita@example.org",
                                           "report_reminder:7:full:late:rita@example.org"}));
}

TEST(ReportStatistics, FilingRateAndDelay) {
    std::vector<FiledPart> parts{
        {end, "2030-06-02T23:00:00Z", "2030-06-02T13:00:00Z", false},  // 2 h
        {end, "2030-06-02T23:00:00Z", "2030-06-02T15:00:00Z", false},  // 4 h
        {end, "2030-06-02T23:00:00Z", "2030-06-03T11:00:00Z", true},   // 24 h, late
        {end, "2030-06-02T23:00:00Z", std::nullopt, false},            // missing
        {end, "2030-06-02T23:00:00Z", "2030-06-02T10:00:00Z", false},  // before the end: 0 h
        {"2030-06-09T11:00:00Z", "2030-06-09T23:00:00Z", std::nullopt, false},  // still due
    };
    auto f = filing_figures(parts, "2030-06-05T00:00:00Z");
    EXPECT_EQ(f.on_time, 3);
    EXPECT_EQ(f.late, 1);
    EXPECT_EQ(f.missing, 1);
    EXPECT_EQ(f.due, 1);
    EXPECT_EQ(f.on_time_percent(), 60);
    EXPECT_EQ(f.timed, 4);
    EXPECT_DOUBLE_EQ(*f.median_hours, 3.0);
    EXPECT_DOUBLE_EQ(*f.p90_hours, 24.0);
    EXPECT_FALSE(filing_figures({}, "2030-06-05T00:00:00Z").median_hours);
    EXPECT_EQ(filing_figures({}, "2030-06-05T00:00:00Z").on_time_percent(), -1);
    EXPECT_DOUBLE_EQ(*percentile90({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), 9.0);
    EXPECT_DOUBLE_EQ(*median({5}), 5.0);
}

TEST(ReportStatistics, TheCardCountsEveryAnswerAndTheBlankOnes) {
    CardFigures c;
    c.add("about_half", "mentioned", false);
    c.add("about_half", "main_topic", true);
    c.add("", "nonsense", false);
    EXPECT_EQ(c.reports, 3);
    EXPECT_EQ(c.filed, 2);
    EXPECT_EQ(c.imported, 1);
    EXPECT_EQ(c.women_present["about_half"], 2);
    EXPECT_EQ(c.women_present["not_given"], 1);
    EXPECT_EQ(c.gender_discussed["not_given"], 1);
    CardFigures all;
    all.add(c);
    all.add(c);
    EXPECT_EQ(all.women_present["about_half"], 4);
    EXPECT_EQ(all.reports, 6);
}
