#pragma once
// convene import transcript FILE|FOLDER [--into EDITION] [--session ID] [--live-room ID]:
// transcripts in the forum's format read into JSON, and with an edition stored there.
#include <cstdint>
#include <string>

namespace convene::cli {

struct ImportTranscriptArgs {
    std::string path;            // a file, or a folder whose files are each a transcript
    std::int64_t into = 0;       // the edition to store them in (0: only read)
    std::string session;         // a session of its programme, by id or code ("WS12")
    std::int64_t live_room = 0;  // or a live room of it (a meeting)
    std::string database_url;
};
// Prints the transcript as JSON (one JSON line per file for a folder), each stored or
// found stored before from the same bytes; what could not be read is named on stderr.
// Exit 1 when a file is refused (empty, binary, too large, no ">>" turns).
int import_transcripts(const ImportTranscriptArgs& args);

}  // namespace convene::cli
