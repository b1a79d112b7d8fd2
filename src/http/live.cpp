#include "http/live.hpp"

#include <vector>

namespace convene::http {

std::uint64_t LiveHub::subscribe(const std::string& topic, Subscriber subscriber) {
    std::lock_guard lock(mutex_);
    auto id = next_++;
    subscribers_.emplace(id, std::make_pair(topic, std::move(subscriber)));
    return id;
}

void LiveHub::unsubscribe(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    subscribers_.erase(id);
}

void LiveHub::publish(const std::string& topic, const std::string& message) {
    std::vector<Subscriber> targets;
    {
        std::lock_guard lock(mutex_);
        for (const auto& [id, entry] : subscribers_)
            if (entry.first == topic) targets.push_back(entry.second);
    }
    for (const auto& deliver : targets) deliver(message);
}

std::size_t LiveHub::subscribers() const {
    std::lock_guard lock(mutex_);
    return subscribers_.size();
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
