#pragma once
// Transcripts in the database (migrations/020): each tied to an edition and to a session
// of its programme or a live room (a meeting), with its turns, directions and distinct
// speakers, written whole in one call inside the caller's transaction. A file's bytes
// are known by their hash: storing the same file again finds the first instead.
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/transcripts/search_text.hpp"
#include "core/transcripts/transcript.hpp"
#include "database/database.hpp"

namespace convene::store {

// What a transcript belongs to: a session of the edition's programme, a live room (a
// meeting, or a session's room), or only the edition.
struct TranscriptPlace {
    EditionId edition;
    std::optional<SessionId> session;
    std::optional<LiveRoomId> live_room;
};

struct NewTranscript {
    TranscriptPlace place;
    std::string source = "file";  // file or captions
    std::string language = "en";
    std::string file_name;                    // as uploaded ("" for captions)
    std::optional<std::string> content_hash;  // of the file's bytes (none for captions)
    std::size_t file_bytes = 0;
    std::optional<AccountId> added_by;
    std::string added_at;
};

// A speaker as read from the queue or linked: the people row, the account, the queue's
// person key; `linked_by` is queue or secretariat.
struct SpeakerLinkSeed {
    std::string label_key;
    std::optional<PersonId> person;
    std::optional<AccountId> account;
    std::string queue_person, linked_by;
};

// A bulk import's turns enter SQLite's full-text index together, once per transaction:
// the index writes what it holds to disk at the start of every statement of a transaction
// it takes part in (a small segment each, merged again later), a fifth of an import's time
// when each turn was indexed by its own insert's trigger. The transcripts stored with a
// batch are held here until index() indexes all their turns in one statement
// (store::index_new_turns). PostgreSQL indexes each turn with its insert.
// A turn stored but never indexed is not found, and its delete trigger would ask the
// index to forget what it never held: index() must run before the transaction commits
// (the destructor does it, should a caller forget).
class SearchIndexBatch {
  public:
    SearchIndexBatch() = default;
    SearchIndexBatch(const SearchIndexBatch&) = delete;
    SearchIndexBatch& operator=(const SearchIndexBatch&) = delete;
    ~SearchIndexBatch();
    void hold(db::Connection& c, TranscriptId transcript);
    // Indexes the held transcripts' turns, on the connection that stored them. Call it
    // before the commit.
    void index();

  private:
    nlohmann::json held_ = nlohmann::json::array();
    db::Connection* connection_ = nullptr;  // of the transcripts held
};

// SQLite's full-text index merges its segments a little at every transaction (FTS5's
// automerge); during a bulk import it waits, and finish() merges them all into one at the
// end, in one transaction (a few seconds for 10,000 transcripts, during which other
// writers wait): the import is a tenth faster and the searches after it read one segment.
// Left without finish(), the usual merging comes back. Nothing on PostgreSQL.
class BulkIndexMerge {
  public:
    explicit BulkIndexMerge(db::Connection& c);
    BulkIndexMerge(const BulkIndexMerge&) = delete;
    BulkIndexMerge& operator=(const BulkIndexMerge&) = delete;
    ~BulkIndexMerge();
    void finish();

  private:
    db::Connection* c_;
};

// What a bulk import (cli/transcripts.cpp) brings to each transcript it stores: the batch
// its turns' index entries wait in, and its turns' words, worked out beforehand on another
// thread (transcripts::turn_words); without them, they are worked out here.
struct BulkStore {
    SearchIndexBatch* batch = nullptr;
    const std::vector<transcripts::TurnWords>* turn_words = nullptr;
};

// Stores the transcript with its turns, directions and speakers (with the links given,
// each by its label's key). Throws db::Error (unique_violation) when its hash or its
// live room and language are taken.
TranscriptId add_transcript(db::Connection& c, const NewTranscript& n,
                            const transcripts::Transcript& t,
                            const std::vector<SpeakerLinkSeed>& links = {},
                            const BulkStore& bulk = {});

struct KnownTranscript {
    TranscriptId id;
    EditionId edition;
    std::string title, added_at;
    bool existed = false;  // found, not stored now
};
// The transcript already stored from a file with these bytes' hash.
std::optional<KnownTranscript> transcript_with_hash(db::Connection& c, const std::string& hash);

// The hash a file's bytes are known by (BLAKE2b-256, hex).
std::string transcript_file_hash(std::string_view bytes);
// Stores the transcript read from a file's bytes, or finds the one stored before from the
// same bytes (in any edition; `existed` then): a second import is never a duplicate, even
// when two arrive at once.
KnownTranscript store_transcript_file(db::Connection& c, NewTranscript n, std::string_view bytes,
                                      const transcripts::Transcript& t, const BulkStore& bulk = {});
// The transcript kept from a live room's captions in a language.
std::optional<TranscriptId> transcript_of_live_room(db::Connection& c, LiveRoomId room,
                                                    const std::string& language);
void delete_transcript(db::Connection& c, TranscriptId id);

struct TranscriptSummary {
    TranscriptId id;
    EditionId edition;
    std::optional<SessionId> session;
    std::string session_code, session_title;  // "" without a session
    std::optional<LiveRoomId> live_room;
    std::string live_room_title;
    std::string source, language, title, title_line, event, day, held_on, room, disclaimer;
    std::string file_name, encoding, added_at;
    std::size_t file_bytes = 0, turns = 0, words = 0, speakers = 0;
    bool timed = false;  // its turns carry times (captions)
};
// The edition's transcripts, those with a date first by date, then in the order added.
std::vector<TranscriptSummary> edition_transcripts(db::Connection& c, EditionId edition);

struct TranscriptSpeaker {
    std::int64_t id = 0;
    std::string label, label_key, role, name;
    std::optional<PersonId> person;  // linked here, or through speaker_links unless a role
    std::string person_name;
    std::optional<AccountId> account;
    std::string linked_by;  // queue, secretariat or ""
    std::size_t turns = 0, words = 0, seconds = 0;
};

struct StoredTranscript {
    TranscriptSummary summary;
    transcripts::Transcript transcript;  // header, turns (labels as written), directions, problems
    std::vector<TranscriptSpeaker> speakers;                // in order of first turn
    std::vector<std::optional<std::size_t>> turn_speakers;  // per turn: index in speakers
};
std::optional<StoredTranscript> find_transcript(db::Connection& c, EditionId edition,
                                                TranscriptId id);

// A session of the edition by its id or its code ("WS12"), with its title.
struct SessionRef {
    SessionId id;
    std::string code, title;
};
std::optional<SessionRef> edition_session(db::Connection& c, EditionId edition,
                                          const std::string& id_or_code);

}  // namespace convene::store
