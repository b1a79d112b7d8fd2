#pragma once
// The files of static/ under names that carry a hash of their content
// ("/static/convene.3f2a1c9d0b.css"): browsers keep them for a year and fetch the new
// name when a release changes the file.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace convene::web {

// The hashed address of one static file ("convene.css" -> "/static/convene.<hash>.css").
std::string static_path(std::string_view file);

// Every static file's hashed address, keyed for templates: {"convene_css": "/static/..."}.
const nlohmann::json& static_paths();

struct StaticName {
    std::string file;   // the file in static/ ("convene.css")
    bool current_hash;  // the name carries the hash of today's content
};

// Which static file a requested name means: the plain name, or one with a hash
// (current or of an earlier release); nothing when no such file exists.
std::optional<StaticName> resolve_static_name(std::string_view requested);

}  // namespace convene::web
