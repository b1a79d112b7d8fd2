#include "store/decisions/decisions.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/common/text.hpp"
#include "core/evaluation/evaluation.hpp"

namespace convene::store {

namespace {

// The columns decision_of_row() reads; each statement adds its WHERE.
constexpr std::string_view decision_columns = R"sql(
        SELECT p.id, p.number, p.title, COALESCE(t.name, '') AS theme, d.content, d.version,
               d.decided_at
        FROM decisions d
        JOIN proposals p ON p.id = d.proposal_id
        LEFT JOIN themes t ON t.id = p.theme_id
)sql";

StoredDecision decision_of_row(const db::Row& row) {
    FieldErrors ignored;  // checked when saved
    return {row.id<ProposalId>("id"),
            row.integer("number"),
            row.text("title"),
            row.text("theme"),
            decision_from_json(nlohmann::json::parse(row.text("content"), nullptr, false), ignored),
            row.integer("version"),
            row.text("decided_at")};
}

}  // namespace

std::vector<StoredDecision> list_decisions(db::Connection& c, EditionId edition) {
    std::vector<StoredDecision> out;
    auto decisions = c.run(std::string(decision_columns) + R"sql(
        WHERE d.edition_id = ?
        ORDER BY p.number
    )sql",
                           {edition.value()});
    for (const auto& row : decisions.rows) out.push_back(decision_of_row(row));
    return out;
}

StoredDecision load_decision(db::Connection& c, ProposalId proposal) {
    auto r = c.run(std::string(decision_columns) + R"sql(
        WHERE d.proposal_id = ?
    )sql",
                   {proposal});
    if (r.empty()) return {};
    return decision_of_row(r.rows[0]);
}

std::optional<std::int64_t> save_decision(db::Connection& c, EditionId edition, ProposalId proposal,
                                          const Decision& d, std::int64_t expected_version,
                                          std::optional<AccountId> account,
                                          const std::string& now) {
    const auto content = to_json(d).dump();
    const db::Value who = account ? db::Value{account->value()} : db::Value{nullptr};
    if (expected_version == 0) {
        auto r = c.run(R"sql(
            INSERT INTO decisions (proposal_id, edition_id, content, version, decided_at, account_id)
            VALUES (?, ?, ?, 1, ?, ?)
            ON CONFLICT DO NOTHING
        )sql",
                       {proposal, edition.value(), content, now, who});
        if (r.changed == 0) return std::nullopt;
        return 1;
    }
    auto r = c.run(R"sql(
        UPDATE decisions
        SET content = ?, version = version + 1, decided_at = ?, account_id = ?
        WHERE proposal_id = ? AND version = ?
    )sql",
                   {content, now, who, proposal, expected_version});
    if (r.changed == 0) return std::nullopt;
    return expected_version + 1;
}

std::map<ProposalId, std::vector<std::string>> decision_recipients(db::Connection& c,
                                                                   EditionId edition) {
    std::map<ProposalId, std::vector<std::string>> out;
    auto add = [&](ProposalId proposal, const std::string& email) {
        auto& list = out[proposal];
        auto key = ascii_lower(trim(email));
        if (key.empty()) return;
        for (const auto& e : list)
            if (ascii_lower(e) == key) return;
        list.push_back(trim(email));
    };
    auto editors = c.run(R"sql(
        SELECT e.proposal_id, a.email
        FROM proposal_editors e
        JOIN accounts a ON a.id = e.account_id
        JOIN proposals p ON p.id = e.proposal_id
        WHERE p.edition_id = ?
        ORDER BY e.proposal_id, e.added_at, a.id
    )sql",
                         {edition.value()});
    for (const auto& row : editors.rows) add(row.id<ProposalId>("proposal_id"), row.text("email"));
    auto organisers = c.run(R"sql(
        SELECT pp.proposal_id, COALESCE(pe.email, '') AS email
        FROM proposal_people pp
        JOIN people pe ON pe.id = pp.person_id
        JOIN proposals p ON p.id = pp.proposal_id
        WHERE p.edition_id = ? AND pp.role = 'organiser'
        ORDER BY pp.proposal_id, pp.position
    )sql",
                            {edition.value()});
    for (const auto& row : organisers.rows)
        add(row.id<ProposalId>("proposal_id"), row.text("email"));
    return out;
}

std::map<ProposalId, std::vector<std::string>> evaluation_comments(db::Connection& c,
                                                                   EditionId edition) {
    std::map<ProposalId, std::vector<std::string>> out;
    auto comments = c.run(R"sql(
        SELECT e.proposal_id, e.content
        FROM evaluations e
        JOIN proposals p ON p.id = e.proposal_id
        WHERE p.edition_id = ? AND e.status = 'submitted'
        ORDER BY e.proposal_id, e.submitted_at, e.account_id
    )sql",
                          {edition.value()});
    for (const auto& row : comments.rows) {
        FieldErrors ignored;
        auto e = evaluation_from_json(nlohmann::json::parse(row.text("content"), nullptr, false),
                                      ignored);
        if (!trim(e.comment).empty())
            out[row.id<ProposalId>("proposal_id")].push_back(trim(e.comment));
    }
    return out;
}

std::string results_published_at(db::Connection& c, EditionId edition) {
    auto r = c.run(R"sql(
        SELECT COALESCE(results_published_at, '') AS results_published_at
        FROM editions
        WHERE id = ?
    )sql",
                   {edition.value()});
    return r.empty() ? "" : r.rows[0].text("results_published_at");
}

void set_results_published(db::Connection& c, EditionId edition, const std::string& at) {
    c.run(R"sql(UPDATE editions SET results_published_at = ? WHERE id = ?)sql",
          {at.empty() ? db::Value{nullptr} : db::Value{at}, edition.value()});
}

}  // namespace convene::store
