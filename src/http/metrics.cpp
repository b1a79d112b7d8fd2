#include "http/metrics.hpp"

#include <sstream>

namespace convene::http {

void Metrics::record(const std::string& method, const std::string& route, int status,
                     double seconds) {
    std::lock_guard lock(mutex_);
    ++requests_[{method, route, status}];
    std::size_t b = 0;
    while (b < buckets.size() && seconds > buckets[b]) ++b;
    ++latency_[b];
    latency_sum_ += seconds;
    ++latency_count_;
}

std::string Metrics::render() const {
    std::ostringstream out;
    std::lock_guard lock(mutex_);
    out << "# HELP convene_http_requests_total HTTP requests by route and status.\n"
        << "# TYPE convene_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
        const auto& [method, route, status] = key;
        out << "convene_http_requests_total{method=\"" << method << "\",route=\"" << route
            << "\",status=\"" << status << "\"} " << count << "\n";
    }
    out << "# HELP convene_http_request_duration_seconds Time to answer a request.\n"
        << "# TYPE convene_http_request_duration_seconds histogram\n";
    long cumulative = 0;
    for (std::size_t b = 0; b < buckets.size(); ++b) {
        cumulative += latency_[b];
        out << "convene_http_request_duration_seconds_bucket{le=\"" << buckets[b] << "\"} "
            << cumulative << "\n";
    }
    cumulative += latency_[buckets.size()];
    out << "convene_http_request_duration_seconds_bucket{le=\"+Inf\"} " << cumulative << "\n"
        << "convene_http_request_duration_seconds_sum " << latency_sum_ << "\n"
        << "convene_http_request_duration_seconds_count " << latency_count_ << "\n";
    for (const auto& gauge : gauges_)
        for (const auto& [name, value] : gauge())
            out << "# TYPE " << name << " gauge\n" << name << " " << value << "\n";
    return out.str();
}

}  // namespace convene::http
