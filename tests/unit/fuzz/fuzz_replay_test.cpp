// Every fuzz target (fuzz/), replayed over its seeds and its corpus (fuzz/corpus/<target>/:
// inputs made from the test data, and every finding of libFuzzer once fixed) and
// deterministic mutations of them: flipped and inserted bytes, cut and repeated pieces,
// JSON and text tokens spliced in, and plain noise. Under the sanitizer build this is a
// short fuzzing run in every `make test`; `make fuzz` runs the same targets under libFuzzer
// for longer.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "fuzz/target.hpp"

namespace {

const char* tokens[] = {"{",      "}",           "[",       "]",          "\"",
                        ":",      ",",           "null",    "true",       "-1",
                        "1e999",  "0.5",         "\\u0000", "\\ud800",    "\n",
                        "T",      "-",           ":00",     "2027-02-30", "9999999999999999999",
                        "\"id\"", "\"windows\"", "–",       "\xff",       "\0"};

std::string mutate(std::string s, std::mt19937_64& rng) {
    auto pick = [&](std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng() % n); };
    for (int ops = 1 + static_cast<int>(pick(6)); ops > 0; --ops) {
        switch (pick(6)) {
            case 0:  // flip a byte
                if (!s.empty()) s[pick(s.size())] ^= static_cast<char>(1u << pick(8));
                break;
            case 1:  // insert a byte
                s.insert(pick(s.size() + 1), 1, static_cast<char>(rng()));
                break;
            case 2: {  // cut a piece
                auto at = pick(s.size() + 1);
                s.erase(at, pick(16));
                break;
            }
            case 3: {  // repeat a piece
                auto at = pick(s.size() + 1);
                auto piece = s.substr(at, pick(32));
                s.insert(pick(s.size() + 1), piece);
                break;
            }
            case 4: {  // splice in a token
                std::string t = tokens[pick(std::size(tokens))];
                s.insert(pick(s.size() + 1), t.empty() ? std::string(1, '\0') : t);
                break;
            }
            default:  // truncate
                s.resize(pick(s.size() + 1));
        }
    }
    return s;
}

std::vector<std::string> corpus(const std::string& target) {
    std::vector<std::string> inputs;
    std::filesystem::path dir = std::filesystem::path(CONVENE_FUZZ_CORPUS) / target;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        inputs.push_back(bytes.str());
    }
    return inputs;
}

}  // namespace

TEST(Fuzz, EveryTargetHasACorpusMadeFromTheTestData) {
    for (const auto& t : convene::fuzz::targets())
        EXPECT_FALSE(corpus(t.name).empty()) << "fuzz/corpus/" << t.name << "/";
}

TEST(Fuzz, EveryParserSurvivesMutationsOfItsSeeds) {
    ASSERT_GE(convene::fuzz::targets().size(), 7u);
    for (const auto& t : convene::fuzz::targets()) {
        SCOPED_TRACE(t.name);
        std::mt19937_64 rng(20261201);
        auto run = [&](const std::string& input) {
            t.run(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
        };
        run("");
        for (const auto& seed : t.seeds) {
            run(seed);
            for (int i = 0; i < 1500; ++i) run(mutate(seed, rng));
        }
        for (const auto& input : corpus(t.name)) {
            run(input);
            for (int i = 0; i < 100; ++i) run(mutate(input, rng));
        }
        for (int i = 0; i < 300; ++i) {  // noise
            std::string noise(static_cast<std::size_t>(rng() % 200), '\0');
            for (auto& c : noise) c = static_cast<char>(rng());
            run(noise);
        }
        // Deep nesting and long input stay within the parsers' limits.
        run(std::string(100000, '[') + std::string(100000, ']'));
        run(std::string(1 << 20, 'a'));
    }
}
