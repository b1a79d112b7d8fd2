#pragma once
// A forum the size of an IGF, generated from a seed, for the benchmark and the tests: a
// main hall open in two 3-hour windows a day and ordinary rooms open 09:00-19:00, sessions
// with features, demand, tags and people, a tenth of the people online in other time
// zones, some fixed sessions and feeder chains. It is built around a hidden timetable
// that breaks no rule, so every session can be placed.
#include <cstdint>

#include "core/programme/instance.hpp"

namespace convene::programme {

struct ForumSize {
    int sessions = 300, rooms = 14, days = 4, people = 2000, tags = 30, chains = 10;
    int fixed_percent = 5, online_percent = 10;
};

Instance generate_forum(std::uint64_t seed, const ForumSize& size = {});

}  // namespace convene::programme
