#include "store/evaluation/assignment.hpp"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/common/parsed_once.hpp"
#include "core/common/text.hpp"
#include "store/editions/editions.hpp"
#include "store/proposals/proposals.hpp"

namespace convene::store {

EvaluationSettings evaluation_settings(db::Connection& c, EditionId edition) {
    auto r =
        c.run(R"sql(SELECT evaluation_settings FROM editions WHERE id = ?)sql", {edition.value()});
    if (r.empty()) return standard_evaluation_settings();
    return parsed_once<EvaluationSettings>(
        r.rows[0].text("evaluation_settings"), [](std::string_view text) {
            auto s = standard_evaluation_settings();
            auto j = nlohmann::json::parse(text, nullptr, false);
            if (!j.is_object()) return s;
            FieldErrors ignored;  // stored settings were checked when saved
            return evaluation_settings_from_json(j, s, ignored);
        });
}

void set_evaluation_settings(db::Connection& c, EditionId edition, const EvaluationSettings& s) {
    c.run(R"sql(UPDATE editions SET evaluation_settings = ? WHERE id = ?)sql",
          {to_json(s).dump(), edition.value()});
}

AssignmentInstance assignment_instance(db::Connection& c, EditionId edition,
                                       const EvaluationSettings& settings) {
    AssignmentInstance in;
    in.per_proposal = settings.per_proposal;
    // Submitted proposals that passed screening (the Secretariat's verdict first), or
    // every submitted one when screening has not run.
    std::map<std::int64_t, std::size_t> index;
    auto proposals = c.run(R"sql(
        SELECT p.id, COALESCE(t.name, '') AS theme
    )sql" + std::string(submitted_proposals) +
                               R"sql(
        ORDER BY p.number
    )sql",
                           {edition.value()});
    for (const auto& row : proposals.rows) {
        index[row.integer("id")] = in.proposals.size();
        in.proposals.push_back({row.text("id"), row.text("theme"), {}, {}});
    }
    auto members = list_members(c, edition);
    std::map<std::string, std::string> member_by_email;
    for (const auto& m : members) member_by_email[ascii_lower(m.email)] = to_string(m.account_id);
    auto people = c.run(R"sql(
        SELECT pp.proposal_id, pp.role, COALESCE(pe.email, '') AS email, pe.account_id,
               COALESCE(o.name, '') AS organisation
        FROM proposal_people pp
        JOIN proposals p ON p.id = pp.proposal_id
        JOIN people pe ON pe.id = pp.person_id
        LEFT JOIN organisations o ON o.id = pe.organisation_id
        WHERE p.edition_id = ?
    )sql",
                        {edition.value()});
    for (const auto& row : people.rows) {
        auto at = index.find(row.integer("proposal_id"));
        if (at == index.end()) continue;
        auto& proposal = in.proposals[at->second];
        if (!row.is_null("account_id"))
            proposal.people.push_back(std::to_string(row.integer("account_id")));
        auto by_email = member_by_email.find(ascii_lower(row.text("email")));
        if (by_email != member_by_email.end()) proposal.people.push_back(by_email->second);
        if (row.text("role") == "organiser" && !row.text("organisation").empty())
            proposal.organisations.push_back(row.text("organisation"));
    }
    std::map<AccountId, std::vector<std::string>> groups;
    auto member_groups = c.run(R"sql(
        SELECT account_id, group_name
        FROM member_groups
        WHERE edition_id = ?
        ORDER BY group_name
    )sql",
                               {edition.value()});
    for (const auto& row : member_groups.rows)
        groups[row.id<AccountId>("account_id")].push_back(row.text("group_name"));
    int max_load = settings.max_load;
    if (max_load <= 0 && !members.empty())
        max_load = static_cast<int>(
            std::ceil(1.25 * static_cast<double>(in.proposals.size()) * settings.per_proposal /
                      static_cast<double>(members.size())));
    std::set<AccountId> member_ids;
    for (const auto& m : members) {
        member_ids.insert(m.account_id);
        in.evaluators.push_back({to_string(m.account_id), m.organisation, m.stakeholder_group,
                                 groups[m.account_id], max_load});
    }
    // Declared conflicts, and every member who edits a proposal (whichever came first:
    // joining the proposal or the MAG) never evaluates it.
    auto conflicts = c.run(R"sql(
        SELECT k.account_id, k.proposal_id
        FROM conflicts k
        JOIN proposals p ON p.id = k.proposal_id
        WHERE p.edition_id = ?
        UNION
        SELECT e.account_id, e.proposal_id
        FROM proposal_editors e
        JOIN proposals p ON p.id = e.proposal_id
        WHERE p.edition_id = ?
    )sql",
                           {edition.value(), edition.value()});
    for (const auto& row : conflicts.rows)
        if (index.count(row.integer("proposal_id")) &&
            member_ids.count(row.id<AccountId>("account_id")))
            in.conflicts.emplace_back(std::to_string(row.integer("account_id")),
                                      std::to_string(row.integer("proposal_id")));
    return in;
}

void set_member_groups(db::Connection& c, EditionId edition, AccountId account,
                       const std::vector<std::string>& groups) {
    c.run(R"sql(DELETE FROM member_groups WHERE edition_id = ? AND account_id = ?)sql",
          {edition.value(), account.value()});
    for (const auto& g : groups)
        c.run(R"sql(
            INSERT INTO member_groups (edition_id, account_id, group_name) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING
        )sql",
              {edition.value(), account.value(), g});
}

void save_assignment(db::Connection& c, EditionId edition, const std::vector<AssignmentPair>& pairs,
                     const std::string& now) {
    c.run(R"sql(
        DELETE FROM assignments
        WHERE proposal_id IN (SELECT id FROM proposals WHERE edition_id = ?)
    )sql",
          {edition.value()});
    std::vector<db::Value> values;
    for (const auto& pair : pairs)
        for (db::Value v : {db::Value{std::int64_t{std::stoll(pair.proposal)}},
                            db::Value{std::int64_t{std::stoll(pair.evaluator)}}, db::Value{now},
                            db::Value{std::int64_t{0}}})
            values.push_back(std::move(v));
    db::insert_rows(c, R"sql(
        INSERT INTO assignments (proposal_id, account_id, assigned_at, published)
    )sql",
                    4, values);
}

StoredAssignment load_assignment(db::Connection& c, EditionId edition) {
    StoredAssignment out;
    auto r = c.run(R"sql(
        SELECT a.account_id, a.proposal_id, a.published
        FROM assignments a
        JOIN proposals p ON p.id = a.proposal_id
        WHERE p.edition_id = ?
        ORDER BY p.number, a.account_id
    )sql",
                   {edition.value()});
    for (const auto& row : r.rows) {
        out.pairs.push_back({std::to_string(row.integer("account_id")),
                             std::to_string(row.integer("proposal_id"))});
        out.published = row.boolean("published");
    }
    return out;
}

void publish_assignment(db::Connection& c, EditionId edition) {
    c.run(R"sql(
        UPDATE assignments SET published = 1
        WHERE proposal_id IN (SELECT id FROM proposals WHERE edition_id = ?)
    )sql",
          {edition.value()});
}

bool declare_conflict(db::Connection& c, ProposalId proposal, AccountId account,
                      const std::string& now, const std::string& origin) {
    c.run(R"sql(
        INSERT INTO conflicts (proposal_id, account_id, declared_at, origin) VALUES (?, ?, ?, ?)
        ON CONFLICT DO NOTHING
    )sql",
          {proposal, account.value(), now, origin});
    c.run(R"sql(DELETE FROM assignments WHERE proposal_id = ? AND account_id = ?)sql",
          {proposal, account.value()});
    return c.run(R"sql(DELETE FROM evaluations WHERE proposal_id = ? AND account_id = ?)sql",
                 {proposal, account.value()})
               .changed > 0;
}

void add_assignment(db::Connection& c, EditionId edition, const AssignmentPair& pair,
                    const std::string& now) {
    c.run(R"sql(
        INSERT INTO assignments (proposal_id, account_id, assigned_at, published)
        SELECT ?, ?, ?, COALESCE(MAX(a.published), 0)
        FROM assignments a
        JOIN proposals p ON p.id = a.proposal_id
        WHERE p.edition_id = ?
        ON CONFLICT DO NOTHING
    )sql",
          {std::int64_t{std::stoll(pair.proposal)}, std::int64_t{std::stoll(pair.evaluator)}, now,
           edition.value()});
}

bool remove_assignment(db::Connection& c, ProposalId proposal, AccountId account) {
    c.run(R"sql(DELETE FROM assignments WHERE proposal_id = ? AND account_id = ?)sql",
          {proposal, account.value()});
    return c.run(R"sql(DELETE FROM evaluations WHERE proposal_id = ? AND account_id = ?)sql",
                 {proposal, account.value()})
               .changed > 0;
}

std::vector<ProposalId> proposals_edited_in(db::Connection& c, EditionId edition,
                                            AccountId account) {
    std::vector<ProposalId> out;
    auto r = c.run(R"sql(
        SELECT e.proposal_id
        FROM proposal_editors e
        JOIN proposals p ON p.id = e.proposal_id
        WHERE p.edition_id = ? AND e.account_id = ?
        ORDER BY 1
    )sql",
                   {edition.value(), account.value()});
    for (const auto& row : r.rows) out.push_back(row.id<ProposalId>("proposal_id"));
    return out;
}

bool has_assignment(db::Connection& c, ProposalId proposal, AccountId account) {
    return !c.run(R"sql(SELECT 1 FROM assignments WHERE proposal_id = ? AND account_id = ?)sql",
                  {proposal, account.value()})
                .empty();
}

std::vector<RecordedConflict> conflicts_of_edition(db::Connection& c, EditionId edition) {
    std::vector<RecordedConflict> out;
    auto r = c.run(R"sql(
        SELECT k.proposal_id, COALESCE(p.number, 0) AS number, p.title, a.name AS member,
               k.declared_at, k.origin
        FROM conflicts k
        JOIN proposals p ON p.id = k.proposal_id
        JOIN accounts a ON a.id = k.account_id
        WHERE p.edition_id = ?
        ORDER BY k.declared_at DESC, k.proposal_id
    )sql",
                   {edition.value()});
    for (const auto& row : r.rows)
        out.push_back({row.id<ProposalId>("proposal_id"), row.integer("number"), row.text("title"),
                       row.text("member"), row.text("declared_at"), row.text("origin")});
    return out;
}

}  // namespace convene::store
