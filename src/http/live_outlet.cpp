#include "http/live_outlet.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace convene::http {

namespace {
std::chrono::steady_clock::rep ticks_now() {
    return std::chrono::steady_clock::now().time_since_epoch().count();
}
}  // namespace

LiveOutlet::LiveOutlet(int descriptor, Descriptor kind, std::size_t max_backlog, Hooks hooks)
    : descriptor_(descriptor),
      kind_(kind),
      max_backlog_(max_backlog),
      hooks_(std::move(hooks)),
      last_delivery_(ticks_now()) {}

LiveOutlet::~LiveOutlet() {
    shut();
}

LiveOutlet::Outcome LiveOutlet::write_waiting() {
    while (!waiting_.empty()) {
        const auto& front = *waiting_.front();
        auto rest = front.size() - offset_;
        auto sent = ::send(descriptor_, front.data() + offset_, rest, MSG_DONTWAIT | MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) return Outcome::blocked;
            return Outcome::failed;
        }
        if (static_cast<std::size_t>(sent) < rest) {
            offset_ += static_cast<std::size_t>(sent);
            return Outcome::blocked;
        }
        waiting_.pop_front();
        offset_ = 0;
    }
    return Outcome::written;
}

template <class Keep>
void LiveOutlet::offer(const std::string& bytes, bool message, Keep keep) {
    bool ask = false, fail = false;
    {
        std::lock_guard lock(mutex_);
        if (shut_) return;
        if (message) last_delivery_.store(ticks_now(), std::memory_order_relaxed);
        if (waiting_.size() >= max_backlog_) {
            fail = true;
        } else if (!waiting_.empty()) {
            // Something already waits: the connection is waiting for the socket.
            waiting_.push_back(keep());
        } else {
            std::size_t sent = 0;
            for (;;) {
                auto n = ::send(descriptor_, bytes.data() + sent, bytes.size() - sent,
                                MSG_DONTWAIT | MSG_NOSIGNAL);
                if (n < 0 && errno == EINTR) continue;
                if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) fail = true;
                if (n > 0) sent += static_cast<std::size_t>(n);
                break;
            }
            if (!fail && sent < bytes.size()) {
                waiting_.push_back(keep());
                offset_ = sent;
                ask = !wait_asked_;
                wait_asked_ = true;
            }
        }
    }
    if (fail)
        hooks_.failed();
    else if (ask)
        hooks_.wait_writable();
}

void LiveOutlet::deliver(const LiveBytes& bytes, bool message) {
    offer(*bytes, message, [&bytes] { return bytes; });
}

void LiveOutlet::deliver(const SharedMessage& message, const std::string& bytes) {
    offer(bytes, true, [&] { return LiveBytes(message, &bytes); });
}

void LiveOutlet::flush() {
    bool ask = false, fail = false;
    {
        std::lock_guard lock(mutex_);
        wait_asked_ = false;
        if (shut_) return;
        auto outcome = write_waiting();
        fail = outcome == Outcome::failed;
        ask = outcome == Outcome::blocked;
        wait_asked_ = ask;
    }
    if (fail)
        hooks_.failed();
    else if (ask)
        hooks_.wait_writable();
}

bool LiveOutlet::shut() {
    std::lock_guard lock(mutex_);
    if (!shut_ && kind_ == Descriptor::owned && descriptor_ >= 0) ::close(descriptor_);
    shut_ = true;
    bool half = !waiting_.empty();
    waiting_.clear();
    return half;
}

std::chrono::steady_clock::time_point LiveOutlet::last_delivery() const {
    return std::chrono::steady_clock::time_point(
        std::chrono::steady_clock::duration(last_delivery_.load(std::memory_order_relaxed)));
}

std::size_t LiveOutlet::waiting() const {
    std::lock_guard lock(mutex_);
    return waiting_.size();
}

}  // namespace convene::http
