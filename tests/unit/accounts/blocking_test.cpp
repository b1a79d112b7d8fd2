// The reason the Secretariat gives for blocking or unblocking an account.
#include "core/accounts/blocking.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace convene;

TEST(BlockReason, IsRequiredAndLimited) {
    EXPECT_FALSE(check_block_reason("Posted other people's private addresses in the queue."));
    EXPECT_FALSE(check_block_reason("Two lines:\nboth kept."));
    EXPECT_FALSE(check_block_reason(std::string(most_block_reason_characters, 'x')));
    // Counted in characters, not bytes: 1000 "é" are 2000 bytes and allowed.
    std::string accents;
    for (std::size_t i = 0; i < most_block_reason_characters; ++i) accents += "\xc3\xa9";
    EXPECT_FALSE(check_block_reason(accents));
    for (const std::string& bad :
         {std::string(), std::string("  \n\t "), std::string(most_block_reason_characters + 1, 'x'),
          std::string("bell\a"), std::string("\xff\xfe not UTF-8")}) {
        auto e = check_block_reason(bad);
        ASSERT_TRUE(e) << bad;
        EXPECT_EQ(e->field, "reason");
        EXPECT_FALSE(e->message.empty());
    }
    EXPECT_NE(check_block_reason("")->message.find("required"), std::string::npos);
    EXPECT_NE(check_block_reason(std::string(1001, 'x'))->message.find("1000"), std::string::npos);
}
