#include "core/live/caption_view.hpp"

#include <algorithm>

namespace convene::live {

std::size_t last_turn_start(const std::string& text) {
    std::size_t found = 0, start = 0;
    while (start < text.size()) {
        if (text.compare(start, 2, ">>") == 0) found = start;
        auto end = text.find('\n', start);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return found;
}

CaptionTurnsView caption_turns_view(const std::string& text) {
    CaptionTurnsView view;
    auto split = last_turn_start(text);
    view.settled = caption_turns(text.substr(0, split));
    view.last_text = text.substr(split);
    view.last = caption_turns(view.last_text);
    // Text before any turn marker is one turn without a speaker, still open.
    return view;
}

std::optional<int> caption_size(std::string_view value) {
    if (value.empty()) return default_caption_size;
    if (value.size() != 1 || value[0] < '0' + min_caption_size || value[0] > '0' + max_caption_size)
        return std::nullopt;
    return value[0] - '0';
}

std::optional<std::string> caption_contrast(std::string_view value) {
    if (value.empty()) return std::string(caption_contrasts[0]);
    for (auto c : caption_contrasts)
        if (c == value) return std::string(c);
    return std::nullopt;
}

}  // namespace convene::live
