#pragma once
// The one place a ProposalFilter becomes SQL: its words, session type, theme, status and
// screening result as WHERE conditions with bound values, on SQLite and PostgreSQL alike.
// Scores, "divided" and decisions are derived in C++ (weighted criteria, the synthesis's
// threshold, a conditional's outcome) and filtered there, after this.
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/proposals/proposal_filter.hpp"
#include "database/database.hpp"

namespace convene::store {

struct FilterSql {
    std::string where;  // " AND ..." after the edition's own condition; "" when none
    std::vector<db::Value> binds;
};
// The conditions over `p` (proposals), `s` (screening_results) and `o` (screening_overrides).
FilterSql proposal_filter_sql(const ProposalFilter& f);

// The edition's proposals the filter's stored facts let through, by number, with their
// screening result; scores and decisions are left for the caller to fill in.
std::vector<ListedProposal> list_proposals(db::Connection& c, EditionId edition,
                                           const ProposalFilter& f);

}  // namespace convene::store
