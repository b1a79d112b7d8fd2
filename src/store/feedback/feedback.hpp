#pragma once
// Participants' feedback on sessions: one rating per account, or per browser for somebody
// not signed in, per session, changed in place; the counts per session and rating the
// results are made of, and a session's comments.
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/feedback/feedback.hpp"
#include "database/database.hpp"

namespace convene::store {

// Who rates: a signed-in account, else a browser (the hash of its feedback cookie).
struct Rater {
    std::optional<AccountId> account;
    std::string browser_key;
};

// The rater's rating of the session, if any.
std::optional<feedback::Rating> own_rating(db::Connection& c, SessionId session, const Rater& who);
// Stores the rating, replacing the rater's earlier one; true when it replaced one.
bool save_rating(db::Connection& c, SessionId session, const Rater& who,
                 const feedback::Rating& rating, const std::string& now);

// How many gave each rating, per session of the edition.
std::vector<feedback::RatingCount> rating_counts(db::Connection& c, EditionId edition);
// The same for one session.
std::vector<feedback::RatingCount> rating_counts(db::Connection& c, SessionId session);

// A session's comments, newest first, with the rating and group given with each.
struct FeedbackComment {
    int rating = 0;
    std::string comment, stakeholder_group, updated_at;
};
std::vector<FeedbackComment> session_comments(db::Connection& c, SessionId session);

}  // namespace convene::store
