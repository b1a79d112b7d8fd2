// Who speaks: the counts per speaker (a person's labels together), the shares by role,
// stakeholder group, gender and region, shares that add up to 100%, and one language of
// a live room's captions counted.
#include "core/transcripts/statistics.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <random>

using namespace convene::transcripts;

namespace {

SpeakerTally speaker(std::int64_t transcript, std::string label, std::string role,
                     std::size_t turns, std::size_t words, std::size_t seconds = 0) {
    SpeakerTally s;
    s.transcript = transcript;
    s.label = label;
    s.label_key = label;
    s.role = std::move(role);
    s.turns = turns;
    s.words = words;
    s.seconds = seconds;
    return s;
}

SpeakerTally linked(SpeakerTally s, std::int64_t person, std::string gender, std::string group,
                    std::string region) {
    s.person = person;
    s.person_name = "Person " + std::to_string(person);
    s.gender = std::move(gender);
    s.stakeholder_group = std::move(group);
    s.region = std::move(region);
    return s;
}

}  // namespace

TEST(SpeakerStatistics, SharesAddUpToAHundred) {
    EXPECT_EQ(shares_in_tenths({1, 1, 1}), (std::vector<int>{334, 333, 333}));
    EXPECT_EQ(shares_in_tenths({2, 1}), (std::vector<int>{667, 333}));
    EXPECT_EQ(shares_in_tenths({0, 0}), (std::vector<int>{0, 0}));
    EXPECT_EQ(shares_in_tenths({5}), (std::vector<int>{1000}));
    EXPECT_EQ(shares_in_tenths({}), std::vector<int>{});
    std::mt19937 random(3);
    for (int round = 0; round < 500; ++round) {
        std::vector<std::size_t> parts(1 + random() % 9);
        for (auto& p : parts) p = random() % 5000;
        auto shares = shares_in_tenths(parts);
        auto whole = std::accumulate(parts.begin(), parts.end(), std::size_t{0});
        EXPECT_EQ(std::accumulate(shares.begin(), shares.end(), 0), whole ? 1000 : 0);
        for (std::size_t i = 0; i < parts.size() && whole; ++i) {
            double exact = 1000.0 * parts[i] / whole;
            EXPECT_LT(std::abs(shares[i] - exact), 1.0) << parts[i] << " of " << whole;
        }
    }
    EXPECT_EQ(share_in_tenths(1, 3), 333);
    EXPECT_EQ(share_in_tenths(2, 3), 667);
    EXPECT_EQ(share_in_tenths(1, 8), 125);
    EXPECT_EQ(share_in_tenths(1, 2000), 1);  // 0.05% rounds up to 0.1%
    EXPECT_EQ(share_in_tenths(3, 0), 0);
}

TEST(SpeakerStatistics, OneTranscript) {
    // 10 turns, 1000 words; the chair 400 words, a remote intervention 100, a woman linked
    // 300, a label not linked 150, 50 words of turns with no speaker named.
    std::vector<TranscriptTally> t = {{1, std::nullopt, false, 10, 1000, 0, false}};
    std::vector<SpeakerTally> s = {
        speaker(1, "CHAIR ST. AMOUR", "chair", 4, 400),
        speaker(1, "REMOTE INTERVENTION", "remote_intervention", 1, 100),
        linked(speaker(1, "ANA SILVA", "", 2, 300), 5, "woman", "civil_society", "grulac"),
        speaker(1, "PAUL WILSON", "", 2, 150),
    };
    auto st = speaker_statistics(t, s);
    EXPECT_EQ(st.transcripts, 1u);
    EXPECT_FALSE(st.timed);
    EXPECT_EQ(st.all.words, 1000u);
    EXPECT_EQ(st.named.words, 950u);
    EXPECT_EQ(st.linked.words, 300u);
    ASSERT_EQ(st.speakers.size(), 4u);
    EXPECT_EQ(st.speakers[0].label, "CHAIR ST. AMOUR");
    EXPECT_EQ(st.speakers[0].role, "chair");
    EXPECT_EQ(st.speakers[1].label, "ANA SILVA");
    EXPECT_EQ(st.speakers[1].person_name, "Person 5");
    EXPECT_EQ(st.by_role.at("chair").words, 400u);
    EXPECT_EQ(st.by_role.at(not_named).words, 50u);
    EXPECT_EQ(st.by_role.at(not_named).turns, 1u);
    EXPECT_EQ(st.by_gender.at("woman").words, 300u);
    EXPECT_EQ(st.by_gender.at(not_linked).words, 650u);
    EXPECT_EQ(st.by_gender.at(not_named).words, 50u);
    EXPECT_EQ(st.by_group.at("civil_society").words, 300u);
    EXPECT_EQ(st.by_region.at("grulac").words, 300u);
    auto h = headline(st);
    EXPECT_EQ(h.chair, 400);
    EXPECT_EQ(h.remote, 100);
    EXPECT_EQ(h.not_named, 50);
    EXPECT_EQ(h.linked, 300);
    EXPECT_EQ(h.women, 1000);  // of the linked speakers' words
    // Every dimension covers every word.
    for (const auto* d : {&st.by_role, &st.by_group, &st.by_gender, &st.by_region}) {
        std::size_t words = 0;
        for (const auto& [k, c] : *d) words += c.words;
        EXPECT_EQ(words, st.all.words);
    }
}

TEST(SpeakerStatistics, LinkingTheChairsLabelsMakesOneSpeakerAndChangesTheShares) {
    std::vector<TranscriptTally> t = {{1, std::nullopt, false, 6, 600, 0, false},
                                      {2, std::nullopt, false, 4, 400, 0, false}};
    std::vector<SpeakerTally> before = {
        speaker(1, "CHAIR ST. AMOUR", "chair", 3, 300),
        speaker(2, "LYNN ST. AMOUR", "", 2, 200),
        linked(speaker(1, "PAUL WILSON", "", 3, 300), 9, "man", "technical_community",
               "asia_pacific"),
        linked(speaker(2, "PAUL WILSON", "", 2, 200), 9, "man", "technical_community",
               "asia_pacific"),
    };
    auto st = speaker_statistics(t, before);
    EXPECT_EQ(st.speakers.size(), 3u);
    EXPECT_EQ(*headline(st).women, 0);
    EXPECT_EQ(st.speakers[0].transcripts, 2u);  // Paul Wilson, in both
    auto after = before;
    after[0] = linked(after[0], 4, "woman", "civil_society", "weog");
    after[1] = linked(after[1], 4, "woman", "civil_society", "weog");
    auto st2 = speaker_statistics(t, after);
    ASSERT_EQ(st2.speakers.size(), 2u);
    EXPECT_EQ(st2.speakers[0].count.words, 500u);
    EXPECT_EQ(st2.speakers[0].labels.size(), 2u);
    EXPECT_EQ(st2.speakers[0].transcripts, 2u);
    EXPECT_EQ(st2.speakers[0].role, "");  // a chair's label and a name
    EXPECT_EQ(*headline(st2).women, 500);
    EXPECT_EQ(headline(st2).chair, 300);  // the chair's label still counts as the chair
    EXPECT_EQ(st2.by_region.at("weog").words, 500u);
    EXPECT_EQ(st2.by_gender.count(not_linked), 0u);
}

TEST(SpeakerStatistics, ALiveRoomsCaptionsInTwoLanguagesCountOnce) {
    std::vector<TranscriptTally> t = {
        {1, 40, true, 10, 900, 600, true},  // en
        {2, 40, true, 8, 700, 500, true},   // fr: fewer turns, left out
        {3, std::nullopt, false, 5, 100, 0, false},
    };
    std::vector<SpeakerTally> s = {
        speaker(1, "CHAIR", "chair", 10, 900, 600),
        speaker(2, "PR\xC3\x89SIDENT", "", 8, 700, 500),
        speaker(3, "ANA", "", 5, 100),
    };
    auto st = speaker_statistics(t, s);
    EXPECT_EQ(st.transcripts, 2u);
    EXPECT_EQ(st.left_out, (std::vector<std::int64_t>{2}));
    EXPECT_TRUE(st.timed);
    EXPECT_EQ(st.all.words, 1000u);
    EXPECT_EQ(st.all.seconds, 600u);
    EXPECT_EQ(st.speakers.size(), 2u);
    EXPECT_EQ(st.speakers[0].count.seconds, 600u);
}

TEST(SpeakerStatistics, NothingSpoken) {
    auto st = speaker_statistics({}, {});
    EXPECT_EQ(st.transcripts, 0u);
    EXPECT_TRUE(st.speakers.empty());
    auto h = headline(st);
    EXPECT_EQ(h.chair, 0);
    EXPECT_FALSE(h.women);
}
