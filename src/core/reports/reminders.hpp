#pragma once
// Which reminders about a session's reports are due at a moment: for each part (the short
// and the full report) not filed yet, one "soon" reminder from some hours (the short
// report) or days (the full report) before its deadline until the deadline, and one "late"
// reminder once the deadline passed (for a week: an edition long past is not reminded).
// Each reminder goes once to each addressee: the store records it under a unique key
// (session, part, stage, address), so a run repeated, or run by two nodes at once, sends
// nothing twice. Pure: times are UTC text.
#include <optional>
#include <string>
#include <vector>

#include "core/reports/report.hpp"

namespace convene::reports {

// A late reminder is sent only this long after the deadline.
inline constexpr int late_reminder_days = 7;

struct DueReminder {
    std::string part;   // "short", "full"
    std::string stage;  // "soon", "late"
    std::string due;    // the part's deadline (UTC)
    bool operator==(const DueReminder&) const = default;
};

// Where a session's reports stand, as the reminder run reads it.
struct ReminderSession {
    std::string end_utc;  // "" when the session has no end in the published timetable
    bool short_filed = false, full_filed = false;
};

// The reminders due at `now`, at most one per part: "soon" from max(deadline - lead, the
// session's end) until the deadline, "late" from the deadline for late_reminder_days. A
// lead of 0 sends no "soon" reminder.
std::vector<DueReminder> due_reminders(const ReminderSession& s, const ReportSettings& settings,
                                       const std::string& now);

// The key that makes a reminder unique: "report_reminder:<session>:<part>:<stage>:<address>"
// (the address in lower case).
std::string reminder_key(std::int64_t session, const DueReminder& r, const std::string& email);

}  // namespace convene::reports
