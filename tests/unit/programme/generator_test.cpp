// The generated IGF-like forum: the same seed gives the same instance, it is sound, and
// the solver places every session with no hard rule broken (a third of the IGF's size
// here, so the sanitizer build stays quick; bench/schedule.sh runs the full size).
#include "core/programme/generator.hpp"

#include <gtest/gtest.h>

#include "core/programme/instance_json.hpp"
#include "core/programme/solver.hpp"

using namespace convene::programme;

TEST(ProgrammeGenerator, IsDeterministicAndSound) {
    auto a = generate_forum(7), b = generate_forum(7);
    EXPECT_EQ(to_json(a), to_json(b));
    EXPECT_TRUE(instance_problems(a).empty());
    EXPECT_EQ(a.sessions.size(), 300u);
    EXPECT_EQ(a.rooms.size(), 14u);
    EXPECT_GE(a.people.size(), 2000u);
    int fixed = 0, chains = 0, online = 0;
    for (const auto& s : a.sessions) fixed += s.fixed.has_value(), chains += !s.after.empty();
    for (const auto& z : a.person_zone) online += !z.empty();
    EXPECT_GT(fixed, 5);
    EXPECT_GE(chains, 10);
    EXPECT_GT(online, 100);
    EXPECT_NE(to_json(generate_forum(8)), to_json(a));
}

TEST(ProgrammeGenerator, TheSolverPlacesAThirdOfAnIgfWithoutBreakingARule) {
    ForumSize size;
    size.sessions = 100;
    size.rooms = 5;
    size.people = 700;
    size.chains = 4;
    auto in = generate_forum(3, size);
    ASSERT_TRUE(instance_problems(in).empty());
    auto result = schedule(in, {.time_limit = 2});
    EXPECT_EQ(result.placed, 100);
    EXPECT_TRUE(result.unplaced.empty());
    EXPECT_TRUE(result.violations.empty());
    EXPECT_LE(result.lower_bound, result.objective.total);
    EXPECT_LT(result.seconds, 10);
}
