#pragma once
// Markdown from users rendered by cmark-gfm in safe mode: raw HTML is dropped and
// javascript:, vbscript: and data: links are removed.
#include <string>
#include <string_view>

namespace convene::web {

std::string markdown_html(std::string_view text);

}  // namespace convene::web
