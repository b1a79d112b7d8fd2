#pragma once
// A live room's captions kept as its transcripts when it closes (one per caption
// language), with the speakers the speaking queue gave the floor linked to them.
#include <vector>

#include "core/transcripts/transcript.hpp"
#include "database/database.hpp"
#include "store/live/rooms.hpp"

namespace convene::store {

// Makes the room's transcripts from its kept caption turns (store/live/captions'
// keep_caption_turns first), replacing those made at an earlier close; a language
// without a turn makes none. Returns the transcripts made.
std::vector<TranscriptId> keep_caption_transcripts(db::Connection& c, const LiveRoom& room,
                                                   const std::string& now);

}  // namespace convene::store
