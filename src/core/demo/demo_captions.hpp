#pragma once
// The captions of the demo's meeting in progress, as a captioner types them: the chair
// opens, then each speaker's turn in the order they spoke (">> NAME:" lines, as in the
// forum's transcripts), the chair handing the floor on; the last speaker named is the one
// with the floor, still speaking. Each turn comes in a few chunks, numbered 1, 2, 3, ...
// Pure: no I/O.
#include <string>
#include <vector>

#include "core/live/captions.hpp"

namespace convene {

struct DemoCaption {
    int turn = -1;  // -1 for the chair's opening; else the index into `speakers`
    live::CaptionChunk chunk;
};

// The chunks for `speakers` (their names, in the order they spoke).
std::vector<DemoCaption> demo_meeting_captions(const std::vector<std::string>& speakers);

}  // namespace convene
