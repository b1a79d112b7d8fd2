// Text people paste or type: a published workshop page, a room's open windows, a
// captioner's chunks, a transcript file.
#include "core/live/captions.hpp"
#include "core/programme/venue.hpp"
#include "core/proposals/workshop_page.hpp"
#include "core/transcripts/formats.hpp"
#include "core/transcripts/reading.hpp"
#include "fuzz/target.hpp"

CONVENE_FUZZ_TARGET(workshop_page, {"IGF 2023 WS #12 Children's rights online\n"
                                    "Organizer 1: Civil Society, Western European and Others "
                                    "Group (WEOG)\nSpeaker 1: Ana Silva, [Confirmed, "
                                    "Government, WEOG]\nSession report\nKey takeaways\n"}) {
    (void)convene::parse_workshop_page(convene::fuzz::text(data, size));
}

CONVENE_FUZZ_TARGET(venue_windows, {"2027-06-23 09:00-12:00\n2027-06-23 15:00 – 18:00\n"}) {
    convene::FieldErrors errors;
    convene::programme::VenueRoom room;
    room.name = "Room";
    room.capacity = 10;
    room.windows =
        convene::programme::windows_from_text(std::string(convene::fuzz::text(data, size)), errors);
    (void)convene::programme::check_room(room, "2027-06-22", "2027-06-25");
}

// The bytes split into chunks at each 0xFF, numbered in an order the input picks (the
// first byte of each chunk, mod 4, holds it back), so repeats, gaps and backspaces mix.
CONVENE_FUZZ_TARGET(caption_chunks,
                    {">> CHAIR: Good morning\xff\x08\x08ng all.\n\xff>>MODERATOR: Yes"}) {
    convene::live::CaptionStream stream;
    auto text = convene::fuzz::text(data, size);
    std::int64_t sequence = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\xff', start);
        if (end == std::string_view::npos) end = text.size();
        std::string chunk(text.substr(start, end - start));
        ++sequence;
        auto shift = chunk.empty() ? 0 : static_cast<unsigned char>(chunk[0]) % 4;
        (void)convene::live::add_chunk(stream, {sequence + shift, chunk});
        if (end == text.size()) break;
        start = end + 1;
    }
    (void)convene::live::caption_turns(stream.text);
    (void)convene::live::chunks_after(stream, sequence / 2);
    // The same chunks with times, as kept when the room closes: each turn's times come
    // from characters that are still there.
    std::vector<convene::live::TimedChunk> timed;
    for (const auto& [n, chunk] : stream.log)
        timed.push_back({n, chunk, n % 2 ? "2027-06-15T09:00:00Z" : "2027-06-15T09:00:01Z"});
    for (const auto& t : convene::live::timed_caption_turns(timed))
        if (t.started_at.empty() != t.ended_at.empty()) __builtin_trap();
    (void)convene::live::joined_chunk(stream.text, std::string(text.substr(0, 64)));
}

// A transcript file: whatever it holds, reading it ends with a transcript or a refusal,
// never more turns than markers, and the transcript written out reads back to as many
// turns with the same speakers.
CONVENE_FUZZ_TARGET(transcript,
                    {"IGF 2031 - Day 2 - Salle IV - A session\n\nThe following are the outputs "
                     "of the real-time captioning; largely accurate.\n\n***\n[ Gavel ]\n"
                     ">> CHAIR ST. AMOUR:\xC2\xA0 Good morning (pause) all.\r\n (standing by).\n"
                     ">>JAC sm KEE: Co\xE2\x80\x91organised\n>> (overlapping speakers).\n"
                     ">> Thank you: yes.\n\nContact\n\nforum [at] example [dot] org\n"}) {
    auto r = convene::transcripts::read_transcript(convene::fuzz::text(data, size));
    if (!r.refusal.empty() && r.refusal != "transcripts.refused.no_turns") {
        if (!r.transcript.turns.empty()) __builtin_trap();
        return;
    }
    (void)convene::transcripts::to_json(r.transcript).dump();
    (void)convene::transcripts::webvtt(r.transcript);
    auto again =
        convene::transcripts::read_transcript(convene::transcripts::seed_text(r.transcript));
    if (again.transcript.turns.size() != r.transcript.turns.size()) __builtin_trap();
    for (std::size_t i = 0; i < again.transcript.turns.size(); ++i)
        if (again.transcript.turns[i].speaker != r.transcript.turns[i].speaker) __builtin_trap();
}
