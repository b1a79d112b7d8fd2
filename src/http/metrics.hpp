#pragma once
// Counters for /metrics in the Prometheus text format: requests by route and status,
// a latency histogram, and whatever gauges the application adds (DB pool use).
#include <array>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace convene::http {

class Metrics {
  public:
    void record(const std::string& method, const std::string& route, int status, double seconds);
    // Gauges read at render time: name, help, value.
    using Gauge = std::function<std::vector<std::pair<std::string, double>>()>;
    void add_gauges(Gauge gauges) { gauges_.push_back(std::move(gauges)); }
    std::string render() const;

    static constexpr std::array<double, 10> buckets = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                                       0.05,  0.1,    0.25,  0.5,  1.0};

  private:
    mutable std::mutex mutex_;
    std::map<std::tuple<std::string, std::string, int>, long> requests_;
    std::array<long, buckets.size() + 1> latency_{};
    double latency_sum_ = 0;
    long latency_count_ = 0;
    std::vector<Gauge> gauges_;
};

}  // namespace convene::http
