#include "store/accounts/enrolments.hpp"

namespace convene::store {

void create_enrolment(db::Connection& c, EditionId edition, AccountId account,
                      const std::string& person, const std::string& token_hash, AccountId by,
                      const std::string& now, const std::string& expires_at) {
    c.run(R"sql(
        INSERT INTO enrolments
            (edition_id, account_id, person, token_hash, invited_by, created_at, expires_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
    )sql",
          {edition.value(), account.value(), person, token_hash, by.value(), now, expires_at});
}

std::optional<std::string> pending_enrolment(db::Connection& c, EditionId edition,
                                             AccountId account, const std::string& now) {
    auto r = c.run(R"sql(
        SELECT MAX(expires_at) AS expires_at
        FROM enrolments
        WHERE edition_id = ? AND account_id = ? AND accepted_at IS NULL
          AND expires_at > ?
    )sql",
                   {edition.value(), account.value(), now});
    if (r.empty() || r.rows[0].is_null("expires_at")) return std::nullopt;
    return r.rows[0].text("expires_at");
}

std::optional<Enrolment> find_enrolment(db::Connection& c, const std::string& token_hash) {
    auto r = c.run(R"sql(
        SELECT id, edition_id, account_id, person, expires_at,
               COALESCE(accepted_at, '') AS accepted_at
        FROM enrolments
        WHERE token_hash = ?
    )sql",
                   {token_hash});
    if (r.empty()) return std::nullopt;
    const auto& row = r.rows[0];
    return Enrolment{row.id<EnrolmentId>("id"),       row.id<EditionId>("edition_id"),
                     row.id<AccountId>("account_id"), row.text("person"),
                     row.text("expires_at"),          row.text("accepted_at")};
}

bool accept_enrolment(db::Connection& c, EnrolmentId id, const std::string& now) {
    return c.run(R"sql(
        UPDATE enrolments SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL
    )sql",
                 {now, id.value()})
               .changed > 0;
}

std::vector<PendingEnrolment> pending_enrolments(db::Connection& c, EditionId edition,
                                                 const std::string& now) {
    std::vector<PendingEnrolment> out;
    auto r = c.run(R"sql(
        SELECT a.name, a.email, e.expires_at
        FROM enrolments e
        JOIN accounts a ON a.id = e.account_id
        WHERE e.edition_id = ? AND e.accepted_at IS NULL
          AND e.expires_at > ?
        ORDER BY e.created_at, e.id
    )sql",
                   {edition.value(), now});
    for (const auto& row : r.rows)
        out.push_back({row.text("name"), row.text("email"), row.text("expires_at")});
    return out;
}

}  // namespace convene::store
