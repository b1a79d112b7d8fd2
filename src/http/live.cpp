#include "http/live.hpp"

namespace convene::http {

LiveMessage::LiveMessage(std::string t) : text(std::move(t)) {
    event.reserve(text.size() + 8);
    event.append("data: ").append(text).append("\n\n");
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
    }
    auto shared = std::make_shared<const LiveMessage>(message);
    for (const auto& deliver : *targets) deliver(shared);
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
