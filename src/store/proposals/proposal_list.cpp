#include "store/proposals/proposal_list.hpp"

#include <algorithm>

namespace convene::store {

namespace {

// A word inside LIKE: its own % and _ are letters, not wildcards.
std::string like_pattern(const std::string& word) {
    std::string out = "%";
    for (char ch : word) {
        if (ch == '%' || ch == '_' || ch == '!') out += '!';
        out += ch;
    }
    return out + "%";
}

bool all_digits(const std::string& w) {
    return !w.empty() && w.size() < 10 &&
           std::all_of(w.begin(), w.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

}  // namespace

FilterSql proposal_filter_sql(const ProposalFilter& f) {
    FilterSql sql;
    for (const auto& w : f.words) {
        if (all_digits(w)) {  // "42" finds proposal 42 as well as "G42" in a title
            sql.where += R"sql( AND (LOWER(p.title) LIKE ? ESCAPE '!' OR p.number = ?))sql";
            sql.binds.push_back(like_pattern(w));
            sql.binds.push_back(std::int64_t{std::stoll(w)});
        } else {
            sql.where += R"sql( AND LOWER(p.title) LIKE ? ESCAPE '!')sql";
            sql.binds.push_back(like_pattern(w));
        }
    }
    if (!f.session_type.empty()) {
        sql.where += R"sql( AND p.session_type = ?)sql";
        sql.binds.push_back(f.session_type);
    }
    if (!f.theme.empty()) {
        sql.where += R"sql( AND p.theme_id = ?)sql";
        sql.binds.push_back(std::int64_t{std::stoll(f.theme)});
    }
    if (!f.status.empty()) {
        sql.where += R"sql( AND p.status = ?)sql";
        sql.binds.push_back(f.status);
    }
    // The Secretariat's verdict counts over the rules'.
    if (f.screening == "passed")
        sql.where += R"sql( AND s.proposal_id IS NOT NULL AND COALESCE(o.passed, s.passed) = 1)sql";
    else if (f.screening == "declined")
        sql.where += R"sql( AND s.proposal_id IS NOT NULL AND COALESCE(o.passed, s.passed) = 0)sql";
    else if (f.screening == "overridden")
        sql.where += R"sql( AND o.proposal_id IS NOT NULL)sql";
    else if (f.screening == "not_screened")
        sql.where += R"sql( AND s.proposal_id IS NULL)sql";
    return sql;
}

std::vector<ListedProposal> list_proposals(db::Connection& c, EditionId edition,
                                           const ProposalFilter& f) {
    auto filter = proposal_filter_sql(f);
    std::vector<db::Value> binds{edition.value()};
    binds.insert(binds.end(), filter.binds.begin(), filter.binds.end());
    auto r = c.run(R"sql(
        SELECT p.id, p.number, p.title, p.session_type, p.status,
               COALESCE(t.name, '') AS theme, COALESCE(p.theme_id, 0) AS theme_id,
               CASE WHEN s.proposal_id IS NULL THEN 'not_screened'
                    WHEN COALESCE(o.passed, s.passed) = 1 THEN 'passed'
                    ELSE 'declined' END AS screening,
               CASE WHEN o.proposal_id IS NULL THEN 0 ELSE 1 END AS overridden
        FROM proposals p
        LEFT JOIN themes t ON t.id = p.theme_id
        LEFT JOIN screening_results s ON s.proposal_id = p.id
        LEFT JOIN screening_overrides o ON o.proposal_id = p.id
        WHERE p.edition_id = ?)sql" +
                       filter.where +
                       R"sql(
        ORDER BY p.number
    )sql",
                   binds);
    std::vector<ListedProposal> out;
    out.reserve(r.rows.size());
    for (const auto& row : r.rows) {
        ListedProposal p;
        p.proposal = row.integer("id");
        p.number = row.integer("number");
        p.title = row.text("title");
        p.session_type = row.text("session_type");
        p.status = row.text("status");
        p.theme = row.text("theme");
        p.theme_id = row.integer("theme_id") ? row.text("theme_id") : "";
        p.screening = row.text("screening");
        p.overridden = row.boolean("overridden");
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace convene::store
