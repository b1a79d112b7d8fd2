#include "store/programme/agenda.hpp"

#include <algorithm>

namespace convene::store {

std::map<SessionId, std::vector<std::string>> own_sessions(db::Connection& c, AccountId account,
                                                           EditionId edition) {
    std::map<SessionId, std::vector<std::string>> out;
    auto rows = c.run(R"sql(
        SELECT s.id AS session_id, pp.role, 0 AS kind, pp.position AS position
        FROM programme_sessions s
        JOIN proposal_people pp ON pp.proposal_id = s.proposal_id
        JOIN people pe ON pe.id = pp.person_id
        WHERE s.edition_id = ? AND pe.account_id = ? AND pp.confirmation <> 'declined'
        UNION ALL
        SELECT s.id AS session_id, sp.role, 1 AS kind, 0 AS position
        FROM programme_sessions s
        JOIN session_people sp ON sp.session_id = s.id
        JOIN people pe ON pe.id = sp.person_id
        WHERE s.edition_id = ? AND pe.account_id = ?
        UNION ALL
        SELECT s.id AS session_id, 'organiser' AS role, 2 AS kind, 0 AS position
        FROM programme_sessions s
        JOIN proposal_editors pe ON pe.proposal_id = s.proposal_id
        WHERE s.edition_id = ? AND pe.account_id = ?
        ORDER BY session_id, kind, position
    )sql",
                      {edition, account, edition, account, edition, account});
    for (const auto& row : rows.rows) {
        auto& roles = out[row.id<SessionId>("session_id")];
        auto role = row.text("role");
        if (std::find(roles.begin(), roles.end(), role) == roles.end()) roles.push_back(role);
    }
    return out;
}

}  // namespace convene::store
