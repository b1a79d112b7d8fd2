// Everything that includes Boost.Asio and Boost.Beast is in this file, so the rest of
// the code compiles fast and knows nothing about sockets.
#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

namespace convene::http {

namespace beast = boost::beast;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

struct Shared {
    Shared(const ServerOptions& o, const Handler& h, const ErrorRenderer& e)
        : options(o), handler(h), errors(e) {}
    const ServerOptions& options;
    const Handler& handler;
    const ErrorRenderer& errors;
    std::atomic<bool> draining{false};
    std::mutex mutex;
    std::condition_variable all_closed;
    std::unordered_map<std::uint64_t, std::function<void()>> idle_closers;  // by connection
    std::uint64_t next_id = 0;

    // Registers how to close a connection when it is idle at shutdown.
    std::uint64_t track(std::function<void()> close_if_idle) {
        std::lock_guard lock(mutex);
        auto id = next_id++;
        idle_closers[id] = std::move(close_if_idle);
        return id;
    }
    void untrack(std::uint64_t id) {
        std::lock_guard lock(mutex);
        idle_closers.erase(id);
        if (idle_closers.empty()) all_closed.notify_all();
    }
};

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

#include "http/live_sessions.inc"

class Session : public std::enable_shared_from_this<Session> {
  public:
    Session(tcp::socket&& socket, Shared& shared) : stream_(std::move(socket)), shared_(shared) {
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
                beast::http::async_read(
                    self->stream_, self->buffer_, *self->parser_,
                    [self](beast::error_code ec, std::size_t) { self->on_read(ec); });
            });
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
        Response response;
        try {
            response = shared_.handler(request);
        } catch (const std::exception& e) {
            spdlog::error("handler failed for {} {}: {}", request.method, request.target, e.what());
            response = shared_.errors(request, 500, "The server could not answer this request.");
        }
        respond(request, std::move(response), keep_alive);
    }

    void respond(const Request& request, Response response, bool keep_alive) {
        namespace bh = beast::http;
        if (shared_.draining) keep_alive = false;
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
        append_json_text(line, std::string_view(request.target).substr(0, 200));
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
        log(request, upgrade ? 101 : 200, 0);
        handed_off_ = true;
        if (upgrade)
            std::make_shared<LiveSocket>(std::move(stream_), shared_, topic)
                ->start(std::move(message));
        else
            std::make_shared<EventStream>(std::move(stream_), shared_, topic)->start();
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
    std::string remote_;
    std::uint64_t id_ = 0;
    bool busy_ = false;
    bool lingering_ = false;
    bool handed_off_ = false;
    std::array<char, 16384> discard_buffer_;
    std::chrono::steady_clock::time_point started_;
};

class Listener : public std::enable_shared_from_this<Listener> {
  public:
    Listener(asio::io_context& io, tcp::endpoint endpoint, Shared& shared)
        : io_(io), acceptor_(asio::make_strand(io)), shared_(shared) {
        acceptor_.open(endpoint.protocol());
        acceptor_.set_option(asio::socket_base::reuse_address(true));
        acceptor_.bind(endpoint);
        acceptor_.listen(asio::socket_base::max_listen_connections);
    }
    unsigned short port() const { return acceptor_.local_endpoint().port(); }
    void accept() {
        acceptor_.async_accept(asio::make_strand(io_), [self = shared_from_this()](
                                                           beast::error_code ec, tcp::socket s) {
            if (ec) {
                if (ec == asio::error::operation_aborted || !self->acceptor_.is_open()) return;
                spdlog::warn("accept failed: {}", ec.message());
            } else {
                s.set_option(tcp::no_delay(true), ec);
                std::make_shared<Session>(std::move(s), self->shared_)->start();
            }
            self->accept();
        });
    }
    void stop() {
        asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
            beast::error_code ec;
            self->acceptor_.close(ec);
        });
    }

  private:
    asio::io_context& io_;
    tcp::acceptor acceptor_;
    Shared& shared_;
};

}  // namespace

void serve(const ServerOptions& options, const Handler& handler, const ErrorRenderer& errors,
           const std::function<void(unsigned short)>& on_listening) {
    int threads =
        options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    // shared outlives io: handlers still queued in io hold sessions that touch shared.
    Shared shared(options, handler, errors);
    asio::io_context io(threads);
    auto address = asio::ip::make_address(options.host);
    auto listener = std::make_shared<Listener>(io, tcp::endpoint(address, options.port), shared);
    listener->accept();
    on_listening(listener->port());

    asio::signal_set signals(io, SIGINT, SIGTERM);
    std::promise<void> stop_requested;
    signals.async_wait([&](beast::error_code ec, int signal) {
        if (ec) return;
        spdlog::info("signal {} received: finishing in-flight requests", signal);
        shared.draining = true;
        listener->stop();
        stop_requested.set_value();
    });

    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i) pool.emplace_back([&io] { io.run(); });
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
    io.stop();
    for (auto& t : pool) t.join();
    spdlog::info("stopped");
}

}  // namespace convene::http
