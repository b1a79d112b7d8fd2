#include <libpq-fe.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "database/notices.hpp"

namespace convene::db {

void send_notice(Connection& c, const std::string& channel, const std::string& payload) {
    c.run("SELECT pg_notify(?, ?) AS sent", {channel, payload});
}

namespace {

class PostgresListener : public NoticeListener {
  public:
    PostgresListener(std::string url, std::string channel, Heard heard, Listening listening)
        : url_(std::move(url)),
          channel_(std::move(channel)),
          heard_(std::move(heard)),
          on_listening_(std::move(listening)),
          wake_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
        thread_ = std::thread([this] { follow(); });
    }
    ~PostgresListener() override {
        stopping_ = true;
        std::uint64_t one = 1;
        if (write(wake_, &one, sizeof one) < 0) { /* the thread sees stopping_ within a second */
        }
        thread_.join();
        close(wake_);
    }
    bool listening() const override { return listening_; }

  private:
    // Waits up to `ms` for the socket (or the wake-up); false when asked to stop.
    bool wait(int socket, int ms) {
        pollfd fds[2] = {{wake_, POLLIN, 0}, {socket, POLLIN, 0}};
        poll(fds, socket >= 0 ? 2 : 1, ms);
        return !stopping_;
    }

    void follow() {
        int pause_ms = 100;
        while (!stopping_) {
            PGconn* conn = PQconnectdb(url_.c_str());
            if (PQstatus(conn) == CONNECTION_OK && start(conn)) {
                pause_ms = 100;
                listening_ = true;
                if (on_listening_) on_listening_();
                hear(conn);
                listening_ = false;
            }
            PQfinish(conn);
            if (!wait(-1, pause_ms)) break;
            pause_ms = std::min(pause_ms * 2, 1000);
        }
    }

    bool start(PGconn* conn) {
        char* quoted = PQescapeIdentifier(conn, channel_.c_str(), channel_.size());
        if (!quoted) return false;
        std::string sql = std::string("LISTEN ") + quoted;
        PQfreemem(quoted);
        PGresult* r = PQexec(conn, sql.c_str());
        bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
        return ok;
    }

    // Until the connection breaks or the listener stops. Every ten quiet seconds a query
    // proves the connection alive: a server gone without closing the socket shows then.
    void hear(PGconn* conn) {
        auto quiet_since = std::chrono::steady_clock::now();
        while (wait(PQsocket(conn), 1000)) {
            if (!PQconsumeInput(conn)) return;
            bool heard = false;
            while (PGnotify* n = PQnotifies(conn)) {
                heard = true;
                try {
                    heard_(n->extra);
                } catch (...) {  // a notice the caller could not read: the next ones still count
                }
                PQfreemem(n);
            }
            auto now = std::chrono::steady_clock::now();
            if (heard) quiet_since = now;
            if (now - quiet_since > std::chrono::seconds(10)) {
                PGresult* r = PQexec(conn, "SELECT 1");
                bool ok = PQresultStatus(r) == PGRES_TUPLES_OK;
                PQclear(r);
                if (!ok) return;
                quiet_since = now;
            }
            if (PQstatus(conn) != CONNECTION_OK) return;
        }
    }

    std::string url_, channel_;
    Heard heard_;
    Listening on_listening_;
    int wake_;
    std::atomic<bool> stopping_{false}, listening_{false};
    std::thread thread_;
};

}  // namespace

std::unique_ptr<NoticeListener> listen_postgresql(const std::string& url,
                                                  const std::string& channel,
                                                  NoticeListener::Heard heard,
                                                  NoticeListener::Listening listening) {
    return std::make_unique<PostgresListener>(url, channel, std::move(heard), std::move(listening));
}

}  // namespace convene::db
