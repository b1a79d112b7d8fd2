// The live fan-out: messages framed once, shared out among threads, written straight to
// each follower's socket without ever blocking the publisher or losing the order.
#include "http/live.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <vector>

#include "http/live_outlet.hpp"

using namespace convene::http;

namespace {

struct SocketPair {
    int ours = -1, theirs = -1;
    SocketPair() {
        int fds[2];
        EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
        ours = fds[0];
        theirs = fds[1];
    }
    ~SocketPair() {
        if (ours >= 0) ::close(ours);
        ::close(theirs);
    }
    // A send buffer of 4 KiB on our end, so that the socket soon refuses more.
    void shrink_send_buffer() const {
        int small = 4096;
        ::setsockopt(ours, SOL_SOCKET, SO_SNDBUF, &small, sizeof small);
    }
    // Reads on the follower's end while the outlet writes what waits, until `size` bytes
    // came or the rounds ran out.
    std::string drain_flushing(LiveOutlet& outlet, std::size_t size) const {
        std::string got;
        for (int round = 0; round < 1000 && got.size() < size; ++round) {
            got += drain();
            outlet.flush();
        }
        return got + drain();
    }
    // Everything the follower's end can read now.
    std::string drain() const {
        std::string got;
        char buffer[65536];
        for (;;) {
            auto n = ::recv(theirs, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n <= 0) return got;
            got.append(buffer, static_cast<std::size_t>(n));
        }
    }
};

LiveBytes bytes(std::string text) {
    return std::make_shared<const std::string>(std::move(text));
}

struct Counted {
    std::atomic<int> waits{0}, failures{0};
    LiveOutlet::Hooks hooks() {
        return {[this] { ++waits; }, [this] { ++failures; }};
    }
};

}  // namespace

TEST(LiveMessage, FramesTheTextOnceForWebSocketsAndEventStreams) {
    LiveMessage small("{\"sequence\":2}");
    EXPECT_EQ(small.event, "data: {\"sequence\":2}\n\n");
    ASSERT_EQ(small.frame.size(), small.text.size() + 2);
    EXPECT_EQ(static_cast<unsigned char>(small.frame[0]), 0x81);  // FIN, text
    EXPECT_EQ(static_cast<unsigned char>(small.frame[1]), small.text.size());
    EXPECT_EQ(small.frame.substr(2), small.text);

    LiveMessage middle(std::string(300, 'a'));
    ASSERT_EQ(middle.frame.size(), 304u);
    EXPECT_EQ(static_cast<unsigned char>(middle.frame[1]), 126);
    EXPECT_EQ(static_cast<unsigned char>(middle.frame[2]) * 256 +
                  static_cast<unsigned char>(middle.frame[3]),
              300);

    LiveMessage large(std::string(70000, 'b'));
    ASSERT_EQ(large.frame.size(), 70010u);
    EXPECT_EQ(static_cast<unsigned char>(large.frame[1]), 127);
    std::uint64_t length = 0;
    for (int i = 2; i < 10; ++i) length = length * 256 + static_cast<unsigned char>(large.frame[i]);
    EXPECT_EQ(length, 70000u);
}

TEST(LiveOutlet, WritesAtOnceWhenTheSocketTakesIt) {
    SocketPair pair;
    Counted counted;
    LiveOutlet outlet(pair.ours, LiveOutlet::Descriptor::borrowed, 8, counted.hooks());
    outlet.deliver(bytes("one "));
    outlet.deliver(bytes("two"));
    EXPECT_EQ(pair.drain(), "one two");
    EXPECT_EQ(counted.waits, 0);
    EXPECT_EQ(outlet.waiting(), 0u);
}

TEST(LiveOutlet, KeepsWhatTheSocketCannotTakeInOrderAndWritesItWhenAsked) {
    SocketPair pair;
    pair.shrink_send_buffer();
    Counted counted;
    LiveOutlet outlet(pair.ours, LiveOutlet::Descriptor::borrowed, 64, counted.hooks());
    std::string expected;
    for (int i = 0; i < 40; ++i) {
        auto chunk =
            std::to_string(i) + ":" + std::string(5000, static_cast<char>('a' + i % 26)) + "\n";
        expected += chunk;
        outlet.deliver(bytes(chunk));
    }
    EXPECT_EQ(counted.waits, 1) << "asked once to wait for the socket, not once per message";
    EXPECT_GT(outlet.waiting(), 0u);
    EXPECT_EQ(pair.drain_flushing(outlet, expected.size()), expected)
        << "every byte once, in order";
    EXPECT_EQ(counted.failures, 0);
}

TEST(LiveOutlet, KeepsAMessageItCouldNotWriteAfterThePublisherLetsItGo) {
    SocketPair pair;
    pair.shrink_send_buffer();
    Counted counted;
    LiveOutlet outlet(pair.ours, LiveOutlet::Descriptor::borrowed, 64, counted.hooks());
    std::string expected;
    for (int i = 0; i < 20; ++i) {
        auto message =
            std::make_shared<const LiveMessage>(std::string(6000, static_cast<char>('a' + i % 26)));
        expected += message->event;
        outlet.deliver(message, message->event);
    }  // each message now lives on only in the outlet's queue
    EXPECT_EQ(counted.waits, 1);
    EXPECT_EQ(pair.drain_flushing(outlet, expected.size()), expected)
        << "every byte once, in order";
    EXPECT_EQ(counted.failures, 0);
}

TEST(LiveOutlet, GivesUpOnAFollowerThatStopsReading) {
    SocketPair pair;
    pair.shrink_send_buffer();
    Counted counted;
    LiveOutlet outlet(pair.ours, LiveOutlet::Descriptor::borrowed, 4, counted.hooks());
    for (int i = 0; i < 20; ++i) outlet.deliver(bytes(std::string(8000, 'x')));
    EXPECT_GE(counted.failures, 1);
    EXPECT_LE(outlet.waiting(), 4u);
}

TEST(LiveOutlet, WritesNothingOnceShutAndClosesItsOwnDescriptor) {
    SocketPair pair;
    Counted counted;
    int own = ::dup(pair.ours);
    LiveOutlet outlet(own, LiveOutlet::Descriptor::owned, 8, counted.hooks());
    outlet.deliver(bytes("before"));
    EXPECT_FALSE(outlet.shut());
    outlet.deliver(bytes("after"));
    EXPECT_EQ(pair.drain(), "before");
    EXPECT_EQ(::fcntl(own, F_GETFD), -1) << "the outlet's own descriptor is closed";
    EXPECT_GE(::fcntl(pair.ours, F_GETFD), 0) << "the connection's descriptor is not";
}

TEST(LiveOutlet, ReportsAFailedSocket) {
    SocketPair pair;
    ::close(pair.theirs);
    pair.theirs = ::open("/dev/null", O_RDONLY);
    Counted counted;
    LiveOutlet outlet(pair.ours, LiveOutlet::Descriptor::borrowed, 8, counted.hooks());
    outlet.deliver(bytes("nobody reads"));
    EXPECT_EQ(counted.failures, 1);
}

TEST(LiveHub, SharesALargeTopicOutAmongThreadsEachFollowerOnce) {
    LiveHub hub;
    std::vector<std::function<void()>> jobs;
    hub.spread([&jobs](std::function<void()> job) { jobs.push_back(std::move(job)); }, 3);
    std::vector<int> received(2000, 0);
    for (int i = 0; i < 2000; ++i)
        hub.subscribe("live-captions-1-en", [&received, i](const SharedMessage& m) {
            if (m->text == "chunk") ++received[static_cast<std::size_t>(i)];
        });
    std::atomic<int> other{0};
    hub.subscribe("editions", [&other](const SharedMessage&) { ++other; });
    hub.publish("live-captions-1-en", "chunk");
    EXPECT_EQ(jobs.size(), 3u);
    for (auto& job : jobs) job();
    for (int count : received) ASSERT_EQ(count, 1);
    EXPECT_EQ(other, 0);
    EXPECT_EQ(hub.fanout_times().count, 1u) << "timed once, when its last part is done";

    jobs.clear();
    hub.publish("editions", "changed");  // a small topic is delivered at once
    EXPECT_TRUE(jobs.empty());
    EXPECT_EQ(other, 1);
    auto times = hub.fanout_times();
    EXPECT_EQ(times.count, 2u);
    EXPECT_LE(times.p50, times.max);
}
