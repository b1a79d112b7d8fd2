#pragma once
// The HTTP/1.1 server (Boost.Beast, compiled in server.cpp only). It reads requests
// within limits, hands each to a plain function Request -> Response, keeps connections
// alive, logs every request, and on SIGTERM or SIGINT stops accepting, lets in-flight
// requests finish, and returns. Each thread accepts and serves its own connections, as
// nginx's workers do; long handlers (ServerOptions::runs_long) run on threads apart.
#include <chrono>
#include <functional>
#include <string>

#include "http/address.hpp"
#include "http/live.hpp"
#include "http/message.hpp"

namespace convene::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    unsigned short port = 8080;  // 0: any free port (printed when listening)
    int threads = 0;             // 0: one per core
    std::size_t body_limit = 1024 * 1024;
    std::size_t header_limit = 16 * 1024;
    std::chrono::seconds request_timeout{30};  // a slow client must send a request within this
    std::chrono::seconds drain_timeout{20};    // at shutdown, in-flight requests get this long
    // GET /live/<topic>: a WebSocket upgrade, or Server-Sent Events for Accept:
    // text/event-stream. Requests the application refuses get its ordinary answer.
    LiveHub* live = nullptr;
    std::function<bool(const Request&, const std::string& topic)> may_follow;
    std::chrono::seconds live_ping{15};
    std::chrono::seconds live_idle{600};  // a live stream with no message this long is closed
    // Connections open at once: in all (never above what the descriptor limit allows),
    // from one address, and live streams from one address.
    std::size_t max_connections = 10000;
    std::size_t max_connections_per_address = 1000;
    std::size_t max_live_per_address = 64;
    // Requests whose handler may run for seconds: handled on threads of their own (as
    // many as `threads`), so the connections read and written by the thread that read
    // the request are not held up. Without it every handler runs on the reading thread.
    std::function<bool(const Request&)> runs_long;
    // Reverse proxies: their connections carry many clients, so no per-address cap.
    std::vector<AddressRange> trusted_proxies;
};

using Handler = std::function<Response(Request&)>;
// Renders an error the server itself detects (too large, malformed, too slow).
using ErrorRenderer =
    std::function<Response(const Request&, int status, const std::string& detail)>;

// Blocks until a stop signal has been handled. `on_listening` gets the bound port.
void serve(const ServerOptions& options, const Handler& handler, const ErrorRenderer& errors,
           const std::function<void(unsigned short)>& on_listening);

}  // namespace convene::http
