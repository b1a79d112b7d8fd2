// The libFuzzer entry of one target, named when the binary is built (CONVENE_FUZZ_NAME).
#include <cstdlib>
#include <iostream>

#include "fuzz/target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const convene::fuzz::Target* target = [] {
        for (const auto& t : convene::fuzz::targets())
            if (t.name == CONVENE_FUZZ_NAME) return &t.run;
        std::cerr << "no fuzz target named " << CONVENE_FUZZ_NAME << "\n";
        std::abort();
    }();
    (*target)(data, size);
    return 0;
}
