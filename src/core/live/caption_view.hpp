#pragma once
// How a reader sees a room's captions: the text as turns, split where the last turn
// begins (what came before no longer changes, so a viewer's script only needs the text
// of the last turn to apply the next chunks and their backspaces), and the full-screen
// view's choices of size and contrast, each a code a plain link can carry. Pure: no I/O.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/live/captions.hpp"

namespace convene::live {

// Where the stream's last turn begins: the start of its last line beginning with ">>",
// or 0 when it has none.
std::size_t last_turn_start(const std::string& text);

struct CaptionTurnsView {
    std::vector<CaptionTurn> settled;  // the turns before the last one: they no longer change
    std::vector<CaptionTurn> last;     // the last turn (none when nothing was said yet)
    std::string last_text;             // the text from where the last turn begins, as sent
};
CaptionTurnsView caption_turns_view(const std::string& text);

// The text sizes of the full-screen view, smallest to largest, and its contrasts.
inline constexpr int min_caption_size = 1, max_caption_size = 6, default_caption_size = 3;
inline constexpr std::string_view caption_contrasts[] = {"light", "dark", "yellow"};

struct CaptionDisplay {
    int size = default_caption_size;
    std::string contrast = "light";  // dark on light; "dark": light on dark; "yellow": on black
};
// The display a query asks for; an empty value keeps the default; nullopt when a value
// is not one of the choices.
std::optional<int> caption_size(std::string_view value);
std::optional<std::string> caption_contrast(std::string_view value);

}  // namespace convene::live
