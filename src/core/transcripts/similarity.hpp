#pragma once
// Whether two speaker labels, or a label and a person's name, name the same person:
// `CHAIR ST. AMOUR` and `LYNN ST. AMOUR` do (the role word left out, "ST. AMOUR" is the
// family name), `VYATCHESLAV CHERKASOV` and `VYATCHASLAVA CHERAKOV` do (a captioner's
// typos), `Mr. José Pérez` and `JOSE PEREZ` do (titles, case, accents, punctuation);
// `MODERATOR` names nobody (a role: its person differs by session). And from that, the
// links the Secretariat is offered in one click: labels to a person of the people
// records, or labels to each other (one new person). Pure: no I/O.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace convene::transcripts {

// A name as compared: its words folded (case, accents, punctuation: "St." is "st",
// "O'Neil" is "oneil"), titles such as "Mr." and "H.E." and the role's words left out.
struct SpokenName {
    std::string role;                   // speakers.hpp label_role's role; "" for a name
    std::string written;                // the name part as written ("ST. AMOUR")
    std::vector<std::u32string> words;  // folded; empty: a role and no name
};
SpokenName name_of_label(std::string_view label);
SpokenName name_of_person(std::string_view name);
// The folded words as UTF-8 ("lynn st amour"), for tests and keys.
std::string folded_text(const SpokenName& n);

// How two names resemble each other, strongest first.
enum class Likeness {
    none,
    same_name,    // the same words once folded (or the same letters spaced otherwise)
    middle_name,  // one leaves out a middle name of the other
    typo,         // the same number of words, a letter or two apart in some
    initials,     // one gives an initial where the other gives the name
    family_name,  // one is the other's last words: "ST. AMOUR" of "LYNN ST. AMOUR"
    given_name,   // one is the other's first word: "RASHA" of "RASHA ABDULLA"
};
struct Resemblance {
    Likeness likeness = Likeness::none;
    int score = 0;  // 0..100; 0 with none
};
// Symmetric. Words of 6 letters or more may be a letter apart, of 9 or more two.
Resemblance resemblance(const SpokenName& a, const SpokenName& b);

// Levenshtein distance between two words, in characters; above `limit` it answers
// limit + 1 without finishing.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit);

// A label as a person's name is written: words in capitals get a capital and small letters
// ("LYNN ST. AMOUR" -> "Lynn St. Amour", "QUSAI AL-SHATTI" -> "Qusai Al-Shatti"), particles
// after the first word small ("de la"), capitals after small letters too ("McCARTHY" ->
// "McCarthy"), words in small letters kept ("JAC sm KEE" -> "Jac sm Kee").
std::string name_case(std::string_view written);

// A distinct label (by its key) that may be linked, and the people it may be linked to.
struct LabelToLink {
    std::string key, label;
    std::optional<std::int64_t> person;  // linked for every transcript
    std::size_t turns = 0;
};
struct KnownPerson {
    std::int64_t id = 0;
    std::string name;
};

struct Reason {
    std::size_t label = 0;  // index into the labels
    Likeness likeness = Likeness::none;
    int score = 0;
    std::string resembles;  // the label, or the person's name, it resembles
    bool resembles_person = false;
};
// Link `labels` (indices of labels not linked yet, most turns first) to `person` (an
// index into people), or, with none, to a new person named `new_name`.
struct Suggestion {
    std::vector<std::size_t> labels;
    std::optional<std::size_t> person;
    std::string new_name;
    std::vector<Reason> reasons;  // one per label
    int score = 0;                // the weakest reason's
};
// At least this score makes a suggestion.
inline constexpr int least_suggested_score = 50;
// The suggestions for the labels not linked (roles never: they name nobody), strongest
// first, at most `most`: each label to the person whose name, or whose linked label, it
// resembles best (several when tied); labels that resemble no person, to each other, in
// groups whose every two labels resemble each other. Names are compared when the first
// three letters of their first words, or of their last words, agree: typos there go unseen.
std::vector<Suggestion> suggest_links(const std::vector<LabelToLink>& labels,
                                      const std::vector<KnownPerson>& people,
                                      std::size_t most = 100);

}  // namespace convene::transcripts
