// A live room's captions as its transcript: turns with times, directions set apart, and
// speaker labels linked to the people the queue gave the floor, by name or by time.
#include "core/transcripts/from_captions.hpp"

#include <gtest/gtest.h>

#include <map>

#include "core/transcripts/formats.hpp"
#include "core/transcripts/speakers.hpp"

using namespace convene::transcripts;

namespace {

std::string at(int second) {
    return "2031-06-15T09:00:" + std::string(second < 10 ? "0" : "") + std::to_string(second) + "Z";
}

}  // namespace

TEST(TranscriptFromCaptions, TurnsKeepTheirTimesAndDirections) {
    Header h;
    h.title = "Open consultation";
    auto t = transcript_of_captions({{"CHRIS\xC2\xA0 CHAIR", "Welcome (pause) all.", at(0), at(4)},
                                     {"", "(standing by)", at(5), at(5)},
                                     {"ANA", "Thank you.", at(6), at(9)}},
                                    h);
    ASSERT_EQ(t.turns.size(), 3u);
    EXPECT_EQ(t.turns[0].speaker, "CHRIS CHAIR");
    EXPECT_EQ(t.turns[0].started_at, "2031-06-15T09:00:00Z");
    EXPECT_FALSE(t.turns[1].speaker);
    EXPECT_EQ(t.turns[1].text, "");
    ASSERT_EQ(t.directions.size(), 2u);
    EXPECT_TRUE(t.directions[0].within_text);
    EXPECT_EQ(t.directions[1].text, "(standing by)");
    EXPECT_FALSE(t.directions[1].within_text);
    EXPECT_TRUE(has_times(t));
    auto vtt = webvtt(t);
    EXPECT_NE(vtt.find("3\n00:00:06.000 --> 00:00:09.000\n<v ANA>Thank you.\n"), std::string::npos)
        << vtt;
}

TEST(TranscriptFromCaptions, LabelsLinkToTheQueueByNameThenByTime) {
    Header h;
    auto t = transcript_of_captions({{"CHAIR", "Welcome.", at(0), at(2)},
                                     {"ANA ONSITE", "Hello.", at(10), at(15)},
                                     {"REMOTE PARTICIPANT", "From Lagos.", at(31), at(40)},
                                     {"REMOTE PARTICIPANT", "Again.", at(42), at(45)},
                                     {"MODERATOR", "Next.", at(33), at(34)},
                                     {"CHAIR BEN OKAFOR", "I chair.", at(50), at(55)},
                                     {"SOMEONE", "Who?", at(20), at(21)}},
                                    h);
    std::vector<FloorTurn> floor = {
        {"account:7", 7, "Ana Onsite", at(9), at(29)},
        {"remote:Rita", std::nullopt, "Rita Remote", at(30), at(46)},
        {"account:9", 9, "Ben Okafor", at(48), at(49)},
    };
    auto links = link_to_queue(t, floor);
    using Link = std::pair<std::string, bool>;  // the queue's person, linked by name
    std::map<std::string, Link> by_label;
    for (const auto& l : links) by_label[l.label_key] = {l.person, l.by_name};
    EXPECT_EQ(by_label[label_key("ANA ONSITE")], Link("account:7", true));
    EXPECT_EQ(by_label[label_key("REMOTE PARTICIPANT")], Link("remote:Rita", false));
    EXPECT_EQ(by_label[label_key("CHAIR BEN OKAFOR")], Link("account:9", true));
    EXPECT_FALSE(by_label.count(label_key("CHAIR")));      // the chair has no queue turn
    EXPECT_FALSE(by_label.count(label_key("MODERATOR")));  // a role, not given the floor
    // "SOMEONE" speaks while Ana has the floor, but Ana is linked by name already.
    EXPECT_FALSE(by_label.count(label_key("SOMEONE")));
    EXPECT_EQ(links.size(), 3u);
}
