#include "web/site/markdown.hpp"

#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>

namespace convene::web {

std::string markdown_html(std::string_view text) {
    // CMARK_OPT_UNSAFE is deliberately absent: without it cmark-gfm is safe.
    std::unique_ptr<char, decltype(&std::free)> html(
        cmark_markdown_to_html(text.data(), text.size(), CMARK_OPT_DEFAULT | CMARK_OPT_SMART),
        std::free);
    return html ? std::string(html.get()) : std::string{};
}

}  // namespace convene::web
