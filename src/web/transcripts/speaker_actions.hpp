#pragma once
// What the speakers' pages and their API share: linking speaker labels to a person (an
// existing one of the people records, or one created with them) for every transcript,
// or one speaker in one transcript (a role); unlinking; the labels in scope (the
// edition's, or every edition's for the Secretariat of every edition); the suggestions
// with their reasons in words; and the JSON shapes of a label and of a suggestion.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/people/people.hpp"
#include "core/transcripts/similarity.hpp"
#include "store/editions/editions.hpp"
#include "store/transcripts/speaker_links.hpp"

namespace convene::web {

class Exchange;

// The editions whose labels are listed: the edition's (scope "" or "edition"), or every
// edition's (scope "all": none; for the Secretariat of every edition, 403 otherwise).
// 422 naming "scope" for anything else.
std::optional<EditionId> speakers_scope(Exchange& ex, const store::Edition& e,
                                        const std::string& scope);

struct LinkAsked {
    std::vector<std::string> labels;  // as written or as keys: linked for every transcript
    std::string transcript, speaker;  // as typed: one speaker in one transcript
    std::string person;               // as typed: the number of a person of the records
    std::optional<PersonDraft> new_person;
};
struct Linked {
    PersonId person;
    std::string person_name;
    std::vector<std::string> keys;  // the labels' keys linked ("" for a speaker in a transcript)
    bool created = false;           // the person was created now
};
// Links, after checking everything: 422 naming the field at fault ("labels", "transcript",
// "speaker", "person", or the new person's fields, each as `prefix` + name), 403 when the
// policy refuses a label; the person made in the request's transaction.
Linked link_speakers(Exchange& ex, const store::Edition& e, const LinkAsked& asked,
                     const std::string& prefix = "");

struct UnlinkAsked {
    std::vector<std::string> labels;
    std::string transcript, speaker;
};
// How many links were undone (0: there were none). 422 and 403 as link_speakers.
std::size_t unlink_speakers(Exchange& ex, const store::Edition& e, const UnlinkAsked& asked);

nlohmann::json speaker_label_json(const store::SpeakerLabel& l);

// The suggestions for the labels, at most `most`, with their reasons in words:
// [{labels, keys, person: {id, name} | null, new_person: {name} | null, score, reasons:
// [{label, likeness, resembles, text}]}].
nlohmann::json suggestions_json(const std::vector<store::SpeakerLabel>& labels,
                                const std::vector<transcripts::KnownPerson>& people,
                                std::size_t most);

// The reason in words ("ST. AMOUR in CHAIR ST. AMOUR is the family name of LYNN ST. AMOUR").
std::string reason_text(const std::string& label, const transcripts::Reason& r);
std::string likeness_code(transcripts::Likeness l);

// The people who may be the label's, best first (at most `most`), with the reason.
struct PersonLike {
    transcripts::KnownPerson person;
    transcripts::Reason reason;
};
std::vector<PersonLike> people_like(const std::string& label,
                                    const std::vector<transcripts::KnownPerson>& people,
                                    std::size_t most);
// The people whose names hold every word typed (the start of a word of theirs), or that
// resemble it, best first.
std::vector<transcripts::KnownPerson> people_found(
    const std::string& typed, const std::vector<transcripts::KnownPerson>& people,
    std::size_t most);

}  // namespace convene::web
