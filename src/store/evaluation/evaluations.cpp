#include "store/evaluation/evaluations.hpp"

#include <map>

#include "store/editions/editions.hpp"

namespace convene::store {

namespace {

Evaluation parse_content(const std::string& text) {
    FieldErrors ignored;  // checked when saved
    return evaluation_from_json(nlohmann::json::parse(text, nullptr, false), ignored);
}

}  // namespace

namespace {

// Columns: version, status, content, updated_at, submitted_at ('' until submitted).
StoredEvaluation evaluation_of_row(const db::Row& row) {
    return {row.integer("version"), row.text("status"), parse_content(row.text("content")),
            row.text("updated_at"), row.text("submitted_at")};
}

}  // namespace

StoredEvaluation load_evaluation(db::Connection& c, ProposalId proposal, AccountId account) {
    auto r = c.run(R"sql(
        SELECT account_id, status, content, version, updated_at,
               COALESCE(submitted_at, '') AS submitted_at
        FROM evaluations
        WHERE proposal_id = ? AND account_id = ?
    )sql",
                   {proposal, account.value()});
    return r.empty() ? StoredEvaluation{} : evaluation_of_row(r.rows[0]);
}

std::vector<std::pair<AccountId, StoredEvaluation>> evaluations_of(db::Connection& c,
                                                                   ProposalId proposal) {
    std::vector<std::pair<AccountId, StoredEvaluation>> out;
    auto r = c.run(R"sql(
        SELECT account_id, status, content, version, updated_at,
               COALESCE(submitted_at, '') AS submitted_at
        FROM evaluations
        WHERE proposal_id = ?
        ORDER BY account_id
    )sql",
                   {proposal});
    for (const auto& row : r.rows)
        out.emplace_back(row.id<AccountId>("account_id"), evaluation_of_row(row));
    return out;
}

bool is_assigned(db::Connection& c, ProposalId proposal, AccountId account) {
    return !c.run(R"sql(
        SELECT 1 FROM assignments WHERE proposal_id = ? AND account_id = ? AND published = 1
    )sql",
                  {proposal, account.value()})
                .empty();
}

std::optional<std::int64_t> save_evaluation(db::Connection& c, ProposalId proposal,
                                            AccountId account, const Evaluation& e, bool submit,
                                            std::int64_t expected_version, const std::string& now) {
    const auto content = to_json(e).dump();
    const std::int64_t submitting = submit ? 1 : 0;
    if (expected_version == 0) {
        auto r = c.run(R"sql(
            INSERT INTO evaluations
                (proposal_id, account_id, status, content, version, updated_at, submitted_at)
            VALUES (?, ?, ?, ?, 1, ?, ?)
            ON CONFLICT DO NOTHING
        )sql",
                       {proposal, account.value(), submit ? "submitted" : "draft", content, now,
                        submit ? db::Value{now} : db::Value{nullptr}});
        if (r.changed == 0) return std::nullopt;
        return 1;
    }
    auto r = c.run(
        R"sql(
        UPDATE evaluations
        SET content = ?,
            status = CASE WHEN status = 'submitted' OR ? = 1 THEN 'submitted' ELSE 'draft' END,
            submitted_at = CASE WHEN submitted_at IS NULL AND ? = 1 THEN ? ELSE submitted_at END,
            version = version + 1,
            updated_at = ?
        WHERE proposal_id = ? AND account_id = ? AND version = ?
    )sql",
        {content, submitting, submitting, now, now, proposal, account.value(), expected_version});
    if (r.changed == 0) return std::nullopt;
    return expected_version + 1;
}

std::vector<Task> member_tasks(db::Connection& c, EditionId edition, AccountId account) {
    std::vector<Task> out;
    // From the member's few assignments to their proposals (CROSS JOIN keeps that order in
    // SQLite): without statistics, SQLite walked every proposal of the edition in number
    // order and looked each up among the assignments, a sixth of a list page's time. (An
    // ANALYZE at startup fixed this too, but statistics taken while the archive was empty
    // made the transcript import 40% slower once it was not.)
    auto r = c.run(R"sql(
        SELECT p.id, p.number, p.title, COALESCE(t.name, '') AS theme, p.format,
               COALESCE(e.status, '') AS status
        FROM assignments a
        CROSS JOIN proposals p
        LEFT JOIN themes t ON t.id = p.theme_id
        LEFT JOIN evaluations e ON e.proposal_id = a.proposal_id AND e.account_id = a.account_id
        WHERE p.id = a.proposal_id AND a.account_id = ? AND a.published = 1 AND p.edition_id = ?
        ORDER BY p.number
    )sql",
                   {account.value(), edition.value()});
    for (const auto& row : r.rows)
        out.push_back({row.id<ProposalId>("id"), row.integer("number"), row.text("title"),
                       row.text("theme"), row.text("format"), row.text("status")});
    return out;
}

Progress evaluation_progress(db::Connection& c, EditionId edition) {
    Progress out;
    std::map<AccountId, std::size_t> at;
    for (const auto& m : list_members(c, edition)) {
        at[m.account_id] = out.members.size();
        out.members.push_back({m.account_id, m.name, m.email, 0, 0, 0});
    }
    auto by_member = c.run(R"sql(
        SELECT a.account_id,
               COUNT(*) AS assigned,
               SUM(CASE WHEN e.status = 'draft' THEN 1 ELSE 0 END) AS drafts,
               SUM(CASE WHEN e.status = 'submitted' THEN 1 ELSE 0 END) AS submitted
        FROM assignments a
        JOIN proposals p ON p.id = a.proposal_id
        LEFT JOIN evaluations e ON e.proposal_id = a.proposal_id AND e.account_id = a.account_id
        WHERE p.edition_id = ?
        GROUP BY a.account_id
    )sql",
                           {edition.value()});
    for (const auto& row : by_member.rows) {
        auto i = at.find(row.id<AccountId>("account_id"));
        if (i == at.end()) continue;
        auto& m = out.members[i->second];
        m.assigned = static_cast<int>(row.integer("assigned"));
        m.drafts = static_cast<int>(row.integer("drafts"));
        m.submitted = static_cast<int>(row.integer("submitted"));
        out.assigned += m.assigned;
        out.submitted += m.submitted;
    }
    auto by_proposal = c.run(R"sql(
        SELECT p.id, p.number, p.title,
               COUNT(*) AS assigned,
               SUM(CASE WHEN e.status = 'submitted' THEN 1 ELSE 0 END) AS submitted
        FROM assignments a
        JOIN proposals p ON p.id = a.proposal_id
        LEFT JOIN evaluations e ON e.proposal_id = a.proposal_id AND e.account_id = a.account_id
        WHERE p.edition_id = ?
        GROUP BY p.id, p.number, p.title
        ORDER BY p.number
    )sql",
                             {edition.value()});
    for (const auto& row : by_proposal.rows)
        out.proposals.push_back({row.id<ProposalId>("id"), row.integer("number"), row.text("title"),
                                 static_cast<int>(row.integer("assigned")),
                                 static_cast<int>(row.integer("submitted"))});
    return out;
}

std::vector<SubmittedEvaluation> submitted_evaluations(db::Connection& c, EditionId edition) {
    std::vector<SubmittedEvaluation> out;
    auto r = c.run(R"sql(
        SELECT e.proposal_id, e.account_id, p.format, e.content
        FROM evaluations e
        JOIN proposals p ON p.id = e.proposal_id
        WHERE p.edition_id = ? AND e.status = 'submitted'
        ORDER BY p.number, e.account_id
    )sql",
                   {edition.value()});
    for (const auto& row : r.rows)
        out.push_back({row.id<ProposalId>("proposal_id"), row.id<AccountId>("account_id"),
                       row.text("format"), parse_content(row.text("content"))});
    return out;
}

std::vector<std::pair<std::int64_t, std::string>> same_theme_proposals(db::Connection& c,
                                                                       ProposalId proposal) {
    std::vector<std::pair<std::int64_t, std::string>> out;
    auto r = c.run(R"sql(
        SELECT o.number, o.title
        FROM proposals p
        JOIN proposals o ON o.edition_id = p.edition_id AND o.theme_id = p.theme_id
                        AND o.id <> p.id
        WHERE p.id = ? AND o.status = 'submitted'
        ORDER BY o.number
    )sql",
                   {proposal});
    for (const auto& row : r.rows) out.emplace_back(row.integer("number"), row.text("title"));
    return out;
}

std::int64_t count_evaluations(db::Connection& c, EditionId edition) {
    return db::scalar(c.run(R"sql(
        SELECT COUNT(*)
        FROM evaluations e
        JOIN proposals p ON p.id = e.proposal_id
        WHERE p.edition_id = ?
    )sql",
                            {edition.value()}));
}

std::vector<SheetProposal> sheet_proposals(db::Connection& c, EditionId edition) {
    std::vector<SheetProposal> out;
    auto r = c.run(R"sql(
        SELECT p.id, p.number, p.title, COALESCE(t.name, '') AS theme, p.format
        FROM proposals p
        LEFT JOIN themes t ON t.id = p.theme_id
        WHERE p.edition_id = ? AND p.status = 'submitted'
        ORDER BY p.number
    )sql",
                   {edition.value()});
    for (const auto& row : r.rows)
        out.push_back({row.id<ProposalId>("id"), row.integer("number"), row.text("title"),
                       row.text("theme"), row.text("format")});
    return out;
}

}  // namespace convene::store
