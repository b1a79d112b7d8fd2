#include "web/reports/reminders.hpp"

#include <spdlog/spdlog.h>

#include "core/common/clock.hpp"
#include "core/common/times.hpp"
#include "core/reports/reminders.hpp"
#include "store/common/outbox.hpp"
#include "store/reports/reminders.hpp"
#include "store/reports/reports.hpp"
#include "web/site/app.hpp"
#include "web/site/mail.hpp"
#include "web/site/views.hpp"

namespace convene::web {

ReminderRun send_report_reminders(db::Connection& c, const store::Edition& e,
                                  const std::string& now, const std::string& base_url) {
    ReminderRun run;
    auto settings = store::report_settings(c, e.id);
    std::map<SessionId, std::vector<reports::DueReminder>> due;
    auto sessions = store::reported_sessions(c, e.id);
    for (const auto& s : sessions) {
        auto d = reports::due_reminders(
            {s.end_utc, s.short_filed_at.has_value(), s.full_filed_at.has_value()}, settings, now);
        if (!d.empty()) due[s.id] = std::move(d);
    }
    if (due.empty()) return run;
    auto addressees = store::report_addressees(c, e.id);
    auto sent = store::sent_reminder_keys(c, e.id);
    for (const auto& s : sessions) {
        auto d = due.find(s.id);
        if (d == due.end()) continue;
        auto people = addressees.find(s.id);
        if (people == addressees.end()) continue;
        bool any = false;
        for (const auto& r : d->second) {
            for (const auto& who : people->second) {
                auto key = reports::reminder_key(s.id.value(), r, who.email);
                if (sent.count(key)) continue;
                // Claimed first: another node that claimed it queues it, this one does not.
                if (!store::claim_reminder(c, e.id, s.id, r, who.email, now)) continue;
                auto deadline = stored_time(r.due, e.time_zone);
                auto mail = mail_from_template(
                    "report_reminder_" + r.stage,
                    {{"name", who.name},
                     {"edition", e.name},
                     {"code", s.code},
                     {"title", s.title},
                     {"short", r.part == "short"},
                     {"full", r.part == "full"},
                     {"deadline", deadline.text},
                     {"link",
                      base_url + edition_url(e, "/programme/" + s.code + "/report/" + r.part)}});
                mail.dedupe_key = key;
                mail.recipient = who.email;
                run.queued += store::enqueue_mail(c, mail, now);
                any = true;
            }
        }
        run.sessions += any;
    }
    return run;
}

ReminderRun send_all_report_reminders(db::Database& database, const std::string& now,
                                      const std::string& base_url) {
    ReminderRun all;
    std::vector<EditionId> editions;
    {
        auto c = database.acquire();
        editions = store::editions_with_published_sessions(*c);
    }
    for (auto id : editions) {
        auto c = database.acquire();
        db::Transaction tx(*c);
        auto e = store::find_edition(*c, id);
        if (!e) continue;
        auto run = send_report_reminders(*c, *e, now, base_url);
        tx.commit();
        all.sessions += run.sessions;
        all.queued += run.queued;
    }
    return all;
}

ReportReminderLoop::ReportReminderLoop(App& app, std::chrono::seconds period)
    : app_(app), period_(period) {}

ReportReminderLoop::~ReportReminderLoop() {
    stop();
}

void ReportReminderLoop::start() {
    if (period_.count() <= 0 || thread_.joinable()) return;
    thread_ = std::thread([this] { run(); });
}

void ReportReminderLoop::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void ReportReminderLoop::run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        try {
            auto run = send_all_report_reminders(app_.database(), format_utc(app_.now()),
                                                 app_.config().base_url);
            if (run.queued)
                spdlog::info("report reminders: {} queued for {} sessions", run.queued,
                             run.sessions);
        } catch (const std::exception& e) {
            spdlog::warn("report reminders: {}", e.what());
        }
        lock.lock();
        wake_.wait_for(lock, period_, [this] { return stopping_; });
    }
}

}  // namespace convene::web
