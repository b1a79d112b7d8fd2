#pragma once
// Participants' feedback, shared by the pages and the API: the flood limits checked
// before anything reaches the database, who rates (an account, else a browser's cookie),
// the form on the session's page, saving a rating, and the results as organisers and the
// Secretariat read them.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/feedback/feedback.hpp"
#include "store/feedback/feedback.hpp"
#include "web/programme/programme_actions.hpp"

namespace convene::web {

class Exchange;
class App;

// The cookie that names a browser whose user is not signed in (its hash is stored).
inline constexpr const char* feedback_cookie = "convene_feedback";

// Counts this request against the flood limits (per address and per browser for somebody
// not signed in, per account otherwise); 429 naming the wait when over. Reads nothing from
// the database for somebody not signed in, so a flood costs a map lookup per request.
void check_rating_floods(Exchange& ex);
// The refusals counted since the server started, for /metrics and the Secretariat.
std::int64_t refused_ratings();
void add_feedback_metrics(App& app);

// Who rates: the signed-in account, else this browser (its cookie, made when `make`).
store::Rater rater_of(Exchange& ex, bool make);

// The feedback part of the session's page: the form from the session's end (with the
// reader's rating and `errors`, `typed` kept), before that when it opens; who may, a link
// to the results. Never cached: it carries the reader's own rating.
nlohmann::json feedback_view(Exchange& ex, const PublicProgramme& p,
                             const programme::ListedSession& s, const FieldErrors& errors = {},
                             const feedback::TypedRating* typed = nullptr, bool saved = false);

// Checks the session has ended and the rating is right (422 naming each field), then saves
// it; true when it replaced the rater's earlier rating.
struct Rated {
    feedback::Rating rating;
    bool changed = false;
};
Rated rate_session(Exchange& ex, const PublicProgramme& p, const programme::ListedSession& s,
                   const feedback::TypedRating& typed);

// The session's results (count, mean, distribution, comments) for its organisers and the
// Secretariat (403 otherwise), as the page and the API give them.
nlohmann::json session_results(Exchange& ex, const PublicProgramme& p,
                               const programme::ListedSession& s);
// Every session's results of the edition, by theme and by session type (the Secretariat).
nlohmann::json edition_results(Exchange& ex, const PublicProgramme& p);

}  // namespace convene::web
