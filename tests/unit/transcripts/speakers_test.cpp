// Speaker labels: which words are a label, their key, and the roles they name.
#include "core/transcripts/speakers.hpp"

#include <gtest/gtest.h>

using namespace convene::transcripts;

TEST(TranscriptSpeakers, WhatIsALabel) {
    struct Case {
        std::string text;
        std::optional<std::size_t> end;
    };
    std::vector<Case> cases = {
        {"LYNN ST. AMOUR: Thank you.", 14},
        {"CHAIR ST. AMOUR:x", 15},
        {"KIEREN McCARTHY:  Hello.", 15},
        {"JAC sm KEE: Jac speaking.", 10},
        {"QUSAI AL-SHATTI: Good morning", 15},
        {"REMOTE INVERVENTION: from Cairo", 19},
        {"JOS\xC3\x89 P\xC3\x89REZ: Hola", 12},
        {"\xD0\x98\xD0\x92\xD0\x90\xD0\x9D: \xD0\x94\xD0\xB0", 8},  // ИВАН: Да
        {"\xE4\xB8\xBB\xE5\xB8\xAD\xEF\xBC\x9A\xE8\xB0\xA2", 6},    // 主席：谢
        {"Thank you, Mr. Chair: we agree.", std::nullopt},
        {"Yes: of course.", std::nullopt},
        {"OK", std::nullopt},
        {": nothing", std::nullopt},
        {"123: numbers", std::nullopt},
        {"WHAT? NO: speech", std::nullopt},
        {std::string(90, 'A') + ": too long", std::nullopt},
        {"\xD0\xB8\xD0\xB2\xD0\xB0\xD0\xBD: \xD0\xB4\xD0\xB0", std::nullopt},  // иван: да
    };
    for (const auto& c : cases) EXPECT_EQ(label_end(c.text), c.end) << c.text;
}

TEST(TranscriptSpeakers, OneKeyForSpellingsOfALabel) {
    EXPECT_EQ(label_key("LYNN ST. AMOUR"), "lynn st amour");
    EXPECT_EQ(label_key("Lynn  St Amour"), "lynn st amour");
    EXPECT_EQ(label_key("JAC sm KEE"), label_key("JAC SM KEE"));
    EXPECT_EQ(label_key("O\xE2\x80\x99NEIL"), "oneil");
    EXPECT_EQ(label_key("QUSAI AL-SHATTI"), "qusai al shatti");
    EXPECT_EQ(label_key("JOS\xC3\x89"), "jos\xC3\xA9");
}

TEST(TranscriptSpeakers, RolesAreKeptAsRoles) {
    struct Case {
        std::string label, role, name;
    };
    std::vector<Case> cases = {
        {"CHAIR ST. AMOUR", "chair", "ST. AMOUR"},
        {"CHAIR", "chair", ""},
        {"CO-CHAIR PAT LEE", "co_chair", "PAT LEE"},
        {"MODERATOR", "moderator", ""},
        {"ONLINE MODERATOR", "online_moderator", ""},
        {"REMOTE INTERVENTION", "remote_intervention", ""},
        {"REMOTE INVERVENTION", "remote_intervention", ""},
        {"REMOTE PARTICIPANT", "remote_intervention", ""},
        {"AUDIENCE MEMBER", "floor", ""},
        {"INTERPRETER", "interpreter", ""},
        {"LYNN ST. AMOUR", "", "LYNN ST. AMOUR"},
        {"SPENCER SMITH", "", "SPENCER SMITH"},
        {"CHAIRS ROOM", "", "CHAIRS ROOM"},
        {"MODERATE VOICE", "", "MODERATE VOICE"},
    };
    for (const auto& c : cases) {
        auto r = label_role(c.label);
        EXPECT_EQ(r.role, c.role) << c.label;
        EXPECT_EQ(r.name, c.name) << c.label;
    }
}
