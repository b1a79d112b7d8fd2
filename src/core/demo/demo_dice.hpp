#pragma once
// The demo's dice: std::mt19937_64, whose sequence the standard fixes, and no std
// distribution (their output varies between libraries), so a seed gives the same forum on
// every machine.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <random>

namespace convene {

class DemoDice {
  public:
    explicit DemoDice(std::uint64_t seed) : engine_(seed) {}
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(engine_() % n); }
    int between(int lo, int hi) { return lo + static_cast<int>(below(hi - lo + 1)); }
    bool chance(int percent) { return static_cast<int>(below(100)) < percent; }
    template <typename C>
    const auto& pick(const C& items) {
        return items[below(std::size(items))];
    }

  private:
    std::mt19937_64 engine_;
};

}  // namespace convene
