#pragma once
// The messages of the year: per theme, the MAG and the Secretariat draw messages from the
// sessions. A message has a title and a Markdown body cut into paragraphs that can be
// commented on; it cites the sessions it draws on, each a (session, optional quoted key
// message), so a citation stays a link to the session (and to its report once reports
// exist); it is converging or diverging, and a diverging message holds the positions with
// the stakeholder groups that held them, so a minority view stays visible. A public
// comment period (UTC) lets anyone comment on a paragraph, signed with a name, stakeholder
// group and region; the MAG marks how each comment was handled. Plain rules, no I/O.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/field_error.hpp"
#include "core/common/ids.hpp"

namespace convene {
using YearMessageId = Id<struct YearMessageTag>;        // a message of the year
using MessageCommentId = Id<struct MessageCommentTag>;  // a public comment on one
}  // namespace convene

namespace convene::messages {

// Limits, in characters (Unicode code points).
inline constexpr std::size_t max_title = 200;
inline constexpr std::size_t max_body = 20000;
inline constexpr std::size_t max_quote = 1000;
inline constexpr std::size_t max_position = 2000;
inline constexpr std::size_t max_positions = 8;
inline constexpr std::size_t max_citations = 60;
inline constexpr std::size_t max_comment = 5000;
inline constexpr std::size_t max_signature = 200;  // the commenter's name
inline constexpr std::size_t max_note = 2000;      // a handling note, a reason for hiding
// A flood: at most this many comments per address and hour.
inline constexpr int comments_per_hour = 10;

// "converging" or "diverging".
bool is_stance(std::string_view stance);

struct Position {
    std::string text;
    std::vector<std::string> groups;  // stakeholder group codes (core/people)
};

// A message draws on a session, optionally quoting its key message.
struct Citation {
    SessionId session;
    std::string quote;
};

struct Draft {
    std::string title, body, stance = "converging";
    std::vector<Position> positions;
    std::vector<Citation> citations;
};

// Every problem of a draft, each naming its field ("title", "body", "stance",
// "positions", "positions[1].text", "positions[1].groups", "citations",
// "citations[2].quote"): lengths, a stance, at least one session cited and none twice, a
// diverging message with at least two positions (each with text and a known stakeholder
// group), a converging one with none.
FieldErrors check_draft(const Draft& d);

// The paragraphs of a Markdown body, as comments address them (1-based in pages): blocks
// separated by blank lines, a fenced code block kept whole; each trimmed of blank lines.
std::vector<std::string> paragraphs(std::string_view body);

// The citations typed one a line: "WS12" or "WS12 | the quoted key message". Codes as
// typed (the caller finds the sessions); a line that is only spaces is skipped.
struct TypedCitation {
    std::string code, quote;
};
std::vector<TypedCitation> typed_citations(std::string_view text);
// The same lines back, for a form.
std::string citations_text(const std::vector<TypedCitation>& cs);

// The public comment period, UTC "YYYY-MM-DDTHH:MM:SSZ"; empty when unset.
struct Period {
    std::string opens_at, closes_at;
};
enum class PeriodState { not_set, not_yet_open, open, closed };
PeriodState period_state(const Period& p, const std::string& now);
// A period typed (each as core/live typed_utc reads it): both set, closing after opening.
// The stored period, or the problems naming "opens_at" and "closes_at".
FieldErrors check_period(const Period& typed, Period& stored);

// A comment as signed; `paragraph` 1-based.
struct Comment {
    int paragraph = 0;
    std::string name, stakeholder_group, region, body;
};
// The problems of a comment on a message of `paragraph_count` paragraphs: a paragraph that
// exists, a name, a known stakeholder group and region, text within its limit.
FieldErrors check_comment(const Comment& c, std::size_t paragraph_count);

// The UN regional groups a commenter signs with (core/people/country's codes).
const std::vector<std::string_view>& regions();
bool is_region(std::string_view code);

// How the MAG handled a comment: "accepted", "partly", "not_accepted".
bool is_handling(std::string_view code);
FieldErrors check_handling(std::string_view handling, std::string_view note);
// A reason to hide a comment: required, within max_note.
FieldErrors check_hide_reason(std::string_view reason);

}  // namespace convene::messages
