#pragma once
// One fuzz target per parser of outside input. Each file defines its targets with
// CONVENE_FUZZ_TARGET(name, {seeds...}) { ... data, size ... }, which registers them.
// `make fuzz` builds one libFuzzer binary per target with clang (libfuzzer_main.cpp runs
// the target named at build time); the unit tests (tests/unit/fuzz/) replay every target
// over its seeds, its corpus (fuzz/corpus/<name>/: inputs from the test data and every
// fixed finding) and thousands of deterministic mutations under ASan and UBSan. A target catches
// only the errors its parser documents for bad input; anything else (a crash, an unexpected
// exception, a sanitizer report) is a finding.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace convene::fuzz {

using Target = std::function<void(const std::uint8_t*, std::size_t)>;
struct Registered {
    std::string name;
    Target run;
    std::vector<std::string> seeds;  // inputs that parse, to mutate from
};
std::vector<Registered>& targets();
struct Registrar {
    Registrar(std::string name, Target run, std::vector<std::string> seeds) {
        targets().push_back({std::move(name), std::move(run), std::move(seeds)});
    }
};

inline std::string_view text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace convene::fuzz

#define CONVENE_FUZZ_TARGET(name, ...)                                                         \
    static void fuzz_##name(const std::uint8_t* data, std::size_t size);                       \
    static const ::convene::fuzz::Registrar registrar_##name(#name, fuzz_##name, __VA_ARGS__); \
    static void fuzz_##name(const std::uint8_t* data, std::size_t size)
