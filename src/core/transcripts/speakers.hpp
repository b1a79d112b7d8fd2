#pragma once
// Speaker labels of transcripts: what after ">>" is a label ("LYNN ST. AMOUR:",
// "CHAIR ST. AMOUR:", "KIEREN McCARTHY:", "JAC sm KEE:", "REMOTE INVERVENTION:") and what
// is speech ("Thank you, Mr. Chair: ..."); the key two spellings of one label share; and
// the role a label names (chair, moderator, remote intervention), kept as a role since a
// moderator differs from session to session. Pure: no I/O.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace convene::transcripts {

// A label is at most this many bytes.
inline constexpr std::size_t max_label_bytes = 80;

// Where the label ends in the text after ">>" (the colon's offset, ASCII ':' or the
// full-width '：'), when the text begins with one: mostly capitals (at least two, no more
// small letters than capitals, the first letter a capital), or letters of a script
// without case (at most 24 characters); letters, digits, spaces and . ' ’ - ‑ ( ) , & /
// only.
std::optional<std::size_t> label_end(std::string_view text);

// The key of a label: case-folded, Unicode-normalised, punctuation dropped, spaces
// collapsed ("LYNN ST. AMOUR" and "Lynn St Amour" share "lynn st amour").
std::string label_key(std::string_view label);

struct LabelRole {
    // "" (a person's name), chair, co_chair, moderator, online_moderator,
    // remote_intervention, floor (someone from the audience), interpreter, secretariat or
    // rapporteur.
    std::string role;
    std::string name;  // the label without the role's words: "ST. AMOUR" of "CHAIR ST. AMOUR"
};
// The role the label's first words name, allowing a typo of one or two letters in a
// longer word ("REMOTE INVERVENTION").
LabelRole label_role(std::string_view label);

}  // namespace convene::transcripts
