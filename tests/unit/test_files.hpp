#pragma once
// Reading the test data files (tests/data, ../shared/seeds) into strings.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

inline std::string read_test_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
