#include "store/programme/calendar_feeds.hpp"

namespace convene::store {

void replace_calendar_feed(db::Connection& c, AccountId account, const std::string& token_hash,
                           const std::string& now) {
    // One statement, so that two requests at once both end with one working address (a
    // DELETE then INSERT let the second INSERT fail on the first one's row).
    c.run(R"sql(
        INSERT INTO calendar_feeds (account_id, token_hash, created_at) VALUES (?, ?, ?)
        ON CONFLICT (account_id)
        DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at
    )sql",
          {account, token_hash, now});
}

std::optional<std::string> calendar_feed_created(db::Connection& c, AccountId account) {
    auto r =
        c.run(R"sql(SELECT created_at FROM calendar_feeds WHERE account_id = ?)sql", {account});
    if (r.empty()) return std::nullopt;
    return r.rows[0].text("created_at");
}

std::optional<AccountId> calendar_feed_account(db::Connection& c, const std::string& token_hash) {
    // A blocked account's address answers as an unknown one.
    auto r = c.run(R"sql(
        SELECT f.account_id FROM calendar_feeds f
        WHERE f.token_hash = ?
          AND NOT EXISTS (SELECT 1 FROM account_blocks b
                          WHERE b.account_id = f.account_id AND b.unblocked_at IS NULL)
    )sql",
                   {token_hash});
    if (r.empty()) return std::nullopt;
    return r.rows[0].id<AccountId>("account_id");
}

std::vector<EditionId> calendar_editions(db::Connection& c, AccountId account) {
    std::vector<EditionId> out;
    for (const auto& row : c.run(R"sql(
             SELECT s.edition_id FROM attendance_marks m
             JOIN programme_sessions s ON s.id = m.session_id
             WHERE m.account_id = ?
             UNION
             SELECT s.edition_id FROM people pe
             JOIN proposal_people pp ON pp.person_id = pe.id
             JOIN programme_sessions s ON s.proposal_id = pp.proposal_id
             WHERE pe.account_id = ? AND pp.confirmation <> 'declined'
             UNION
             SELECT s.edition_id FROM people pe
             JOIN session_people sp ON sp.person_id = pe.id
             JOIN programme_sessions s ON s.id = sp.session_id
             WHERE pe.account_id = ?
             ORDER BY 1
         )sql",
                                 {account, account, account})
                               .rows)
        out.push_back(row.id<EditionId>("edition_id"));
    return out;
}

}  // namespace convene::store
