#pragma once
// Participants' feedback on a session once it has ended: "How useful was this session?"
// from 1 to 5, an optional comment and an optional stakeholder group. Reading what a
// participant sent (each refusal names its field), and the results as organisers and the
// Secretariat see them: how many, the mean, the distribution, per session and summed by
// theme or session type. Pure: the pages, the API and the store share it.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/field_error.hpp"
#include "core/common/ids.hpp"

namespace convene::feedback {

inline constexpr int lowest_rating = 1, highest_rating = 5;
inline constexpr std::size_t longest_comment = 2000;  // characters
// The flood limits, per window of ten minutes: somebody not signed in may rate this many
// times from one address (a venue's network is many people's address) and from one
// browser; a signed-in account as many times as a browser.
inline constexpr int ratings_per_address = 120, ratings_per_person = 20;
inline constexpr int flood_window_minutes = 10;

// One participant's feedback on one session, as stored.
struct Rating {
    int rating = 0;                 // 1 to 5
    std::string comment;            // verbatim (links and markup kept; pages escape it)
    std::string stakeholder_group;  // a code of stakeholder_groups(), or ""
};

// What arrived from a form or JSON, before it is read: the rating as typed ("4").
struct TypedRating {
    std::string rating, comment, stakeholder_group;
};
// The rating when every field is right; otherwise each wrong field named ("rating",
// "comment", "stakeholder_group").
struct ReadRating {
    std::optional<Rating> rating;
    FieldErrors errors;
};
ReadRating read_rating(const TypedRating& typed);

// The session has ended: feedback is taken from its end on (both UTC "...Z" instants).
bool session_ended(const std::string& end_utc, const std::string& now_utc);

// How many gave each rating, with their count and mean.
struct Summary {
    std::array<std::int64_t, highest_rating> distribution{};  // [0] counts the 1s
    std::int64_t count() const;
    double mean() const;  // 0 when nobody rated
    void add(int rating, std::int64_t how_many = 1);
    void add(const Summary& other);
};

// The stored counts of one session: how many gave `rating`.
struct RatingCount {
    SessionId session;
    int rating = 0;
    std::int64_t count = 0;
};
// Per session, from the stored counts (ratings out of range are left out).
std::map<SessionId, Summary> summaries(const std::vector<RatingCount>& counts);

// The sessions' summaries summed by a key of each session (its theme, its type); sessions
// with no key ("" theme) are summed under "". Sessions nobody rated are left out.
std::map<std::string, Summary> summed_by(const std::map<SessionId, Summary>& per_session,
                                         const std::map<SessionId, std::string>& key_of);

}  // namespace convene::feedback
