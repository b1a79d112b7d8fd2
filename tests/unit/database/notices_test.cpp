// Notices between nodes on one PostgreSQL (database/notices.hpp), against the test run's
// cluster: a notice reaches a listener once its transaction commits, never when it rolls
// back, in the order sent; a connection the server dropped is opened again for the next
// statement outside a transaction.
#include "database/notices.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

#include "database/database.hpp"
#include "security/secrets.hpp"

using namespace convene;

namespace {

std::string postgres_or_skip() {
    const char* pg = std::getenv("CONVENE_TEST_POSTGRES");
    return pg ? pg : "";
}

class Heard {
  public:
    void add(const std::string& s) {
        std::lock_guard lock(mutex_);
        all_.push_back(s);
        changed_.notify_all();
    }
    // Waits up to two seconds for `n` notices; what was heard by then.
    std::vector<std::string> wait_for(std::size_t n) {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, std::chrono::seconds(2), [&] { return all_.size() >= n; });
        return all_;
    }

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::string> all_;
};

}  // namespace

TEST(Notices, ReachListenersOnCommitOnlyAndInOrder) {
    auto url = postgres_or_skip();
    if (url.empty()) GTEST_SKIP() << "CONVENE_TEST_POSTGRES is not set";
    init_secrets();
    const std::string channel = "unit_" + random_token().substr(0, 10);
    Heard heard;
    std::mutex m;
    std::condition_variable cv;
    bool listening = false;
    auto listener = db::listen_postgresql(
        url, channel, [&](const std::string& p) { heard.add(p); },
        [&] {
            std::lock_guard lock(m);
            listening = true;
            cv.notify_all();
        });
    {
        std::unique_lock lock(m);
        ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(5), [&] { return listening; }));
    }
    EXPECT_TRUE(listener->listening());
    auto c = db::connect_postgresql(url);
    {
        db::Transaction tx(*c);
        db::send_notice(*c, channel, "rolled back");
    }
    {
        db::Transaction tx(*c);
        db::send_notice(*c, channel, "first");
        db::send_notice(*c, channel, "second");
        tx.commit();
    }
    db::send_notice(*c, channel, std::string(db::max_notice_bytes, 'x'));
    auto all = heard.wait_for(3);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0], "first");
    EXPECT_EQ(all[1], "second");
    EXPECT_EQ(all[2].size(), db::max_notice_bytes);
}

TEST(Notices, ADroppedConnectionIsOpenedAgainOutsideATransaction) {
    auto url = postgres_or_skip();
    if (url.empty()) GTEST_SKIP() << "CONVENE_TEST_POSTGRES is not set";
    auto c = db::connect_postgresql(url);
    auto pid = c->run("SELECT pg_backend_pid() AS pid").rows.at(0).integer("pid");
    auto other = db::connect_postgresql(url);
    other->run("SELECT pg_terminate_backend(?) AS done", {pid});
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    // The next statement finds the connection gone, opens it again and runs.
    EXPECT_EQ(c->run("SELECT 41 + 1 AS answer").rows.at(0).integer("answer"), 42);
    EXPECT_NE(c->run("SELECT pg_backend_pid() AS pid").rows.at(0).integer("pid"), pid);
    // Inside a transaction the caller hears of it: the transaction's work is gone.
    db::Transaction tx(*c);
    auto pid2 = c->run("SELECT pg_backend_pid() AS pid").rows.at(0).integer("pid");
    other->run("SELECT pg_terminate_backend(?) AS done", {pid2});
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_THROW(c->run("SELECT 1 AS one"), db::Error);
}
