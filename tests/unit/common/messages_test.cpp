#include "core/common/messages.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

using namespace convene;

TEST(MessageCatalog, EveryEntryHasWellFormedPlaceholders) {
    ASSERT_FALSE(message_catalog().empty());
    for (const auto& [key, text] : message_catalog()) {
        EXPECT_FALSE(text.empty()) << key;
        EXPECT_NO_THROW(message_placeholders(text)) << key;
        // "{name}" is a typo for a placeholder (JSON examples in texts use "{\"").
        EXPECT_FALSE(std::regex_search(text, std::regex(R"((^|[^{])\{[a-z_]+\}([^}]|$))")))
            << key << ": " << text;
    }
}

TEST(MessageCatalog, SayFillsNamedParameters) {
    EXPECT_EQ(say("text.too_long", {{"label", "Title"}, {"length", 130}, {"max", 120}}),
              "Title is 130 characters long; the limit is 120.");
    EXPECT_EQ(say("password.too_short"), "Password must be at least 10 characters long.");
    EXPECT_EQ(say_label("role.evaluator"), "MAG member (evaluator)");
}

TEST(MessageCatalog, AMissingKeyOrParameterIsAProgrammingError) {
    EXPECT_THROW(say("no.such.key"), std::logic_error);
    EXPECT_THROW(say("text.required"), std::logic_error);
    EXPECT_THROW(say_label("text.required"), std::logic_error);
    EXPECT_THROW(message_placeholders("{{Name}}"), std::logic_error);
    EXPECT_THROW(message_placeholders("{{open"), std::logic_error);
}

// Every key the sources name with say("...") or say_label("...") is in the catalog.
TEST(MessageCatalog, EveryKeyUsedInTheSourcesIsInTheCatalog) {
    std::set<std::string> known;
    for (const auto& [key, text] : message_catalog()) known.insert(key);
    // The unit tests know the tests/data folder; the sources sit two levels up.
    auto src = std::filesystem::path(CONVENE_TEST_DATA) / ".." / ".." / "src";
    if (!std::filesystem::exists(src)) GTEST_SKIP() << "sources not found";
    std::regex used(R"re(\bsay(?:_label)?\("([a-z0-9_.]+)")re");
    int checked = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(src)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        auto s = text.str();
        for (std::sregex_iterator it(s.begin(), s.end(), used), end; it != end; ++it) {
            auto key = (*it)[1].str();
            // A key ending in '.' is a prefix completed at run time.
            if (key.back() == '.') continue;
            ++checked;
            EXPECT_TRUE(known.count(key)) << entry.path() << " uses unknown message " << key;
        }
    }
    EXPECT_GT(checked, 50);
}

// A stored code reads as its catalog label, or as words when the catalog has none yet.
TEST(MessageCatalog, CodesReadAsLabels) {
    EXPECT_EQ(code_label("outbox.status.", "failed"), "Given up");
    EXPECT_EQ(code_label("proposal_status.", "submitted"), "Submitted");
    EXPECT_EQ(code_label("stakeholder_group.", "private_sector"), "Private Sector");
    EXPECT_EQ(code_label("proposal_status.", "on_hold"), "On hold");
    EXPECT_EQ(code_words(""), "");
}
