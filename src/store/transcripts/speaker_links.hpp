#pragma once
// The speakers of the transcripts as the Secretariat links them to people (migrations/020):
// every distinct label (by its key) of an edition's transcripts or of all, with its
// counts, its role and its link; a label's link for every transcript (speaker_links, by
// key: never a role alone, whose person differs by session), and a speaker's link in one
// transcript (transcript_speakers.person_id, which wins over the label's). Writes run in
// the caller's transaction.
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/transcripts/similarity.hpp"
#include "core/transcripts/transcript.hpp"
#include "database/database.hpp"

namespace convene::store {

struct SpeakerLabel {
    std::string key;
    std::string label;                   // the spelling with the most turns
    std::vector<std::string> spellings;  // the others
    std::string role;                    // the role its first words name; "" for a name
    bool role_only = false;              // a role and no name: linked in each transcript
    std::size_t transcripts = 0, turns = 0, words = 0;
    std::optional<PersonId> person;  // linked for every transcript
    std::string person_name;
    std::size_t linked_in_transcripts = 0;  // transcripts linking it themselves
};
// The labels of the edition's transcripts (of every edition's: none), most turns first.
std::vector<SpeakerLabel> speaker_labels(db::Connection& c, std::optional<EditionId> edition);
// One label by its key, counted over the edition's transcripts (every edition's: none).
std::optional<SpeakerLabel> speaker_label(db::Connection& c, const std::string& key,
                                          std::optional<EditionId> edition);
// The editions whose transcripts have a label of this key.
std::vector<EditionId> editions_of_label(db::Connection& c, const std::string& key);

// A label in one transcript.
struct LabelInTranscript {
    std::int64_t speaker = 0;  // transcript_speakers.id
    TranscriptId transcript;
    EditionId edition;
    std::string title, held_on, session_code, label;
    std::size_t turns = 0, words = 0;
    std::optional<PersonId> person;  // linked in the transcript itself
    std::string person_name, linked_by;
};
std::vector<LabelInTranscript> transcripts_of_label(db::Connection& c, const std::string& key,
                                                    std::optional<EditionId> edition);
std::optional<LabelInTranscript> speaker_in_transcript(db::Connection& c, TranscriptId transcript,
                                                       std::int64_t speaker);

// The people records, by id, as names are compared.
std::vector<transcripts::KnownPerson> people_names(db::Connection& c);
struct PersonRecord {
    PersonId id;
    std::string name, organisation, country, stakeholder_group, gender;
};
std::optional<PersonRecord> person_record(db::Connection& c, PersonId id);

// The label's key linked to the person for every transcript (replacing its link).
void link_label(db::Connection& c, const std::string& key, PersonId person,
                std::optional<AccountId> by, const std::string& at);
// Whether the key had a link.
bool unlink_label(db::Connection& c, const std::string& key);
// The speaker linked in its transcript by the Secretariat, or unlinked there (none).
void link_in_transcript(db::Connection& c, std::int64_t speaker, std::optional<PersonId> person);

}  // namespace convene::store
