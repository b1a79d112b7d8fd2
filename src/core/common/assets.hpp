#pragma once
// Files compiled into the binary (templates, static files, migrations, data):
// the server needs no install directory and no working-directory conventions.
#include <map>
#include <optional>
#include <string_view>

namespace convene {

// Every embedded file, keyed by its path in the source tree ("templates/base.mustache").
const std::map<std::string_view, std::string_view>& assets();

// One embedded file, or nothing when the path is unknown.
inline std::optional<std::string_view> asset(std::string_view path) {
    const auto& all = assets();
    auto it = all.find(path);
    if (it == all.end()) return std::nullopt;
    return it->second;
}

}  // namespace convene
