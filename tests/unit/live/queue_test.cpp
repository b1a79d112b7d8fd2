// The speaking queue by the forum's floor-request rules.
#include "core/live/queue.hpp"

#include <gtest/gtest.h>

#include "core/common/messages.hpp"

using namespace convene;
using namespace convene::live;

namespace {

Speaker who(const std::string& name, const std::string& group = "", const std::string& gender = "",
            Where where = Where::onsite, bool first_time = false) {
    return {"account:" + name, name, group, gender, where, "", first_time};
}

std::vector<std::string> names(const std::vector<FloorRequest>& requests) {
    std::vector<std::string> out;
    for (const auto& r : requests) out.push_back(r.speaker.name);
    return out;
}

}  // namespace

TEST(LiveQueue, OneCommonQueueInTheOrderReceivedOneRequestEach) {
    Queue q;
    EXPECT_FALSE(request_floor(q, who("Ana", "civil_society", "", Where::online), 100));
    EXPECT_FALSE(request_floor(q, who("Bo", "government"), 101));
    auto twice = request_floor(q, who("Ana"), 102);
    ASSERT_TRUE(twice);
    EXPECT_EQ(twice->key, "live.queue.already_waiting");
    EXPECT_EQ(names(in_order(q)), (std::vector<std::string>{"Ana", "Bo"}));
    EXPECT_FALSE(withdraw(q, "account:Ana"));
    EXPECT_EQ(withdraw(q, "account:Ana")->key, "live.queue.not_waiting");
    EXPECT_FALSE(request_floor(q, who("Ana"), 103)) << "withdrawn, she may ask again, last";
    EXPECT_EQ(names(in_order(q)), (std::vector<std::string>{"Bo", "Ana"}));
    EXPECT_EQ(q.version, 4);
}

TEST(LiveQueue, TheChairGivesTheFloorAndEveryTurnIsRecorded) {
    Queue q;
    request_floor(q, who("Ana", "civil_society", "woman", Where::online), 0);
    request_floor(q, who("Bo", "government", "man"), 1);
    request_floor(q, who("Cy", "private_sector", ""), 2);
    EXPECT_FALSE(give_floor(q, 0, 10));
    EXPECT_EQ(q.speaking->speaker.name, "Ana");
    EXPECT_FALSE(give_floor(q, 0, 70)) << "the next ends Ana's turn";
    EXPECT_EQ(q.speaking->speaker.name, "Bo");
    ASSERT_EQ(q.turns.size(), 1u);
    EXPECT_EQ(q.turns[0].end - q.turns[0].start, 60);
    auto cy = q.waiting.front().id;
    EXPECT_FALSE(remove_request(q, cy));
    EXPECT_EQ(give_floor(q, cy, 80)->key, "live.queue.empty");
    EXPECT_FALSE(end_turn(q, 100));
    EXPECT_EQ(end_turn(q, 100)->key, "live.queue.nobody_speaking");
    auto f = figures(q.turns);
    EXPECT_EQ(f.all.turns, 2);
    EXPECT_EQ(f.all.seconds, 90);
    EXPECT_EQ(f.by_where["online"].seconds, 60);
    EXPECT_EQ(f.by_gender["man"].turns, 1);
    EXPECT_EQ(f.by_group["civil_society"].turns, 1);
}

TEST(LiveQueue, PointsOfOrderFirstThenTheRuleInForce) {
    Queue q;
    request_floor(q, who("Ana", "gov", "woman"), 0);
    request_floor(q, who("Bo", "gov", "man"), 1);
    request_floor(q, who("Cy", "civil", "man", Where::hub, true), 2);
    request_floor(q, who("Di", "civil", "woman"), 3);
    request_floor(q, who("Ed", "", ""), 4, true);
    EXPECT_EQ(names(in_order(q)), (std::vector<std::string>{"Ed", "Ana", "Bo", "Cy", "Di"}));
    q.ordering = Ordering::first_time_first;
    EXPECT_EQ(names(in_order(q)), (std::vector<std::string>{"Ed", "Cy", "Ana", "Bo", "Di"}));
    q.ordering = Ordering::alternate_groups;
    EXPECT_EQ(names(in_order(q)), (std::vector<std::string>{"Ed", "Ana", "Cy", "Bo", "Di"}));
    q.ordering = Ordering::alternate_genders;
    EXPECT_EQ(names(in_order(q)), (std::vector<std::string>{"Ed", "Ana", "Bo", "Di", "Cy"}));
    // The rule continues from who spoke last.
    give_floor(q, 0, 10);                // Ed, point of order, no gender stated
    give_floor(q, q.waiting[1].id, 20);  // the chair picks Bo
    EXPECT_EQ(names(in_order(q)), (std::vector<std::string>{"Ana", "Cy", "Di"}));
    EXPECT_EQ(ordering_of("alternate_genders"), Ordering::alternate_genders);
    EXPECT_FALSE(ordering_of("loudest_first"));
}

TEST(LiveQueue, TheChairReordersAndClosesTheListAfterALastCall) {
    Queue q;
    request_floor(q, who("Ana"), 0);
    request_floor(q, who("Bo"), 1);
    request_floor(q, who("Cy"), 2);
    EXPECT_FALSE(move_request(q, q.waiting[2].id, 0));
    EXPECT_EQ(names(in_order(q)), (std::vector<std::string>{"Cy", "Ana", "Bo"}));
    EXPECT_EQ(move_request(q, 999, 0)->key, "live.queue.no_such_request");
    EXPECT_FALSE(last_call(q, 100, 60));
    EXPECT_EQ(last_call_left(q, 130), 30) << "the countdown everyone sees";
    EXPECT_FALSE(request_floor(q, who("Di"), 150)) << "still open before the end";
    EXPECT_TRUE(list_closed(q, 160));
    EXPECT_EQ(request_floor(q, who("Ed"), 160)->key, "live.queue.closed");
    EXPECT_FALSE(request_floor(q, who("Fay"), 161, true)) << "a point of order is always heard";
    EXPECT_EQ(last_call(q, 170, 10)->key, "live.queue.closed");
    reopen(q);
    EXPECT_FALSE(request_floor(q, who("Ed"), 180));
    EXPECT_EQ(last_call(q, 200, -5)->key, "live.queue.last_call_seconds");
    close_list(q);
    EXPECT_TRUE(list_closed(q, 200));
    EXPECT_EQ(request_floor(q, {"", "", "", "", Where::onsite, "", false}, 0, true)->key,
              "live.queue.who");
}

TEST(LiveQueue, EveryRefusalIsASentenceOfTheCatalog) {
    for (const char* key :
         {"live.queue.who", "live.queue.closed", "live.queue.already_waiting",
          "live.queue.not_waiting", "live.queue.empty", "live.queue.no_such_request",
          "live.queue.nobody_speaking", "live.queue.last_call_seconds"})
        EXPECT_NE(say(key), key) << key;
}

TEST(LiveQueue, WhereAndOrderingCodesReadBack) {
    for (auto w : {Where::onsite, Where::online, Where::hub}) EXPECT_EQ(where_of(where_code(w)), w);
    EXPECT_FALSE(where_of("moon"));
    EXPECT_FALSE(where_of(""));
    for (auto o : {Ordering::received, Ordering::first_time_first, Ordering::alternate_groups,
                   Ordering::alternate_genders})
        EXPECT_EQ(ordering_of(ordering_code(o)), o);
}
