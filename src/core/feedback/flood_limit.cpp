#include "core/feedback/flood_limit.hpp"

namespace convene::feedback {

bool FloodLimit::allow(const std::string& key, std::int64_t now) {
    std::lock_guard lock(mutex_);
    auto at = windows_.find(key);
    if (at == windows_.end()) {
        if (windows_.size() >= most_keys_) {
            std::erase_if(windows_,
                          [&](const auto& w) { return now - w.second.started >= window_; });
            if (windows_.size() >= most_keys_) windows_.clear();
        }
        at = windows_.emplace(key, Window{now, 0}).first;
    }
    auto& w = at->second;
    if (now - w.started >= window_ || now < w.started) w = {now, 0};
    if (w.count >= limit_) {
        ++refused_;
        return false;
    }
    ++w.count;
    return true;
}

std::int64_t FloodLimit::refused() const {
    std::lock_guard lock(mutex_);
    return refused_;
}

std::size_t FloodLimit::keys() const {
    std::lock_guard lock(mutex_);
    return windows_.size();
}

}  // namespace convene::feedback
