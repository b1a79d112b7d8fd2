// How readers see captions: settled turns and the last one (whose text a viewer's script
// keeps to apply later chunks), and the full-screen view's choices.
#include "core/live/caption_view.hpp"

#include <gtest/gtest.h>

using namespace convene::live;

TEST(LiveCaptionView, TheLastTurnBeginsAtTheLastSpeakerMarker) {
    EXPECT_EQ(last_turn_start(""), 0u);
    EXPECT_EQ(last_turn_start("Good morning"), 0u);
    std::string text = ">> CHAIR: Good morning.\n>> ANA: Thank you.\nMore";
    EXPECT_EQ(text.substr(last_turn_start(text)), ">> ANA: Thank you.\nMore");
    EXPECT_EQ(last_turn_start("a >> b"), 0u) << "a marker counts only at a line's start";
}

TEST(LiveCaptionView, SettledTurnsAndTheLastOne) {
    auto v = caption_turns_view(">> CHAIR: Good morning.\n>> ANA: Thank you.\nMore");
    ASSERT_EQ(v.settled.size(), 1u);
    EXPECT_EQ(v.settled[0].speaker, "CHAIR");
    ASSERT_EQ(v.last.size(), 1u);
    EXPECT_EQ(v.last[0].speaker, "ANA");
    EXPECT_EQ(v.last[0].text, "Thank you. More");
    EXPECT_EQ(v.last_text, ">> ANA: Thank you.\nMore");
    auto empty = caption_turns_view("");
    EXPECT_TRUE(empty.settled.empty());
    EXPECT_TRUE(empty.last.empty());
    auto unnamed = caption_turns_view("Captions begin shortly");
    EXPECT_TRUE(unnamed.settled.empty());
    ASSERT_EQ(unnamed.last.size(), 1u);
    EXPECT_EQ(unnamed.last[0].speaker, "");
}

TEST(LiveCaptionView, SizesAndContrasts) {
    EXPECT_EQ(caption_size(""), default_caption_size);
    EXPECT_EQ(caption_size("6"), 6);
    EXPECT_FALSE(caption_size("7"));
    EXPECT_FALSE(caption_size("0"));
    EXPECT_FALSE(caption_size("33"));
    EXPECT_EQ(caption_contrast(""), "light");
    EXPECT_EQ(caption_contrast("yellow"), "yellow");
    EXPECT_FALSE(caption_contrast("pink"));
}
