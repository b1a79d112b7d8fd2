#include "store/accounts/enrolments.hpp"

namespace convene::store {

void create_enrolment(db::Connection& c, std::int64_t edition, std::int64_t account,
                      const std::string& person, const std::string& token_hash, std::int64_t by,
                      const std::string& now, const std::string& expires_at) {
    c.run(R"(INSERT INTO enrolments (edition_id, account_id, person, token_hash, invited_by,
                                     created_at, expires_at)
             VALUES (?, ?, ?, ?, ?, ?, ?))",
          {edition, account, person, token_hash, by, now, expires_at});
}

std::optional<std::string> pending_enrolment(db::Connection& c, std::int64_t edition,
                                             std::int64_t account, const std::string& now) {
    auto r = c.run(R"(SELECT MAX(expires_at) FROM enrolments
                      WHERE edition_id = ? AND account_id = ? AND accepted_at IS NULL
                        AND expires_at > ?)",
                   {edition, account, now});
    if (r.empty() || r.rows[0].is_null(0)) return std::nullopt;
    return r.rows[0].text(0);
}

std::optional<Enrolment> find_enrolment(db::Connection& c, const std::string& token_hash) {
    auto r = c.run(R"(SELECT id, edition_id, account_id, person, expires_at,
                             COALESCE(accepted_at, '')
                      FROM enrolments WHERE token_hash = ?)",
                   {token_hash});
    if (r.empty()) return std::nullopt;
    const auto& row = r.rows[0];
    return Enrolment{row.integer(0), row.integer(1), row.integer(2),
                     row.text(3),    row.text(4),    row.text(5)};
}

bool accept_enrolment(db::Connection& c, std::int64_t id, const std::string& now) {
    return c.run("UPDATE enrolments SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL",
                 {now, id})
               .changed > 0;
}

std::vector<PendingEnrolment> pending_enrolments(db::Connection& c, std::int64_t edition,
                                                 const std::string& now) {
    std::vector<PendingEnrolment> out;
    for (const auto& r : c.run(R"(SELECT a.name, a.email, e.expires_at FROM enrolments e
                                  JOIN accounts a ON a.id = e.account_id
                                  WHERE e.edition_id = ? AND e.accepted_at IS NULL
                                    AND e.expires_at > ?
                                  ORDER BY e.created_at, e.id)",
                               {edition, now})
                             .rows)
        out.push_back({r.text(0), r.text(1), r.text(2)});
    return out;
}

}  // namespace convene::store
