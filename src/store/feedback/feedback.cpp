// Participants' feedback on sessions (migration 025).
#include "store/feedback/feedback.hpp"

namespace convene::store {

namespace {

// The rater's row: by account when signed in, else by browser.
db::Result find_rating(db::Connection& c, SessionId session, const Rater& who) {
    if (who.account)
        return c.run(R"sql(
            SELECT id, rating, comment, stakeholder_group FROM session_feedback
            WHERE session_id = ? AND account_id = ?
        )sql",
                     {session, *who.account});
    return c.run(R"sql(
        SELECT id, rating, comment, stakeholder_group FROM session_feedback
        WHERE session_id = ? AND browser_key = ? AND account_id IS NULL
    )sql",
                 {session, who.browser_key});
}

std::vector<feedback::RatingCount> counts_of(const db::Result& r) {
    std::vector<feedback::RatingCount> out;
    for (const auto& row : r.rows)
        out.push_back({row.id<SessionId>("session_id"), static_cast<int>(row.integer("rating")),
                       row.integer("how_many")});
    return out;
}

}  // namespace

std::optional<feedback::Rating> own_rating(db::Connection& c, SessionId session, const Rater& who) {
    if (!who.account && who.browser_key.empty()) return std::nullopt;
    auto r = find_rating(c, session, who);
    if (r.empty()) return std::nullopt;
    const auto& row = r.rows.front();
    return feedback::Rating{static_cast<int>(row.integer("rating")), row.text("comment"),
                            row.text("stakeholder_group")};
}

bool save_rating(db::Connection& c, SessionId session, const Rater& who,
                 const feedback::Rating& rating, const std::string& now) {
    auto existing = find_rating(c, session, who);
    if (!existing.empty()) {
        c.run(R"sql(
            UPDATE session_feedback SET rating = ?, comment = ?, stakeholder_group = ?,
                updated_at = ?
            WHERE id = ?
        )sql",
              {static_cast<std::int64_t>(rating.rating), rating.comment, rating.stakeholder_group,
               now, existing.rows.front().integer("id")});
        return true;
    }
    // Two sends at once: the unique index keeps one row, the later send's values.
    db::Value account = who.account ? db::Value{*who.account} : db::Value{nullptr};
    db::Value browser = who.account ? db::Value{nullptr} : db::Value{who.browser_key};
    if (who.account)
        c.run(R"sql(
            INSERT INTO session_feedback (session_id, account_id, browser_key, rating, comment,
                stakeholder_group, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (session_id, account_id) WHERE account_id IS NOT NULL DO UPDATE SET
                rating = excluded.rating, comment = excluded.comment,
                stakeholder_group = excluded.stakeholder_group, updated_at = excluded.updated_at
        )sql",
              {session, account, browser, static_cast<std::int64_t>(rating.rating), rating.comment,
               rating.stakeholder_group, now, now});
    else
        c.run(R"sql(
            INSERT INTO session_feedback (session_id, account_id, browser_key, rating, comment,
                stakeholder_group, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (session_id, browser_key) WHERE browser_key IS NOT NULL DO UPDATE SET
                rating = excluded.rating, comment = excluded.comment,
                stakeholder_group = excluded.stakeholder_group, updated_at = excluded.updated_at
        )sql",
              {session, account, browser, static_cast<std::int64_t>(rating.rating), rating.comment,
               rating.stakeholder_group, now, now});
    return false;
}

std::vector<feedback::RatingCount> rating_counts(db::Connection& c, EditionId edition) {
    return counts_of(c.run(R"sql(
        SELECT f.session_id, f.rating, COUNT(*) AS how_many
        FROM session_feedback f
        JOIN programme_sessions s ON s.id = f.session_id
        WHERE s.edition_id = ?
        GROUP BY f.session_id, f.rating
        ORDER BY f.session_id, f.rating
    )sql",
                           {edition}));
}

std::vector<feedback::RatingCount> rating_counts(db::Connection& c, SessionId session) {
    return counts_of(c.run(R"sql(
        SELECT session_id, rating, COUNT(*) AS how_many
        FROM session_feedback WHERE session_id = ?
        GROUP BY session_id, rating
        ORDER BY rating
    )sql",
                           {session}));
}

std::vector<FeedbackComment> session_comments(db::Connection& c, SessionId session) {
    std::vector<FeedbackComment> out;
    auto r = c.run(R"sql(
        SELECT rating, comment, stakeholder_group, updated_at FROM session_feedback
        WHERE session_id = ? AND comment <> ''
        ORDER BY updated_at DESC, id DESC
    )sql",
                   {session});
    for (const auto& row : r.rows)
        out.push_back({static_cast<int>(row.integer("rating")), row.text("comment"),
                       row.text("stakeholder_group"), row.text("updated_at")});
    return out;
}

}  // namespace convene::store
