#pragma once
// Topics that live pages follow ("editions", a room's speaking queue, a room's captions in
// one language). The application publishes after a write commits; the server pushes each
// message to the topic's WebSocket and Server-Sent-Events subscribers.
//
// A caption chunk may go to thousands of viewers: the message is built once (its WebSocket
// frame and its event-stream frame) and shared by every subscriber, publishing walks a
// snapshot of the topic's subscribers that is rebuilt only after someone joined or left, and
// a large topic's subscribers are shared out among the server's threads.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace convene::http {

struct LiveMessage {
    explicit LiveMessage(std::string text);
    std::string text;   // the message itself
    std::string frame;  // as a WebSocket text frame from the server (unmasked)
    std::string event;  // as a Server-Sent Event: "data: <text>\n\n"
};
using SharedMessage = std::shared_ptr<const LiveMessage>;

class LiveHub {
  public:
    using Subscriber = std::function<void(const SharedMessage& message)>;

    std::uint64_t subscribe(const std::string& topic, Subscriber subscriber);
    void unsubscribe(std::uint64_t id);
    // Calls every subscriber of the topic (outside the lock); each must only queue or
    // write without blocking.
    void publish(const std::string& topic, const std::string& message);
    std::size_t subscribers() const;

    // Lets publish() share a topic of many subscribers into `parts` jobs, each given to
    // `run` (the server posts them to its threads); without it publish() calls them all.
    using Runner = std::function<void(std::function<void()>)>;
    void spread(Runner run, unsigned parts);

    // How long the latest fan-outs took, from publish() to the last subscriber's delivery
    // (written to its socket, or queued when the socket was full): the 50th and 99th
    // percentiles and the largest, in seconds, over the last fanout_window publications.
    struct FanoutTimes {
        double p50 = 0, p99 = 0, max = 0;
        std::size_t count = 0;
    };
    FanoutTimes fanout_times() const;
    static constexpr std::size_t fanout_window = 1024;

  private:
    using Snapshot = std::shared_ptr<const std::vector<Subscriber>>;
    struct Topic {
        std::unordered_map<std::uint64_t, Subscriber> subscribers;
        Snapshot snapshot;  // null after a change, rebuilt by the next publish
    };
    void note_fanout(double seconds);

    mutable std::mutex mutex_;
    std::vector<double> fanouts_;  // a ring of fanout_window durations
    std::size_t fanouts_next_ = 0;
    Runner run_;
    unsigned parts_ = 1;
    std::uint64_t next_ = 1;
    std::unordered_map<std::string, Topic> topics_;
    std::unordered_map<std::uint64_t, std::string> topic_of_;
};

// "/live/editions" -> "editions"; empty when the path is not a live topic.
std::string live_topic(std::string_view path);

}  // namespace convene::http
