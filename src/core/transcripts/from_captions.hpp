#pragma once
// A live room's captions become its transcript when the room closes: each caption turn
// (">> NAME:" as the captioner typed it, with the times of its first and last chunks)
// a turn with times, its directions set apart as in a file; and each speaker label linked
// to the person the speaking queue gave the floor, where that can be told: the label
// names them (the captioner's picker fills the name from the queue), or the label's turns
// fall, most of them, within that person's turns at the microphone. Pure: no I/O.
#include <optional>
#include <string>
#include <vector>

#include "core/transcripts/transcript.hpp"

namespace convene::transcripts {

struct CaptionTurnIn {
    std::string speaker;  // as typed after ">>", without the colon; "" when unnamed
    std::string text;
    std::string started_at, ended_at;  // UTC "...Z"
};

// The transcript of a room's caption turns (one language), its header from the room.
Transcript transcript_of_captions(const std::vector<CaptionTurnIn>& turns, const Header& header);

// A finished turn of the speaking queue.
struct FloorTurn {
    std::string person;  // the queue's key ("account:12", "remote:Ana Silva")
    std::optional<std::int64_t> account;
    std::string name;
    std::string started_at, ended_at;  // UTC "...Z"
};

struct QueueLink {
    std::string label_key;  // speakers.hpp label_key of the label
    std::string person;     // the queue's key
    std::optional<std::int64_t> account;
    bool by_name = false;  // the label names them (else: by the times of the turns)
};
// The links that can be told, one per label: by name first (the label, or the label
// without its role's words, has the key of a speaker's name); then, for labels that are
// not roles, by time: at least two thirds of the label's turns begin while one person had
// the floor (and no other label claims that person by name).
std::vector<QueueLink> link_to_queue(const Transcript& t, const std::vector<FloorTurn>& floor);

}  // namespace convene::transcripts
