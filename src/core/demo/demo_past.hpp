#pragma once
// Last year's regional IGF in the demo forum: how each held session's reports went, their
// text in the 2015 template's fields with a gender report card, and participants' ratings.
#include <cstdint>

#include "core/demo/demo_forum.hpp"

namespace convene {

// Fills forum.past_sessions, one per past proposal: most reports on time, a few late, a
// few full reports missing and one or two sessions with nothing filed (the same counts for
// every seed of a size), the card's answers spread. The organisers of the late and missing
// reports are then people whose institutions propose nothing this year, except the first
// organiser of the first missing full report: one of this year's proposers, whose proposal
// becomes forum.declined_proposal (an institution no other proposal of this year shares).
void add_demo_past_sessions(DemoForum& forum, std::uint64_t seed);

}  // namespace convene
