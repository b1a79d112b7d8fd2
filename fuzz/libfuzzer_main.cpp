// The libFuzzer entry of one target, named when the binary is built (CONVENE_FUZZ_NAME).
// The first corpus directory on the command line, when empty, starts with the target's
// registered seeds (the committed corpus, fuzz/corpus/<target>/, comes as another one).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string_view>

#include "fuzz/target.hpp"

namespace {

const convene::fuzz::Registered& this_target() {
    static const convene::fuzz::Registered* target = [] {
        for (const auto& t : convene::fuzz::targets())
            if (t.name == CONVENE_FUZZ_NAME) return &t;
        std::cerr << "no fuzz target named " << CONVENE_FUZZ_NAME << "\n";
        std::abort();
    }();
    return *target;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    for (int i = 1; i < *argc; ++i) {
        std::string_view arg = (*argv)[i];
        if (arg.starts_with("-")) continue;
        std::error_code error;
        std::filesystem::path dir(arg);
        if (!std::filesystem::is_directory(dir, error) || !std::filesystem::is_empty(dir, error))
            break;
        int n = 0;
        for (const auto& seed : this_target().seeds)
            std::ofstream(dir / ("seed-" + std::to_string(++n)), std::ios::binary) << seed;
        break;
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto& run = this_target().run;
    run(data, size);
    return 0;
}
