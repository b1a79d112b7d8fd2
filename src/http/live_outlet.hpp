#pragma once
// What a live connection (WebSocket or event stream) writes, straight to its socket.
//
// A caption chunk goes to thousands of viewers. Handing each viewer's copy to the
// connection's strand and to an asynchronous write cost more than the write itself, so the
// thread that publishes writes the prepared bytes (one shared buffer for every viewer) to
// each socket without blocking. Only what the socket does not take at once waits here, in
// order, written when the socket is writable again; a viewer that lets max_backlog
// messages wait is given up as too slow, without slowing anyone else.
//
// The connection keeps the socket open until shut() has returned: after that, no write
// reaches the descriptor (whose number the system may give to another connection). When
// something else may close the socket (Beast does, after a WebSocket's closing handshake),
// the outlet is given a descriptor of its own (dup), which it closes when shut.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "http/live.hpp"

namespace convene::http {

using LiveBytes = std::shared_ptr<const std::string>;

class LiveOutlet {
  public:
    struct Hooks {
        // Asks the connection to wait until its socket is writable, then call flush().
        std::function<void()> wait_writable;
        // The socket failed or the viewer fell max_backlog messages behind: close it.
        std::function<void()> failed;
    };

    enum class Descriptor { borrowed, owned };
    LiveOutlet(int descriptor, Descriptor kind, std::size_t max_backlog, Hooks hooks);
    ~LiveOutlet();
    LiveOutlet(const LiveOutlet&) = delete;
    LiveOutlet& operator=(const LiveOutlet&) = delete;

    // From any thread; `message` false for what is no message (a header, a keep-alive),
    // which does not count as the last delivery.
    void deliver(const LiveBytes& bytes, bool message = true);
    // A message's bytes (its frame or its event), kept (sharing the message) only when the
    // socket does not take them at once: the usual delivery costs one send() and no copy.
    void deliver(const SharedMessage& message, const std::string& bytes);
    // Once the socket is writable: writes what waits, asks to wait again while some does.
    void flush();
    // No write after this returns; true when something was still waiting (a frame may be
    // half written: the connection should not write a closing frame after it).
    bool shut();

    // When the last message was delivered (or the outlet was made).
    std::chrono::steady_clock::time_point last_delivery() const;
    std::size_t waiting() const;

  private:
    enum class Outcome { written, blocked, failed };
    Outcome write_waiting();  // with mutex_ held
    template <class Keep>
    void offer(const std::string& bytes, bool message, Keep keep);

    mutable std::mutex mutex_;
    int descriptor_;
    Descriptor kind_;
    std::size_t max_backlog_;
    Hooks hooks_;
    std::deque<LiveBytes> waiting_;
    std::size_t offset_ = 0;  // bytes of waiting_.front() already written
    bool wait_asked_ = false, shut_ = false;
    std::atomic<std::chrono::steady_clock::rep> last_delivery_;
};

}  // namespace convene::http
