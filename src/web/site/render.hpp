#pragma once
// Pages are mustache templates (templates/*.mustache, compiled in) filled from JSON
// view models. {{ }} escapes HTML; only the layout's {{{content}}} takes HTML that was
// itself rendered from a template. templates/partials/* are available as {{>name}}.
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace convene::web {

// Values computed only if the template asks for them (the CSRF token: a page without a
// form sets no cookie and stays cacheable).
using LazyValues = std::vector<std::pair<std::string, std::function<std::string()>>>;

// Renders templates/<name>.mustache with the view; throws std::runtime_error when the
// template is missing or malformed.
std::string render_template(const std::string& name, const nlohmann::json& view,
                            const LazyValues& lazy = {});

}  // namespace convene::web
