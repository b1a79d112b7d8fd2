#pragma once
// What the caption viewers read of a room's captions (the captions backend writes them):
// the languages it is captioned in, and each stream's text as applied so far. Read only.
#include <cstdint>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "database/database.hpp"

namespace convene::store {

struct CaptionReading {
    std::string language;
    std::int64_t applied = 0;  // the last sequence applied
    std::string text;          // backspaces done
};

// The room's caption languages in the order shown; "en" when none is named.
std::vector<std::string> caption_languages_of(db::Connection& c, LiveRoomId room);
// The stream in one language (empty when nothing was sent yet).
CaptionReading caption_reading(db::Connection& c, LiveRoomId room, const std::string& language);

}  // namespace convene::store
