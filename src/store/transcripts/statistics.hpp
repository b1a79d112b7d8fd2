#pragma once
// What the statistics of who speaks count (core/transcripts/statistics.hpp), read from the
// stored transcripts of an edition, or of one of them: every transcript's turns and words
// (and seconds where timed), and every speaker with the person linked to it (in the
// transcript itself, else to its label for every transcript unless it is a role alone)
// and that person's stakeholder group, gender and UN regional group (from the country).
// Read at the moment asked: a link made a moment ago counts.
#include <optional>
#include <vector>

#include "core/common/ids.hpp"
#include "core/transcripts/statistics.hpp"
#include "core/transcripts/transcript.hpp"
#include "database/database.hpp"

namespace convene::store {

struct SpeakerFigures {
    std::vector<transcripts::TranscriptTally> transcripts;
    std::vector<transcripts::SpeakerTally> speakers;
};
SpeakerFigures speaker_figures(db::Connection& c, EditionId edition,
                               std::optional<TranscriptId> transcript = std::nullopt);

}  // namespace convene::store
