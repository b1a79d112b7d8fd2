// The demo meeting's captions: numbered from 1, every chunk accepted by the captions'
// rules, a turn per speaker in the order they spoke (the chair handing on), the one with
// the floor last and still speaking.
#include "core/demo/demo_captions.hpp"

#include <gtest/gtest.h>

using namespace convene;

TEST(DemoCaptions, ATurnPerSpeakerInOrderTheOneWithTheFloorLast) {
    std::vector<std::string> speakers{"Ana Silva", "Kofi Mensah", "Élodie Martin"};
    auto captions = demo_meeting_captions(speakers);
    live::CaptionStream stream;
    std::int64_t expected = 0;
    for (const auto& caption : captions) {
        EXPECT_EQ(caption.chunk.sequence, ++expected);
        auto result = live::add_chunk(stream, caption.chunk);
        EXPECT_EQ(result.refusal, "") << caption.chunk.text;
        EXPECT_EQ(result.outcome, live::ChunkOutcome::applied);
    }
    std::vector<std::string> named;
    for (const auto& turn : live::caption_turns(stream.text))
        if (turn.speaker != "CHAIR") named.push_back(turn.speaker);
    EXPECT_EQ(named,
              (std::vector<std::string>{"ANA SILVA", "KOFI MENSAH", "\xc3\x89LODIE MARTIN"}));
    auto turns = live::caption_turns(stream.text);
    ASSERT_FALSE(turns.empty());
    EXPECT_EQ(turns.front().speaker, "CHAIR");
    EXPECT_NE(stream.text.back(), '\n') << "the one with the floor is still speaking";
    EXPECT_EQ(captions.front().turn, -1);
    EXPECT_EQ(captions.back().turn, 2);
}

TEST(DemoCaptions, NoSpeakersYetOnlyTheChair) {
    auto captions = demo_meeting_captions({});
    ASSERT_FALSE(captions.empty());
    for (const auto& caption : captions) EXPECT_EQ(caption.turn, -1);
}
