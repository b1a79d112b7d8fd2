#include "http/live.hpp"

#include <algorithm>

namespace convene::http {

LiveMessage::LiveMessage(std::string t) : text(std::move(t)) {
    event.reserve(text.size() + 8);
    event.append("data: ").append(text).append("\n\n");
    // RFC 6455 section 5.2: FIN and the text opcode, then the length in 7, 16 or 64 bits.
    auto size = text.size();
    frame.reserve(size + 10);
    frame.push_back(static_cast<char>(0x81));
    if (size < 126) {
        frame.push_back(static_cast<char>(size));
    } else if (size < 65536) {
        frame.push_back(static_cast<char>(126));
        for (int shift = 8; shift >= 0; shift -= 8)
            frame.push_back(static_cast<char>((size >> shift) & 0xff));
    } else {
        frame.push_back(static_cast<char>(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.push_back(static_cast<char>((static_cast<std::uint64_t>(size) >> shift) & 0xff));
    }
    frame.append(text);
}

void LiveHub::spread(Runner run, unsigned parts) {
    std::lock_guard lock(mutex_);
    run_ = std::move(run);
    parts_ = std::max(1u, parts);
}

std::uint64_t LiveHub::subscribe(const std::string& topic, Subscriber subscriber) {
    std::lock_guard lock(mutex_);
    auto id = next_++;
    auto& entry = topics_[topic];
    entry.subscribers.emplace(id, std::move(subscriber));
    entry.snapshot.reset();
    topic_of_.emplace(id, topic);
    return id;
}

void LiveHub::unsubscribe(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    auto found = topic_of_.find(id);
    if (found == topic_of_.end()) return;
    auto topic = topics_.find(found->second);
    topic_of_.erase(found);
    if (topic == topics_.end()) return;
    topic->second.subscribers.erase(id);
    topic->second.snapshot.reset();
    if (topic->second.subscribers.empty()) topics_.erase(topic);
}

void LiveHub::publish(const std::string& topic, const std::string& message) {
    Snapshot targets;
    Runner run;
    unsigned parts = 1;
    {
        std::lock_guard lock(mutex_);
        auto found = topics_.find(topic);
        if (found == topics_.end()) return;
        auto& entry = found->second;
        if (!entry.snapshot) {
            auto all = std::make_shared<std::vector<Subscriber>>();
            all->reserve(entry.subscribers.size());
            for (const auto& [id, subscriber] : entry.subscribers) all->push_back(subscriber);
            entry.snapshot = std::move(all);
        }
        targets = entry.snapshot;
        // A few hundred deliveries take less than handing them to another thread.
        constexpr std::size_t worth_spreading = 512;
        if (run_ && targets->size() >= worth_spreading) {
            run = run_;
            parts = parts_;
        }
    }
    auto started = std::chrono::steady_clock::now();
    auto shared = std::make_shared<const LiveMessage>(message);
    auto took = [started] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };
    if (parts <= 1) {
        for (const auto& deliver : *targets) deliver(shared);
        note_fanout(took());
        return;
    }
    auto size = targets->size();
    auto left = std::make_shared<std::atomic<unsigned>>(parts);
    for (unsigned part = 0; part < parts; ++part) {
        auto from = size * part / parts, to = size * (part + 1) / parts;
        run([this, targets, shared, from, to, left, took] {
            for (auto i = from; i < to; ++i) (*targets)[i](shared);
            if (left->fetch_sub(1) == 1) note_fanout(took());
        });
    }
}

void LiveHub::note_fanout(double seconds) {
    std::lock_guard lock(mutex_);
    if (fanouts_.size() < fanout_window) {
        fanouts_.push_back(seconds);
    } else {
        fanouts_[fanouts_next_] = seconds;
        fanouts_next_ = (fanouts_next_ + 1) % fanout_window;
    }
}

LiveHub::FanoutTimes LiveHub::fanout_times() const {
    std::vector<double> times;
    {
        std::lock_guard lock(mutex_);
        times = fanouts_;
    }
    FanoutTimes out;
    out.count = times.size();
    if (times.empty()) return out;
    std::sort(times.begin(), times.end());
    auto at = [&times](double q) {
        return times[std::min(times.size() - 1,
                              static_cast<std::size_t>(q * static_cast<double>(times.size())))];
    };
    out.p50 = at(0.5);
    out.p99 = at(0.99);
    out.max = times.back();
    return out;
}

std::size_t LiveHub::subscribers() const {
    std::lock_guard lock(mutex_);
    return topic_of_.size();
}

std::string live_topic(std::string_view path) {
    const std::string_view prefix = "/live/";
    if (path.substr(0, prefix.size()) != prefix) return {};
    auto topic = path.substr(prefix.size());
    if (topic.empty() || topic.size() > 100) return {};
    for (char c : topic)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
              c == ':'))
            return {};
    return std::string(topic);
}

}  // namespace convene::http
