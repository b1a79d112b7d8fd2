#pragma once
// A cheap limit on floods of anonymous feedback: at most `limit` actions per key (an
// address, a browser's cookie) in each window of time, counted in memory under one short
// lock, so a refused request never reaches the database and nobody else waits for it.
// Memory is bounded: past `most_keys` keys, those whose window ended are dropped, and if
// that is not enough every count starts again (the database's one rating per account or
// browser per session still holds). Refusals are counted for the figures.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace convene::feedback {

class FloodLimit {
  public:
    FloodLimit(int limit, std::chrono::seconds window, std::size_t most_keys = 100000)
        : limit_(limit), window_(window.count()), most_keys_(most_keys) {}

    // Counts one action under `key` at `now` (seconds); false, counting a refusal, when
    // the key already had `limit` actions in its current window.
    bool allow(const std::string& key, std::int64_t now);
    std::int64_t refused() const;
    std::size_t keys() const;

  private:
    struct Window {
        std::int64_t started = 0;
        int count = 0;
    };
    int limit_;
    std::int64_t window_;
    std::size_t most_keys_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Window> windows_;
    std::int64_t refused_ = 0;
};

}  // namespace convene::feedback
