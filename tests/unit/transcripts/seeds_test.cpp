// The forum's four seed transcripts (../shared/seeds 000-003, skipped when absent): every
// line beginning with ">>" is a turn, with the speaker labels counted here by hand.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "core/transcripts/formats.hpp"
#include "core/transcripts/reading.hpp"
#include "test_files.hpp"

using namespace convene::transcripts;

namespace {

struct SeedExpectation {
    std::string file;
    std::size_t turns = 0, unnamed = 0;
    std::map<std::string, std::size_t> labels;  // label -> turns
};

const std::vector<SeedExpectation>& seeds() {
    static const std::vector<SeedExpectation> all = {
        {"000_aad60a2a988caa7e.txt",
         102,
         39,
         {{"ANJA", 1},
          {"CHENGETAI MASANGO", 11},
          {"LUIS BOBO", 2},
          {"LYNN ST. AMOUR", 45},
          {"RASHA", 4}}},
        {"001_b6d7ea797a126266.txt",
         54,
         1,
         {{"ANDREA SAKS", 1},
          {"AVRI DORIA", 1},
          {"BENEDICTO FONSECA", 1},
          {"CHAIR ST. AMOUR", 24},
          {"CHENGETAI MASANGO", 2},
          {"CONSTANCE BOMMELAER", 1},
          {"GERMAN VALDEZ", 1},
          {"IZUMI OKUTANI", 1},
          {"JAC SM KEE", 2},
          {"JAC sm KEE", 1},
          {"MARILYN CADE", 3},
          {"MARK CARVELL", 1},
          {"MARKUS KUMMER", 2},
          {"MICHAEL NELSON", 3},
          {"REMOTE INTERVENTION", 4},
          {"REMOTE INVERVENTION", 1},
          {"RENATA AQUINO RIBEIRO", 1},
          {"SUSAN CHALMERS", 1},
          {"VIRAT BHATIA", 2}}},
        {"002_8ddeed079c259391.txt",
         265,
         7,
         {{"ADAM PEAKE", 1},
          {"ANA NEVES", 1},
          {"ANDREA SAX", 1},
          {"ANDREY SHCHERBOVICH", 3},
          {"ANRIETTE ESTERHUYSEN", 1},
          {"AYESHA HASSAN", 7},
          {"AZERBAIJAN", 1},
          {"BILL DRAKE", 5},
          {"CECIL McCAIN", 1},
          {"CHARLIE SELL", 1},
          {"CHENGETAI MASANGO", 27},
          {"CHRIS DISSPAIN", 1},
          {"COLLINS ATAHO", 2},
          {"CONSTANCE BOMMELAER", 3},
          {"ELMIR VALIZADA", 120},
          {"FELIX SAMAKANDE", 1},
          {"GIACOMO MAZZONE", 1},
          {"IZUMI AIZU", 15},
          {"JEFF BRUEGGEMAN", 1},
          {"JUDY OKITE", 3},
          {"KIEREN McCARTHY", 3},
          {"LAURA HUTCHINSON", 1},
          {"MARILYN CADE", 1},
          {"MARK CARVELL", 3},
          {"MASANOBU KATOH", 1},
          {"MERVI KULTAMAA", 1},
          {"NURANI NIMPUNO", 1},
          {"OLGA CAVALLI", 1},
          {"PAUL RENDEK", 1},
          {"PAUL WILSON", 6},
          {"PETER MAJOR", 6},
          {"QUSAI AL-SHATTI", 1},
          {"RICARDO PEDRAZA BARRIOS", 1},
          {"ROBERT GUERRA", 4},
          {"THERESA SWINEHART", 3},
          {"THOMAS SPILLER", 1},
          {"TIJANI BEN JAMAA", 1},
          {"VALERIA BETANCOURT", 1},
          {"VLADIMIR RADUNOVIC", 13},
          {"VYATCHASLAVA CHERAKOV", 1},
          {"VYATCHESLAV CHERKASOV", 7},
          {"WENDY SELTZER", 1},
          {"WOLFGANG KLEINWACHTER", 2},
          {"YULIYA MORENETS", 1}}},
        {"003_af087509bcd7488d.txt",
         82,
         45,
         {{"CARLA REYES", 3},
          {"ELEONORA MAZZUCCHI", 3},
          {"GERRY ELLIS", 3},
          {"JUTTA CROLL", 4},
          {"MODERATOR", 22},
          {"NIGEL HICKSON", 2}}},
    };
    return all;
}

std::filesystem::path seed_path(const std::string& file) {
    return CONVENE_SEEDS "/" + file;
}

// The lines of the file that begin with ">>" once spaces (U+00A0 among them) are set aside.
std::size_t marker_lines(const std::string& text) {
    std::size_t n = 0;
    for (std::size_t start = 0; start <= text.size();) {
        auto end = std::min(text.find('\n', start), text.size());
        std::string_view l = std::string_view(text).substr(start, end - start);
        start = end + 1;
        while (!l.empty() && (l.front() == ' ' || l.substr(0, 2) == "\xC2\xA0"))
            l.remove_prefix(l.front() == ' ' ? 1 : 2);
        n += l.substr(0, 2) == ">>";
    }
    return n;
}

}  // namespace

TEST(TranscriptSeeds, EveryMarkerIsATurnWithTheRightSpeaker) {
    for (const auto& seed : seeds()) {
        SCOPED_TRACE(seed.file);
        auto path = seed_path(seed.file);
        if (!std::filesystem::exists(path)) GTEST_SKIP() << "../shared/seeds is not here";
        auto bytes = read_test_file(path);
        auto r = read_transcript(bytes);
        ASSERT_EQ(r.refusal, "");
        const auto& t = r.transcript;
        EXPECT_EQ(t.turns.size(), marker_lines(bytes));
        EXPECT_EQ(t.turns.size(), seed.turns);
        std::map<std::string, std::size_t> labels;
        std::size_t unnamed = 0;
        for (const auto& turn : t.turns) {
            if (turn.speaker)
                ++labels[*turn.speaker];
            else
                ++unnamed;
            EXPECT_EQ(turn.text.find("\xC2\xA0"), std::string::npos);
            EXPECT_EQ(turn.text.find("\xE2\x80\x91"), std::string::npos);
            EXPECT_EQ(turn.text.find("  "), std::string::npos);
            EXPECT_NE(turn.text.rfind(">>", 0), 0u);
        }
        EXPECT_EQ(labels, seed.labels);
        EXPECT_EQ(unnamed, seed.unnamed);
        EXPECT_FALSE(t.header.disclaimer.empty());
        EXPECT_EQ(t.bad_bytes_total, 0u);
        // Written out in the same format, it reads back the same.
        auto again = read_transcript(seed_text(t)).transcript;
        ASSERT_EQ(again.turns.size(), t.turns.size());
        for (std::size_t i = 0; i < t.turns.size(); ++i) {
            EXPECT_EQ(again.turns[i].speaker, t.turns[i].speaker);
            EXPECT_EQ(again.turns[i].text, t.turns[i].text);
        }
        EXPECT_EQ(again.directions.size(), t.directions.size());
    }
}

TEST(TranscriptSeeds, HeadersDirectionsAndTheFooter) {
    auto path = seed_path("003_af087509bcd7488d.txt");
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "../shared/seeds is not here";
    auto meeting = read_transcript(read_test_file(path)).transcript;
    EXPECT_EQ(meeting.header.event, "IGF 2018");
    EXPECT_EQ(meeting.header.day, "Day 3");
    EXPECT_EQ(meeting.header.room, "Salle XI");
    EXPECT_EQ(meeting.header.title, "Dynamic Coalition (DC) Coordination Session");
    // Named turns with words have their text.
    for (const auto& turn : meeting.turns) {
        if (turn.speaker) {
            EXPECT_FALSE(turn.text.empty()) << *turn.speaker;
        }
    }

    auto call = read_transcript(read_test_file(seed_path("000_aad60a2a988caa7e.txt"))).transcript;
    EXPECT_EQ(call.header.event, "2018 IGF");
    bool standing_by = false;
    for (const auto& d : call.directions)
        standing_by = standing_by || (d.text == "(standing by)" && d.turn == 0u && !d.within_text);
    EXPECT_TRUE(standing_by);

    auto consultation =
        read_transcript(read_test_file(seed_path("001_b6d7ea797a126266.txt"))).transcript;
    EXPECT_EQ(consultation.header.date, "2016-04-06");

    auto mag = read_transcript(read_test_file(seed_path("002_8ddeed079c259391.txt"))).transcript;
    EXPECT_EQ(mag.header.date, "2012-05-17");
    ASSERT_FALSE(mag.directions.empty());
    EXPECT_EQ(mag.directions.front().text, "[ Gavel ]");
    EXPECT_FALSE(mag.directions.front().turn);
    bool footer = false;
    for (const auto& u : mag.unread)
        footer = footer || (u.text == "Contact Information" && u.reason == "after_last_turn");
    EXPECT_TRUE(footer);
    EXPECT_EQ(mag.turns.back().text.find("Contact"), std::string::npos);
}
