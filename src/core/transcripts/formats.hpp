#pragma once
// A transcript written out for download: as plain text in the forum's own format (which
// read_transcript reads back to the same turns and directions), and as WebVTT captions
// when its turns carry times. Pure: no I/O.
#include <string>

#include "core/transcripts/transcript.hpp"

namespace convene::transcripts {

// The title line (as read, or "event - day - room - title"), the disclaimer, "***",
// then each turn from a new line with ">> SPEAKER: " (">> " when unnamed), one line per
// paragraph, its directions alone on their lines where they stood; CRLF-free, UTF-8.
std::string seed_text(const Transcript& t);

// Whether every turn has a start and an end time (captions of a live room).
bool has_times(const Transcript& t);

// WebVTT (W3C): one cue per turn, its times from the first turn's start, the speaker as
// the cue's voice ("<v LYNN ST. AMOUR>"); a cue lasts at least a second. Empty when the
// turns carry no times.
std::string webvtt(const Transcript& t);

}  // namespace convene::transcripts
