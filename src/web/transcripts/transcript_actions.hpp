#pragma once
// What the archive's page and its API share: adding a transcript from a file's bytes
// (read by core/transcripts, refused with the reason on the field it came from, stored
// or found stored before), the transcript named in the path, and the JSON shapes of a
// transcript and of its summary (the API's answers and the JSON download are one).
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "store/editions/editions.hpp"
#include "store/transcripts/transcripts.hpp"

namespace convene::web {

class Exchange;

struct AddedTranscript {
    store::KnownTranscript known;  // known.existed: the same bytes were stored before
    std::size_t turns = 0;
};
// Reads and stores the file for the session typed (its id or code; "" for none) of the
// edition. Throws http::Error 422 naming `field` when the bytes are not a transcript
// (empty, binary, too large, no ">>" turn), or "session" when there is no such session.
AddedTranscript add_transcript_bytes(Exchange& ex, const store::Edition& e,
                                     const std::string& field, std::string_view bytes,
                                     const std::string& file_name, const std::string& session);

// The transcript of the edition named by {transcript}; 404 when there is none.
store::StoredTranscript transcript_in_path(Exchange& ex, const store::Edition& e);

// The address of a transcript's page ("/editions/7/transcripts/12") + `rest`.
std::string transcript_url(EditionId edition, TranscriptId id, const std::string& rest = "");

nlohmann::json transcript_summary_json(const store::Edition& e, const store::TranscriptSummary& s);
// The summary with the disclaimer, every turn ({number, speaker, speaker_id, text, start,
// end}), direction, speaker (with its person when linked) and what was not read.
nlohmann::json transcript_json(const store::Edition& e, const store::StoredTranscript& t);

}  // namespace convene::web
