#pragma once
// Topics that live pages follow ("editions", later a room's speaking queue or a
// session's captions). The application publishes after a write commits; the server
// pushes each message to the topic's WebSocket and Server-Sent-Events subscribers.
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>

namespace convene::http {

class LiveHub {
  public:
    using Subscriber = std::function<void(const std::string& message)>;

    std::uint64_t subscribe(const std::string& topic, Subscriber subscriber);
    void unsubscribe(std::uint64_t id);
    // Calls every subscriber of the topic (outside the lock); each must only queue.
    void publish(const std::string& topic, const std::string& message);
    std::size_t subscribers() const;

  private:
    mutable std::mutex mutex_;
    std::uint64_t next_ = 1;
    std::map<std::uint64_t, std::pair<std::string, Subscriber>> subscribers_;
};

// "/live/editions" -> "editions"; empty when the path is not a live topic.
std::string live_topic(std::string_view path);

}  // namespace convene::http
