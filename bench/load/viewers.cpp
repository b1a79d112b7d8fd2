// Caption viewers for bench/captions.mjs: COUNT followers of one live topic, by WebSocket or
// Server-Sent Events, on one thread with epoll, so that the benchmark's client costs a few
// microseconds per receipt and leaves the machine's two cores to the server (Node followers
// cost ten times more and their own queueing showed up as the server's latency).
//
//   convene_viewers HOST PORT TOPIC COUNT ws|sse
//
// Prints "opened N" once every follower is connected (or failed), then reads commands on
// stdin: "wait SEQ" (answers "waited" once every follower still connected has SEQ, or after
// 10 s), "report FILE" (writes one line per follower: "dropped" or the sequence numbers it
// received with their receipt times, "SEQ:NANOSECONDS ..."; then answers "reported") and
// "quit". Receipt times are CLOCK_MONOTONIC, the clock of Node's process.hrtime, so the
// parent compares them with its send times. A message's sequence is the number after
// "sequence": in its JSON.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::int64_t now_ns() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return std::int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

struct Receipt {
    long sequence;
    std::int64_t at;
};

struct Viewer {
    int fd = -1;
    bool open = false, dropped = false;
    std::string buffer;
    std::vector<Receipt> seen;
};

long sequence_in(std::string_view message) {
    auto at = message.find("\"sequence\":");
    if (at == std::string_view::npos) return -1;
    return std::strtol(message.data() + at + 11, nullptr, 10);
}

// Takes the complete messages out of the viewer's buffer.
void take_messages(Viewer& v, bool websocket, std::int64_t at) {
    if (!v.open) {
        auto end = v.buffer.find("\r\n\r\n");
        if (end == std::string::npos) return;
        if (v.buffer.compare(0, 12, websocket ? "HTTP/1.1 101" : "HTTP/1.1 200") != 0) {
            v.dropped = true;
            return;
        }
        v.open = true;
        v.buffer.erase(0, end + 4);
    }
    std::size_t used = 0;
    for (;;) {
        std::string_view rest(v.buffer.data() + used, v.buffer.size() - used);
        if (websocket) {
            if (rest.size() < 2) break;
            auto opcode = std::uint8_t(rest[0]) & 0x0f;
            std::uint64_t length = std::uint8_t(rest[1]) & 0x7f;
            std::size_t offset = 2;
            if (length == 126) {
                if (rest.size() < 4) break;
                length = (std::uint8_t(rest[2]) << 8) | std::uint8_t(rest[3]);
                offset = 4;
            } else if (length == 127) {
                if (rest.size() < 10) break;
                length = 0;
                for (int i = 2; i < 10; ++i) length = (length << 8) | std::uint8_t(rest[i]);
                offset = 10;
            }
            if (rest.size() < offset + length) break;
            if (opcode == 0x1) {
                auto s = sequence_in(rest.substr(offset, length));
                if (s >= 0) v.seen.push_back({s, at});
            } else if (opcode == 0x8) {
                v.dropped = true;
            }
            used += offset + length;
        } else {
            auto end = rest.find("\n\n");
            if (end == std::string_view::npos) break;
            auto event = rest.substr(0, end);
            if (event.starts_with("data: ")) {
                auto s = sequence_in(event.substr(6));
                if (s >= 0) v.seen.push_back({s, at});
            }
            used += end + 2;
        }
    }
    v.buffer.erase(0, used);
}

bool has(const Viewer& v, long sequence) {
    for (auto it = v.seen.rbegin(); it != v.seen.rend(); ++it)
        if (it->sequence >= sequence) return true;
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 6) {
        std::cerr << "usage: convene_viewers HOST PORT TOPIC COUNT ws|sse\n";
        return 2;
    }
    const std::string host = argv[1], topic = argv[3];
    const int port = std::atoi(argv[2]);
    const int count = std::atoi(argv[4]);
    const bool websocket = std::string_view(argv[5]) == "ws";

    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(std::uint16_t(port));
    if (inet_pton(AF_INET, host.c_str(), &address.sin_addr) != 1) {
        std::cerr << "HOST must be an IPv4 address\n";
        return 2;
    }
    const std::string request =
        websocket
            ? "GET /live/" + topic + " HTTP/1.1\r\nHost: " + host +
                  "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
            : "GET /live/" + topic + " HTTP/1.1\r\nHost: " + host +
                  "\r\nAccept: text/event-stream\r\n\r\n";

    int poller = epoll_create1(0);
    std::vector<Viewer> viewers(static_cast<std::size_t>(count));
    char chunk[65536];
    // Up to 1024 ready viewers a wait (one system call for a fifth of them, not 256).
    constexpr int batch = 1024;
    std::vector<epoll_event> events(batch);
    auto read_ready = [&](int timeout_ms) {
        int n = epoll_wait(poller, events.data(), batch, timeout_ms);
        for (int i = 0; i < n; ++i) {
            auto& v = viewers[events[i].data.u32];
            auto at = now_ns();
            for (;;) {
                auto got = ::read(v.fd, chunk, sizeof chunk);
                if (got > 0) {
                    v.buffer.append(chunk, std::size_t(got));
                    if (got < ssize_t(sizeof chunk)) break;
                    continue;
                }
                if (got == 0 || (errno != EAGAIN && errno != EINTR)) {
                    v.dropped = true;
                    epoll_ctl(poller, EPOLL_CTL_DEL, v.fd, nullptr);
                }
                break;
            }
            if (!v.dropped) take_messages(v, websocket, at);
        }
    };

    // Connect in batches, each one's upgrade answered before the next batch.
    int opened = 0;
    for (int start = 0; start < count; start += 100) {
        int end = std::min(count, start + 100);
        for (int i = start; i < end; ++i) {
            auto& v = viewers[std::size_t(i)];
            v.fd = ::socket(AF_INET, SOCK_STREAM, 0);
            int one = 1;
            setsockopt(v.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            if (::connect(v.fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
                ::write(v.fd, request.data(), request.size()) != ssize_t(request.size())) {
                v.dropped = true;
                continue;
            }
            fcntl(v.fd, F_SETFL, fcntl(v.fd, F_GETFL) | O_NONBLOCK);
            epoll_event e{};
            e.events = EPOLLIN;
            e.data.u32 = std::uint32_t(i);
            epoll_ctl(poller, EPOLL_CTL_ADD, v.fd, &e);
        }
        auto until = now_ns() + 10'000'000'000;
        auto pending = [&] {
            for (int i = start; i < end; ++i)
                if (!viewers[std::size_t(i)].open && !viewers[std::size_t(i)].dropped) return true;
            return false;
        };
        while (pending() && now_ns() < until) read_ready(100);
    }
    for (auto& v : viewers) opened += v.open && !v.dropped;
    std::printf("opened %d\n", opened);
    std::fflush(stdout);

    // Commands on stdin, receipts in between.
    std::string line;
    pollfd watch[2] = {{0, POLLIN, 0}, {poller, POLLIN, 0}};
    for (;;) {
        if (poll(watch, 2, 1000) < 0) continue;
        if (watch[1].revents) read_ready(0);
        if (!watch[0].revents) continue;
        if (!std::getline(std::cin, line) || line == "quit") break;
        if (line.starts_with("wait ")) {
            long sequence = std::atol(line.c_str() + 5);
            auto until = now_ns() + 10'000'000'000;
            auto missing = [&] {
                for (auto& v : viewers)
                    if (!v.dropped && !has(v, sequence)) return true;
                return false;
            };
            while (missing() && now_ns() < until) read_ready(20);
            std::printf("waited\n");
        } else if (line.starts_with("report ")) {
            std::ofstream out(line.substr(7));
            for (auto& v : viewers) {
                if (v.dropped) {
                    out << "dropped\n";
                    continue;
                }
                for (auto& r : v.seen) out << r.sequence << ':' << r.at << ' ';
                out << '\n';
            }
            std::printf("reported\n");
        }
        std::fflush(stdout);
    }
    for (auto& v : viewers)
        if (v.fd >= 0) ::close(v.fd);
    return 0;
}
