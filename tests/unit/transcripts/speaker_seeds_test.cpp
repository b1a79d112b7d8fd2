// The forum's seed transcripts (../shared/seeds, skipped when absent): the labels of all
// of them together, the chair's labels are suggested with the chair's own label, and a
// role alone (a moderator) never is. The labels are read here, at test time.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "core/transcripts/reading.hpp"
#include "core/transcripts/similarity.hpp"
#include "core/transcripts/speakers.hpp"
#include "test_files.hpp"

using namespace convene::transcripts;

TEST(SpeakerSeeds, TheChairsLabelsGoWithTheChairsName) {
    std::filesystem::path folder = CONVENE_SEEDS;
    if (!std::filesystem::is_directory(folder)) GTEST_SKIP() << "no seeds at " << folder;
    std::map<std::string, LabelToLink> by_key;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        auto r = read_transcript(read_test_file(entry.path()));
        if (!r.refusal.empty()) continue;
        for (const auto& c : speaker_counts(r.transcript)) {
            auto key = label_key(c.label);
            auto& l =
                by_key.try_emplace(key, LabelToLink{key, c.label, std::nullopt, 0}).first->second;
            l.turns += c.turns;
        }
    }
    std::vector<LabelToLink> labels;
    for (const auto& [key, l] : by_key) labels.push_back(l);
    // The chair's labels with a name, and for each the label that is that name in full.
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& chair : labels) {
        auto role = label_role(chair.label);
        if (role.role != "chair" || role.name.empty()) continue;
        auto family = " " + label_key(role.name);
        for (const auto& own : labels) {
            auto key = label_key(own.label);
            if (label_role(own.label).role.empty() && key.size() > family.size() &&
                key.ends_with(family))
                pairs.emplace_back(chair.label, own.label);
        }
    }
    if (pairs.empty()) GTEST_SKIP() << "no seed has a chair's label and the chair's own";
    auto suggestions = suggest_links(labels, {});
    for (const auto& [chair, own] : pairs) {
        bool together = false;
        for (const auto& s : suggestions) {
            bool has_chair = false, has_own = false;
            for (auto i : s.labels) {
                has_chair = has_chair || labels[i].label == chair;
                has_own = has_own || labels[i].label == own;
            }
            together = together || (has_chair && has_own);
        }
        EXPECT_TRUE(together) << chair << " and " << own;
    }
    for (const auto& s : suggestions)
        for (auto i : s.labels)
            EXPECT_FALSE(label_role(labels[i].label).name.empty()) << labels[i].label;
}
