#pragma once
// Who speaks at the forum, for one transcript or a whole edition: each speaker's turns,
// words and (where the transcript has times) seconds; the shares of the chair, of remote
// interventions and of the turns whose speaker is not named; and, for the speakers
// linked to a person, the shares by stakeholder group, gender and UN regional group. A
// speaker is a person where a label is linked (every label of theirs counted together),
// else a label. Shares are of words. Pure.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace convene::transcripts {

// A transcript as counted: every turn's words, named or not.
struct TranscriptTally {
    std::int64_t transcript = 0;
    std::optional<std::int64_t> live_room;
    bool from_captions = false;
    std::size_t turns = 0, words = 0;
    std::size_t seconds = 0;  // of the turns with times
    bool timed = false;       // its turns carry times (captions)
};

// A speaker of a transcript as stored, with the person linked to it (in that transcript,
// or to its label for every transcript).
struct SpeakerTally {
    std::int64_t transcript = 0;
    std::string label, label_key, role;
    std::optional<std::int64_t> person;
    // The person's, "" when not given; region is the UN regional group of their country.
    std::string person_name, stakeholder_group, gender, region;
    std::size_t turns = 0, words = 0, seconds = 0;
};

struct Count {
    std::size_t turns = 0, words = 0, seconds = 0;
    Count& operator+=(const Count& other);
};

struct SpeakerRow {
    std::optional<std::int64_t> person;
    std::string person_name;
    std::string label;                // the label with the most words
    std::vector<std::string> labels;  // every label counted here, most words first
    std::string role;                 // the role all its labels name, else ""
    std::size_t transcripts = 0;
    Count count;
};

// The value, in each dimension, of speakers not linked to a person and of turns whose
// speaker is not named; in by_role, "" is a label that names no role.
inline constexpr const char* not_linked = "not_linked";
inline constexpr const char* not_named = "not_named";

struct Statistics {
    std::size_t transcripts = 0;
    // Left out: a live room's captions in another language, the same speech counted once.
    std::vector<std::int64_t> left_out;
    bool timed = false;  // some transcript counted has times
    Count all, named, linked;
    std::vector<SpeakerRow> speakers;  // most words first
    // Every turn in each: by role (the label's), by the linked person's stakeholder group,
    // gender ("" not given) and regional group ("" not known), not_linked and not_named.
    std::map<std::string, Count> by_role, by_group, by_gender, by_region;
};

// The transcripts counted are those given, but of one live room's captions in several
// languages only the one with the most turns (the lowest id when tied).
Statistics speaker_statistics(const std::vector<TranscriptTally>& transcripts,
                              const std::vector<SpeakerTally>& speakers);

// Shares of the whole the parts make, in tenths of a percent, that add up to 1000 (the
// largest remainders rounded up); all 0 when the whole is 0.
std::vector<int> shares_in_tenths(const std::vector<std::size_t>& parts);
// One part of a whole in tenths of a percent, rounded half up; 0 when the whole is 0.
int share_in_tenths(std::size_t part, std::size_t whole);

// The figures of "who speaks", in tenths of a percent of words: the chair's (chairs and
// co-chairs), remote interventions', the turns' whose speaker is not named, the share of
// the words spoken by speakers linked to a person, and women's share of those (none when
// no word was spoken by a linked speaker).
struct Headline {
    int chair = 0, remote = 0, not_named = 0, linked = 0;
    std::optional<int> women;
};
Headline headline(const Statistics& s);

}  // namespace convene::transcripts
