#include "store/proposals/proposals.hpp"

#include <map>

#include "store/editions/editions.hpp"

namespace convene::store {

namespace {

const char* proposal_columns =
    "SELECT p.id, p.session_type, p.title, COALESCE(t.name, ''), p.format, p.duration, "
    "p.description, "
    "COALESCE(p.submitted_at, ''), p.policy_questions, p.tags, p.sdgs, p.agenda, "
    "p.expected_outcomes, "
    "p.online_participation, p.background_paper, p.previous_report, p.relevance FROM proposals p "
    "LEFT JOIN themes t ON t.id = p.theme_id ";

const char* people_columns =
    "SELECT pp.proposal_id, pp.role, pp.confirmation, pp.onsite, pe.name, "
    "COALESCE(pe.email, ''), "
    "COALESCE(o.name, ''), COALESCE(pe.country, ''), pe.stakeholder_group, pe.gender, "
    "COALESCE(c.regional_group, ''), COALESCE(si.response, '') FROM proposal_people pp JOIN "
    "proposals p ON p.id = "
    "pp.proposal_id "
    "JOIN people pe ON pe.id = pp.person_id LEFT JOIN organisations o ON o.id = pe.organisation_id "
    "LEFT JOIN countries c ON c.code = pe.country "
    "LEFT JOIN speaker_invitations si ON si.proposal_id = pp.proposal_id AND si.person_id = "
    "pp.person_id AND si.response IS NOT NULL ";

std::vector<std::string> json_list(const std::string& text) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    std::vector<std::string> out;
    if (j.is_array())
        for (const auto& v : j)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

std::vector<Proposal> assemble(const db::Result& proposals, const db::Result& people) {
    std::vector<Proposal> out;
    std::map<std::string, std::size_t> index;
    for (const auto& r : proposals.rows) {
        Proposal p;
        p.id = r.text(0);
        p.session_type = r.text(1);
        p.title = r.text(2);
        p.theme = r.text(3);
        p.format = r.text(4);
        p.duration = static_cast<int>(r.integer(5));
        p.description = r.text(6);
        p.submitted_at = r.text(7);
        p.policy_questions = json_list(r.text(8));
        p.tags = json_list(r.text(9));
        p.sdgs = json_list(r.text(10));
        p.agenda = r.text(11);
        p.expected_outcomes = r.text(12);
        p.online_participation = r.text(13);
        p.background_paper = r.text(14);
        p.previous_report = r.text(15);
        p.relevance = r.text(16);
        index[p.id] = out.size();
        out.push_back(std::move(p));
    }
    for (const auto& r : people.rows) {
        auto at = index.find(r.text(0));
        if (at == index.end()) continue;
        auto& p = out[at->second];
        ProposalPerson person;
        person.confirmation = r.text(2);
        // onsite: 1 onsite, 0 online, -1 not known yet
        if (r.integer(3) >= 0) person.onsite = r.integer(3) != 0;
        person.name = r.text(4);
        person.email = r.text(5);
        person.organisation = r.text(6);
        person.country = r.text(7);
        person.stakeholder_group = r.text(8);
        person.gender = r.text(9);
        person.regional_group = r.text(10);
        person.answer = r.text(11);
        const auto& role = r.text(1);
        if (role == "organiser") {
            if (p.organisers.empty()) p.proposer = person;  // the first organiser submitted it
            p.organisers.push_back(std::move(person));
        } else if (role == "speaker") {
            p.speakers.push_back(std::move(person));
        } else if (role == "moderator") {
            p.moderators.push_back(std::move(person));
        } else if (role == "online_moderator") {
            p.online_moderators.push_back(std::move(person));
        } else if (role == "rapporteur") {
            p.rapporteurs.push_back(std::move(person));
        }
    }
    return out;
}

}  // namespace

std::vector<Proposal> load_proposals(db::Connection& c, std::int64_t edition, bool with_drafts) {
    std::string which =
        with_drafts ? "WHERE p.edition_id = ? " : "WHERE p.edition_id = ? AND p.status <> 'draft' ";
    auto proposals = c.run(std::string(proposal_columns) + which + "ORDER BY p.number", {edition});
    auto people = c.run(
        std::string(people_columns) + which + "ORDER BY pp.proposal_id, pp.position", {edition});
    return assemble(proposals, people);
}

std::optional<Proposal> load_proposal(db::Connection& c, std::int64_t proposal) {
    auto proposals = c.run(std::string(proposal_columns) + "WHERE p.id = ?", {proposal});
    auto people =
        c.run(std::string(people_columns) + "WHERE p.id = ? ORDER BY pp.position", {proposal});
    auto all = assemble(proposals, people);
    if (all.empty()) return std::nullopt;
    return all[0];
}

std::optional<std::int64_t> edition_of_proposal(db::Connection& c, std::int64_t proposal) {
    auto r = c.run("SELECT edition_id FROM proposals WHERE id = ?", {proposal});
    if (r.empty()) return std::nullopt;
    return r.rows[0].integer(0);
}

nlohmann::json screening_rules(db::Connection& c, std::int64_t edition) {
    auto r = c.run("SELECT screening_rules FROM editions WHERE id = ?", {edition});
    if (r.empty()) return nlohmann::json::object();
    auto rules = nlohmann::json::parse(r.rows[0].text(0), nullptr, false);
    return rules.is_object() ? rules : nlohmann::json::object();
}

void set_screening_rules(db::Connection& c, std::int64_t edition, const nlohmann::json& rules) {
    c.run("UPDATE editions SET screening_rules = ? WHERE id = ?", {rules.dump(), edition});
}

// Sessions held in the editions of the years before this one, newest first, with their
// organisers (people and institutions) and whether a report was filed.
std::vector<PastSession> past_sessions(db::Connection& c, std::int64_t edition, int lookback) {
    std::vector<PastSession> out;
    if (lookback <= 0) return out;
    auto years = c.run(
        "SELECT DISTINCT year FROM editions WHERE year < (SELECT year FROM editions WHERE id = ?) "
        "ORDER BY year DESC LIMIT ?",
        {edition, std::int64_t{lookback}});
    if (years.empty()) return out;
    std::map<std::int64_t, int> ago;
    for (std::size_t i = 0; i < years.rows.size(); ++i)
        ago[years.rows[i].integer(0)] = static_cast<int>(i) + 1;
    auto oldest = years.rows.back().integer(0);
    auto rows = c.run(
        "SELECT p.id, e.year, p.title, (SELECT COUNT(*) FROM session_reports r WHERE r.proposal_id "
        "= p.id), "
        "pe.name, COALESCE(pe.email, ''), COALESCE(o.name, '') FROM proposals p "
        "JOIN editions e ON e.id = p.edition_id "
        "JOIN proposal_people pp ON pp.proposal_id = p.id AND pp.role = 'organiser' "
        "JOIN people pe ON pe.id = pp.person_id LEFT JOIN organisations o ON o.id = "
        "pe.organisation_id "
        "WHERE e.year < (SELECT year FROM editions WHERE id = ?) AND e.year >= ? "
        "AND p.status IN ('held', 'imported') ORDER BY p.id, pp.position",
        {edition, oldest});
    std::map<std::int64_t, std::size_t> index;
    for (const auto& r : rows.rows) {
        auto [it, fresh] = index.emplace(r.integer(0), out.size());
        if (fresh) out.push_back({ago[r.integer(1)], r.text(2), {}, r.integer(3) > 0});
        ProposalPerson o;
        o.name = r.text(4);
        o.email = r.text(5);
        o.organisation = r.text(6);
        out[it->second].organisers.push_back(std::move(o));
    }
    return out;
}

ScreeningContext screening_context(db::Connection& c, std::int64_t edition) {
    auto context = screening_context_from_json({{"screening", screening_rules(c, edition)}});
    if (context.rules.previous_report_required)
        context.past_sessions = past_sessions(c, edition, context.rules.report_lookback_editions);
    for (const auto& m : list_members(c, edition)) {
        ProposalPerson p;
        p.name = m.name;
        p.email = m.email;
        context.mag_members.push_back(std::move(p));
    }
    return context;
}

void save_screening(db::Connection& c, std::int64_t edition,
                    const std::vector<ScreeningResult>& results, const std::string& now) {
    c.run(
        "DELETE FROM screening_results WHERE proposal_id IN (SELECT id FROM proposals WHERE "
        "edition_id = ?)",
        {edition});
    std::vector<db::Value> values;
    for (const auto& r : results) {
        values.emplace_back(std::int64_t{std::stoll(r.proposal)});
        values.emplace_back(std::int64_t{r.passed});
        values.emplace_back(to_json(r)["failures"].dump());
        values.emplace_back(now);
    }
    db::insert_rows(c, "INSERT INTO screening_results (proposal_id, passed, failures, screened_at)",
                    4, values);
}

namespace {

// The stored failures column: [{code, message}], as to_json(ScreeningResult) writes it.
std::vector<ScreeningFailure> failures_from_json(const nlohmann::json& list) {
    std::vector<ScreeningFailure> out;
    if (!list.is_array()) return out;
    for (const auto& f : list)
        if (f.is_object()) out.push_back({f.value("code", ""), f.value("message", ""), ""});
    return out;
}

std::vector<ScreenedProposal> screening_rows(db::Connection& c, const std::string& where,
                                             std::int64_t key) {
    std::vector<ScreenedProposal> out;
    auto r = c.run(
        "SELECT s.proposal_id, p.number, p.title, COALESCE(t.name, ''), s.passed, s.failures, "
        "s.screened_at, "
        "o.passed, o.justification, COALESCE(a.name, ''), o.decided_at FROM screening_results s "
        "JOIN proposals p ON p.id = s.proposal_id LEFT JOIN themes t ON t.id = p.theme_id "
        "LEFT JOIN screening_overrides o ON o.proposal_id = s.proposal_id "
        "LEFT JOIN accounts a ON a.id = o.account_id WHERE " +
            where + " ORDER BY p.number",
        {key});
    for (const auto& row : r.rows) {
        ScreenedProposal item;
        item.proposal = ProposalId{row.integer(0)};
        item.number = row.integer(1);
        item.title = row.text(2);
        item.theme = row.text(3);
        item.passed = row.boolean(4);
        item.failures = failures_from_json(nlohmann::json::parse(row.text(5), nullptr, false));
        item.screened_at = row.text(6);
        if (!row.is_null(7))
            item.override_by_secretariat =
                ScreeningOverride{row.boolean(7), row.text(8), row.text(9), row.text(10)};
        out.push_back(std::move(item));
    }
    return out;
}

}  // namespace

std::vector<ScreenedProposal> load_screening(db::Connection& c, std::int64_t edition) {
    return screening_rows(c, "p.edition_id = ?", edition);
}

std::optional<ScreenedProposal> load_screening_result(db::Connection& c, std::int64_t proposal) {
    auto rows = screening_rows(c, "s.proposal_id = ?", proposal);
    if (rows.empty()) return std::nullopt;
    return rows[0];
}

void override_screening(db::Connection& c, std::int64_t proposal, bool passed,
                        const std::string& justification, std::int64_t account,
                        const std::string& now) {
    c.run("DELETE FROM screening_overrides WHERE proposal_id = ?", {proposal});
    c.run(
        "INSERT INTO screening_overrides (proposal_id, passed, justification, account_id, "
        "decided_at) VALUES "
        "(?, ?, ?, ?, ?)",
        {proposal, std::int64_t{passed}, justification, account, now});
}

}  // namespace convene::store
