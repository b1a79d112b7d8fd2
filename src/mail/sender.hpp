#pragma once
// The outbox sender: a thread that sends due messages from the outbox and retries
// failures with exponential backoff (base, 2 x base, 4 x base, ... at most an hour),
// giving up after `max_attempts` (the admin can put a message back in the queue).
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "core/common/clock.hpp"
#include "database/database.hpp"
#include "mail/smtp.hpp"

namespace convene::mail {

struct SenderSettings {
    SmtpSettings smtp;
    std::chrono::seconds retry_base{30};
    int max_attempts = 12;
    std::chrono::milliseconds poll{1000};
    // The server's clock (the web layer's, which tests may move); the system's by default.
    std::function<Clock::time_point()> clock = [] { return Clock::now(); };
};

class Sender {
  public:
    Sender(db::Database& database, SenderSettings settings);
    ~Sender();
    void start();
    void stop();
    // Sends what is due now; returns how many messages it tried.
    int send_due();

  private:
    void run();
    db::Database& database_;
    SenderSettings settings_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
};

}  // namespace convene::mail
