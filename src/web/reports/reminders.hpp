#pragma once
// The reminder run for session reports: for each published session whose short or full
// report is not filed, the reminders due now (core/reports/reminders.hpp) go to its
// rapporteurs and organisers through the outbox, each claimed first under its unique key
// in the same transaction, so nothing is sent twice. The server runs it periodically on
// its own clock (which the test clock moves); the compliance page's button, POST
// /api/v1/editions/{id}/reports/reminders and `convene remind reports` run it on demand.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "database/database.hpp"
#include "store/editions/editions.hpp"

namespace convene::web {

class App;

struct ReminderRun {
    int sessions = 0;  // sessions with a reminder due
    int queued = 0;    // messages queued now
};

// In the caller's transaction.
ReminderRun send_report_reminders(db::Connection& c, const store::Edition& e,
                                  const std::string& now, const std::string& base_url);

// Every edition with a published programme, one transaction each.
ReminderRun send_all_report_reminders(db::Database& database, const std::string& now,
                                      const std::string& base_url);

// The server's periodic run: every `period` of wall time, on the app's clock.
class ReportReminderLoop {
  public:
    ReportReminderLoop(App& app, std::chrono::seconds period);
    ~ReportReminderLoop();
    void start();
    void stop();

  private:
    void run();
    App& app_;
    std::chrono::seconds period_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
};

}  // namespace convene::web
