#include "web/site/static_assets.hpp"

#include <map>

#include "core/common/assets.hpp"
#include "security/secrets.hpp"

namespace convene::web {

namespace {

constexpr std::size_t hash_length = 10;

// The content hashes of static/, computed once: the files are compiled in.
const std::map<std::string, std::string, std::less<>>& hashes() {
    static const auto all = [] {
        std::map<std::string, std::string, std::less<>> out;
        for (const auto& [path, content] : assets())
            if (path.starts_with("static/"))
                out.emplace(std::string(path.substr(7)),
                            token_hash(content).substr(0, hash_length));
        return out;
    }();
    return all;
}

bool is_hex(std::string_view s) {
    return s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace

std::string static_path(std::string_view file) {
    auto it = hashes().find(file);
    if (it == hashes().end()) return "/static/" + std::string(file);
    auto dot = file.rfind('.');
    return "/static/" + std::string(file.substr(0, dot)) + "." + it->second +
           std::string(file.substr(dot));
}

const nlohmann::json& static_paths() {
    static const auto all = [] {
        nlohmann::json out = nlohmann::json::object();
        for (const auto& [file, hash] : hashes()) {
            std::string key = file;
            for (auto& c : key)
                if (c == '.' || c == '-') c = '_';
            out[key] = static_path(file);
        }
        return out;
    }();
    return all;
}

std::optional<StaticName> resolve_static_name(std::string_view requested) {
    if (hashes().count(requested)) return StaticName{std::string(requested), false};
    // "stem.HASH.ext": the hash is the second-to-last dot-separated part.
    auto last = requested.rfind('.');
    if (last == std::string_view::npos || last == 0) return std::nullopt;
    auto before = requested.rfind('.', last - 1);
    if (before == std::string_view::npos) return std::nullopt;
    auto hash = requested.substr(before + 1, last - before - 1);
    if (hash.size() != hash_length || !is_hex(hash)) return std::nullopt;
    std::string file =
        std::string(requested.substr(0, before)) + std::string(requested.substr(last));
    auto it = hashes().find(file);
    if (it == hashes().end()) return std::nullopt;
    return StaticName{file, it->second == hash};
}

}  // namespace convene::web
