#include "mail/sender.hpp"

#include <spdlog/spdlog.h>

#include "core/common/clock.hpp"
#include "store/common/outbox.hpp"

namespace convene::mail {

Sender::Sender(db::Database& database, SenderSettings settings)
    : database_(database), settings_(std::move(settings)) {}

Sender::~Sender() {
    stop();
}

void Sender::start() {
    if (settings_.smtp.url.empty() || thread_.joinable()) return;
    thread_ = std::thread([this] { run(); });
}

void Sender::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void Sender::run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        try {
            send_due();
        } catch (const std::exception& e) {
            spdlog::warn("outbox: {}", e.what());
        }
        lock.lock();
        wake_.wait_for(lock, settings_.poll, [this] { return stopping_; });
    }
}

int Sender::send_due() {
    const auto now = settings_.clock();
    std::vector<store::OutboxMessage> due;
    {
        auto c = database_.acquire();
        db::Transaction tx(*c);
        // A claim outlives the sending time, so two nodes never send the same message.
        due = store::claim_due_mail(*c, format_utc(now), format_utc(now + std::chrono::minutes(5)),
                                    20);
        tx.commit();
    }
    for (const auto& m : due) {
        Message message{settings_.smtp.from,
                        m.recipient,
                        m.subject,
                        m.body,
                        "outbox-" + to_string(m.id) + "@convene",
                        settings_.clock()};
        std::string error;
        try {
            send(settings_.smtp, message);
        } catch (const std::exception& e) {
            error = e.what();
        }
        auto c = database_.acquire();
        db::Transaction tx(*c);
        if (error.empty()) {
            store::mark_mail_sent(*c, m.id, format_utc(settings_.clock()));
            spdlog::info("outbox: sent message {} ({}) to {}", m.id.value(), m.kind, m.recipient);
        } else {
            auto attempt = m.attempts + 1;
            auto wait = settings_.retry_base * (1LL << std::min<std::int64_t>(attempt - 1, 16));
            if (wait > std::chrono::hours(1)) wait = std::chrono::hours(1);
            bool give_up = attempt >= settings_.max_attempts;
            store::mark_mail_attempt_failed(*c, m.id, error, format_utc(settings_.clock() + wait),
                                            give_up);
            spdlog::warn("outbox: message {} to {} failed (attempt {}): {}", m.id.value(),
                         m.recipient, attempt, error);
        }
        tx.commit();
    }
    return static_cast<int>(due.size());
}

}  // namespace convene::mail
