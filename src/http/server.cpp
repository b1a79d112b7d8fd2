// Everything that includes Boost.Asio and Boost.Beast is in this file and the .inc files it
// includes, so the rest of the code compiles fast and knows nothing about sockets.
#include "http/server.hpp"

#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <future>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "http/compression.hpp"
#include "http/live_outlet.hpp"

namespace convene::http {

namespace beast = boost::beast;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

#include "http/server_connections.inc"

Request to_request(beast::http::request<beast::http::string_body>& in, const std::string& remote) {
    Request r;
    r.method = std::string(in.method_string());
    r.target = std::string(in.target());
    auto q = r.target.find('?');
    r.path = percent_decode(std::string_view(r.target).substr(0, q), false);
    if (q != std::string::npos) r.query = r.target.substr(q + 1);
    r.headers.reserve(16);
    for (const auto& field : in) {
        std::string name(field.name_string());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        r.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    r.body = std::move(in.body());
    r.remote_address = remote;
    return r;
}

// A browser's WebSocket names the page's origin; it must be this server's host (scripts
// without an Origin header are not browsers and carry no ambient cookie of another site).
bool same_origin(const Request& request) {
    auto origin = request.header("origin");
    if (origin.empty()) return true;
    auto host = request.header("host");
    auto scheme_end = origin.find("://");
    if (scheme_end == std::string_view::npos || host.empty()) return false;
    return origin.substr(scheme_end + 3) == host;
}

#include "http/live_sessions.inc"

class Session : public std::enable_shared_from_this<Session> {
  public:
    Session(tcp::socket&& socket, Shared& shared, std::shared_ptr<Slot> slot)
        : stream_(std::move(socket)), shared_(shared), slot_(std::move(slot)) {
        beast::error_code ec;
        auto endpoint = stream_.socket().remote_endpoint(ec);
        if (!ec) remote_ = endpoint.address().to_string();
    }

    ~Session() { shared_.untrack(id_); }

    void start() {
        std::weak_ptr<Session> weak = shared_from_this();
        id_ = shared_.track([weak] {
            if (auto self = weak.lock())
                asio::post(self->stream_.get_executor(), [self] { self->close_if_idle(); });
        });
        asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
    }

  private:
    // Idle until a request's header arrives; from then on the request is in flight and
    // a shutdown lets it finish.
    void read() {
        if (shared_.draining) return close();
        busy_ = false;
        parser_.emplace();
        parser_->body_limit(shared_.options.body_limit);
        parser_->header_limit(static_cast<std::uint32_t>(shared_.options.header_limit));
        stream_.expires_after(shared_.options.request_timeout);
        beast::http::async_read_header(
            stream_, buffer_, *parser_,
            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                if (ec) return self->on_read(ec);
                self->busy_ = true;
                if (self->ambiguous_framing())
                    return self->on_read(beast::http::error::bad_transfer_encoding);
                beast::http::async_read(
                    self->stream_, self->buffer_, *self->parser_,
                    [self](beast::error_code ec, std::size_t) { self->on_read(ec); });
            });
    }

    // A body framed two ways (Transfer-Encoding and Content-Length) or by a coding we do
    // not speak ("xchunked", "gzip, chunked") is how requests are smuggled past proxies.
    bool ambiguous_framing() const {
        const auto& h = parser_->get();
        auto te = h.find(beast::http::field::transfer_encoding);
        if (te == h.end()) return false;
        if (h.count(beast::http::field::content_length) > 0 ||
            h.count(beast::http::field::transfer_encoding) > 1)
            return true;
        std::string value(te->value());
        for (auto& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.erase(0, 1);
        return value != "chunked";
    }

    void on_read(beast::error_code ec) {
        namespace bh = beast::http;
        if (ec == bh::error::end_of_stream || ec == beast::error::timeout ||
            ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
            ec == asio::error::eof)
            return close();
        started_ = std::chrono::steady_clock::now();
        busy_ = true;
        if (ec) {
            int status = 400;
            std::string detail = "The request is malformed: " + ec.message() + ".";
            if (ec == bh::error::body_limit) {
                status = 413;
                detail = "The request body is larger than the limit of " +
                         std::to_string(shared_.options.body_limit) + " bytes.";
            } else if (ec == bh::error::header_limit) {
                status = 431;
                detail = "The request headers are larger than the limit.";
            }
            Request partial;
            partial.method = "?";
            partial.remote_address = remote_;
            if (parser_ && !parser_->get().target().empty()) {
                auto& h = parser_->get();
                partial.method = std::string(h.method_string());
                partial.target = std::string(h.target());
                partial.path = partial.target.substr(0, partial.target.find('?'));
                if (auto accept = h.find(bh::field::accept); accept != h.end())
                    partial.headers.emplace_back("accept", std::string(accept->value()));
            }
            lingering_ = true;
            return respond(partial, shared_.errors(partial, status, detail), false);
        }
        auto message = parser_->release();
        if (follow_live(message)) return;
        bool keep_alive = message.keep_alive();
        Request request = to_request(message, remote_);
        if (shared_.long_work && shared_.options.runs_long(request)) {
            // The answer is written back on this connection's own thread.
            asio::post(*shared_.long_work, [self = shared_from_this(), request = std::move(request),
                                            keep_alive]() mutable {
                auto response = self->handle(request);
                asio::post(self->stream_.get_executor(),
                           [self, request = std::move(request), response = std::move(response),
                            keep_alive]() mutable {
                               self->respond(request, std::move(response), keep_alive);
                           });
            });
            return;
        }
        auto response = handle(request);
        respond(request, std::move(response), keep_alive);
    }

    Response handle(Request& request) {
        try {
            return shared_.handler(request);
        } catch (const std::exception& e) {
            spdlog::error("handler failed for {} {}: {}", request.method,
                          redacted_target(request.target), e.what());
            return shared_.errors(request, 500, "The server could not answer this request.");
        }
    }

    void respond(const Request& request, Response response, bool keep_alive) {
        namespace bh = beast::http;
        if (shared_.draining) keep_alive = false;
        // No handler can split the response: a header with CR, LF or another control
        // character turns the answer into an error before anything is written.
        bool unsafe = !is_safe_header_value(response.content_type);
        for (const auto& [name, value] : response.headers)
            unsafe = unsafe || !is_safe_header_value(name) || !is_safe_header_value(value);
        if (unsafe) {
            spdlog::error("refused a response header with a control character for {} {}",
                          request.method, redacted_target(request.target));
            response = shared_.errors(request, 500, "The server could not answer this request.");
        }
        try {
            compress(request, response);
        } catch (const std::exception& e) {
            spdlog::error("compression failed for {}: {}", redacted_target(request.target),
                          e.what());
        }
        auto out = std::make_shared<bh::response<bh::string_body>>(
            static_cast<bh::status>(response.status), 11);
        out->set(bh::field::server, "Convene");
        out->set(bh::field::content_type, response.content_type);
        for (auto& [name, value] : response.headers) out->insert(name, value);
        std::size_t bytes = response.body.size();
        if (request.method != "HEAD") out->body() = std::move(response.body);
        out->content_length(bytes);
        out->keep_alive(keep_alive);
        log(request, response.status, bytes);
        // The answer gets its own time to be written: a long request may have used up
        // the time its reading started.
        stream_.expires_after(shared_.options.request_timeout);
        bh::async_write(stream_, *out,
                        [self = shared_from_this(), out](beast::error_code ec, std::size_t) {
                            if (ec) return self->close();
                            if (!out->keep_alive())
                                return self->lingering_ ? self->linger() : self->close();
                            self->read();
                        });
    }

    // One JSON line per request, built by hand: this runs for every request.
    void log(const Request& request, int status, std::size_t bytes) {
        if (!spdlog::should_log(spdlog::level::info)) return;
        auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - started_)
                          .count();
        thread_local std::string line;
        line.assign(R"({"remote":")").append(remote_).append(R"(","method":")");
        append_json_text(line, request.method);
        line.append(R"(","target":")");
        append_json_text(line, redacted_target(request.target));
        line.append(R"(","status":)").append(std::to_string(status));
        line.append(R"(,"bytes":)").append(std::to_string(bytes));
        line.append(R"(,"us":)").append(std::to_string(micros)).append("}");
        spdlog::default_logger_raw()->log(spdlog::level::info, std::string_view(line));
    }

    static void append_json_text(std::string& out, std::string_view text) {
        for (char c : text) {
            if (c == '"' || c == '\\') {
                out += '\\';
                out += c;
            } else if (static_cast<unsigned char>(c) < 0x20) {
                out += '?';
            } else {
                out += c;
            }
        }
    }

    // After refusing a request whose body is still arriving, stop sending but read and
    // discard what comes for a moment, so the client sees the answer instead of a reset.
    void linger() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream_.expires_after(std::chrono::seconds(5));
        discard();
    }

    void discard() {
        stream_.async_read_some(asio::buffer(discard_buffer_),
                                [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                    if (ec) return self->close();
                                    self->discard();
                                });
    }

    // GET /live/<topic>: hands the connection to a WebSocket or an event stream.
    bool follow_live(beast::http::request<beast::http::string_body>& message) {
        const auto& options = shared_.options;
        if (!options.live || message.method() != beast::http::verb::get) return false;
        auto target = std::string_view(message.target().data(), message.target().size());
        auto topic = live_topic(target.substr(0, target.find('?')));
        if (topic.empty()) return false;
        auto accept_field = message[beast::http::field::accept];
        auto accept = std::string_view(accept_field.data(), accept_field.size());
        bool upgrade = beast::websocket::is_upgrade(message);
        bool events = accept.find("text/event-stream") != std::string_view::npos;
        if (!upgrade && !events) return false;
        Request request = to_request(message, remote_);
        if (!options.may_follow || !options.may_follow(request, topic)) return false;
        if (upgrade && !same_origin(request)) {
            respond(request,
                    shared_.errors(request, 403,
                                   "This page's origin may not follow live "
                                   "updates here."),
                    false);
            return true;
        }
        if (!shared_.admit_live(slot_->address, slot_->proxy)) {
            auto busy = shared_.errors(request, 429,
                                       "Too many live updates are open from this "
                                       "address; close some pages and try again.");
            busy.headers.emplace_back("retry-after", "30");
            respond(request, std::move(busy), false);
            return true;
        }
        slot_->live = true;
        log(request, upgrade ? 101 : 200, 0);
        handed_off_ = true;
        if (upgrade)
            std::make_shared<LiveSocket>(std::move(stream_), shared_, topic, slot_)
                ->start(std::move(message));
        else
            std::make_shared<EventStream>(std::move(stream_), shared_, topic, slot_)->start();
        return true;
    }

    void close_if_idle() {
        if (!busy_) close();
    }

    void close() {
        if (handed_off_) return;
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        stream_.socket().close(ec);
    }

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<beast::http::request_parser<beast::http::string_body>> parser_;
    Shared& shared_;
    std::shared_ptr<Slot> slot_;
    std::string remote_;
    std::uint64_t id_ = 0;
    bool busy_ = false;
    bool lingering_ = false;
    bool handed_off_ = false;
    std::array<char, 16384> discard_buffer_;
    std::chrono::steady_clock::time_point started_;
};

#include "http/server_listener.inc"

}  // namespace

void serve(const ServerOptions& options, const Handler& handler, const ErrorRenderer& errors,
           const std::function<void(unsigned short)>& on_listening) {
    int threads =
        options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    // shared outlives io: handlers still queued in io hold sessions that touch shared.
    Shared shared(options, handler, errors);
    shared.connection_limit = connection_limit(options);
    // Each thread runs its own io_context, with its own listener on the one listening
    // socket: a connection stays on the thread that accepted it, so no request is handed
    // between threads (wake-ups and context switches were a fifth of the kernel's time).
    std::vector<std::unique_ptr<asio::io_context>> ios;
    for (int i = 0; i < threads; ++i) ios.push_back(std::make_unique<asio::io_context>(1));
    // After ios: its queued work holds sessions whose sockets belong to them.
    std::optional<asio::thread_pool> long_work;
    if (options.runs_long) shared.long_work = &long_work.emplace(threads);
    auto& io = *ios.front();
    auto address = asio::ip::make_address(options.host);
    std::vector<std::shared_ptr<Listener>> listeners;
    listeners.push_back(
        std::make_shared<Listener>(io, tcp::endpoint(address, options.port), shared));
    for (int i = 1; i < threads; ++i)
        listeners.push_back(std::make_shared<Listener>(*ios[i], *listeners.front(), shared));
    for (auto& l : listeners) l->accept();
    on_listening(listeners.front()->port());

    asio::signal_set signals(io, SIGINT, SIGTERM);
    std::promise<void> stop_requested;
    signals.async_wait([&](beast::error_code ec, int signal) {
        if (ec) return;
        spdlog::info("signal {} received: finishing in-flight requests", signal);
        shared.draining = true;
        for (auto& l : listeners) l->stop();
        stop_requested.set_value();
    });

    // A topic with thousands of followers is written to by every thread at once.
    if (options.live)
        options.live->spread(
            [&ios,
             next = std::make_shared<std::atomic<std::size_t>>(0)](std::function<void()> job) {
                asio::post(*ios[(*next)++ % ios.size()], std::move(job));
            },
            static_cast<unsigned>(threads));

    // Each thread runs until stopped below, even with nothing to wait for in the
    // meantime (a connection whose request is on a long-work thread waits for nothing).
    std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;
    for (auto& each : ios) keep_running.push_back(asio::make_work_guard(*each));
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i) pool.emplace_back([&ios, i] { ios[i]->run(); });
    stop_requested.get_future().wait();
    // Called without the lock held: a closer may drop the last reference to a session,
    // whose destructor takes the lock.
    std::vector<std::function<void()>> closers;
    {
        std::lock_guard lock(shared.mutex);
        for (auto& [id, close_if_idle] : shared.idle_closers) closers.push_back(close_if_idle);
    }
    for (auto& close_if_idle : closers) close_if_idle();
    closers.clear();
    {
        std::unique_lock lock(shared.mutex);
        shared.all_closed.wait_for(lock, options.drain_timeout,
                                   [&] { return shared.idle_closers.empty(); });
    }
    for (auto& each : ios) each->stop();
    for (auto& t : pool) t.join();
    // Long requests not started by now are dropped (nobody would get their answer); one
    // already running cannot be cut short and finishes first.
    if (long_work) {
        long_work->stop();
        long_work->join();
    }
    if (options.live) options.live->spread({}, 1);
    spdlog::info("stopped");
}

}  // namespace convene::http
