#pragma once
// Nodes sharing one PostgreSQL tell each other what changed through PostgreSQL's own
// LISTEN/NOTIFY: no other server to run. A notice sent inside a transaction reaches every
// listener when, and only if, the transaction commits, so no node hears of a write that
// did not happen. (SQLite serves one process: nothing to tell.)
#include <functional>
#include <memory>
#include <string>

#include "database/database.hpp"

namespace convene::db {

// PostgreSQL refuses a payload of 8000 bytes or more.
inline constexpr std::size_t max_notice_bytes = 7900;

// Sends `payload` on `channel` within the connection's transaction (PostgreSQL only).
void send_notice(Connection& c, const std::string& channel, const std::string& payload);

// Follows one channel on a connection and a thread of its own. After the server went away
// (a restart, a network cut) it connects again, a little later each time up to a second,
// and calls `listening` each time it listens anew, so the caller drops what it may have
// missed in between. The destructor stops the thread.
class NoticeListener {
  public:
    using Heard = std::function<void(const std::string& payload)>;
    using Listening = std::function<void()>;
    virtual ~NoticeListener() = default;
    // Whether it listens now (connected, LISTEN done).
    virtual bool listening() const = 0;
};

std::unique_ptr<NoticeListener> listen_postgresql(const std::string& url,
                                                  const std::string& channel,
                                                  NoticeListener::Heard heard,
                                                  NoticeListener::Listening listening);

}  // namespace convene::db
