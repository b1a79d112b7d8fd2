#include "core/reports/reminders.hpp"

#include "core/common/clock.hpp"
#include "core/common/text.hpp"

namespace convene::reports {

std::vector<DueReminder> due_reminders(const ReminderSession& s, const ReportSettings& settings,
                                       const std::string& now) {
    std::vector<DueReminder> out;
    auto end = parse_utc(s.end_utc);
    auto at = parse_utc(now);
    if (!end || !at) return out;
    auto due = deadlines(s.end_utc, settings);
    struct Part {
        const char* name;
        bool filed;
        std::string due;
        std::chrono::hours lead;
    };
    for (const auto& p : {Part{"short", s.short_filed, due.short_due,
                               std::chrono::hours(settings.short_reminder_hours)},
                          Part{"full", s.full_filed, due.full_due,
                               std::chrono::hours(24 * settings.full_reminder_days)}}) {
        if (p.filed) continue;
        auto deadline = parse_utc(p.due);
        if (!deadline) continue;
        if (*at >= *deadline) {
            if (*at < *deadline + std::chrono::hours(24 * late_reminder_days))
                out.push_back({p.name, "late", p.due});
            continue;
        }
        if (p.lead.count() <= 0) continue;
        auto from = std::max(*deadline - p.lead, *end);
        if (*at >= from) out.push_back({p.name, "soon", p.due});
    }
    return out;
}

std::string reminder_key(std::int64_t session, const DueReminder& r, const std::string& email) {
    return "report_reminder:" + std::to_string(session) + ":" + r.part + ":" + r.stage + ":" +
           ascii_lower(email);
}

}  // namespace convene::reports
