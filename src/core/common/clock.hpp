#pragma once
// Times are stored and compared as UTC text, "2027-06-15T09:30:00Z", which sorts the
// same way on every engine. The core never reads the clock: callers pass "now".
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace convene {

using Clock = std::chrono::system_clock;

std::string format_utc(Clock::time_point t);
std::optional<Clock::time_point> parse_utc(std::string_view text);

}  // namespace convene
