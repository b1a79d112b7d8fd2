#pragma once
// The soft costs of a timetable in words, one line per compromise the solver weighs (see
// checker.hpp for the hard rules): a room too small for the people expected, two
// sessions on one topic at the same time, an online speaker at night in their own zone,
// a session moved from where the published timetable has it. The Secretariat's grid
// lists them next to the hard conflicts.
#include <cstdint>
#include <string>
#include <vector>

#include "core/programme/instance.hpp"

namespace convene::programme {

struct Compromise {
    std::string kind;           // overflow, similar, night, change
    std::vector<int> sessions;  // instance sessions concerned, first the one it is about
    std::int64_t cost = 0;      // what it adds to the total (its weight included)
    std::string text;           // in words: "WS3 expects 120, Room 2 seats 50"
};

// Every compromise of the timetable, in the order overflow, similar, night, change and
// by session within each kind. The costs add up to the checker's objective total.
std::vector<Compromise> compromises(const Instance& in, const Timetable& timetable);

}  // namespace convene::programme
