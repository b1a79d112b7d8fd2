#include "store/proposals/proposals.hpp"

#include <map>
#include <string_view>

#include "core/common/field_error.hpp"
#include "store/editions/editions.hpp"
#include "store/reports/reports.hpp"

namespace convene::store {

namespace {

// The proposal columns assemble() reads; each statement adds its WHERE and ORDER BY.
constexpr std::string_view proposal_columns = R"sql(
        SELECT p.id, p.session_type, p.title, COALESCE(t.name, '') AS theme, p.format,
               p.duration, p.description, COALESCE(p.submitted_at, '') AS submitted_at,
               p.policy_questions, p.tags, p.sdgs, p.agenda, p.expected_outcomes,
               p.online_participation, p.background_paper, p.previous_report, p.relevance
        FROM proposals p
        LEFT JOIN themes t ON t.id = p.theme_id
)sql";

// The people columns assemble() reads (p is their proposal, for the WHERE).
constexpr std::string_view people_columns = R"sql(
        SELECT pp.proposal_id, pp.role, pp.confirmation, pp.onsite, pe.name,
               COALESCE(pe.email, '') AS email, COALESCE(o.name, '') AS organisation,
               COALESCE(pe.country, '') AS country, pe.stakeholder_group, pe.gender,
               COALESCE(c.regional_group, '') AS regional_group,
               COALESCE(si.response, '') AS answer
        FROM proposal_people pp
        JOIN proposals p ON p.id = pp.proposal_id
        JOIN people pe ON pe.id = pp.person_id
        LEFT JOIN organisations o ON o.id = pe.organisation_id
        LEFT JOIN countries c ON c.code = pe.country
        LEFT JOIN speaker_invitations si
            ON si.proposal_id = pp.proposal_id AND si.person_id = pp.person_id
            AND si.response IS NOT NULL
)sql";

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
        p.id = r.text("id");
        p.session_type = r.text("session_type");
        p.title = r.text("title");
        p.theme = r.text("theme");
        p.format = r.text("format");
        p.duration = static_cast<int>(r.integer("duration"));
        p.description = r.text("description");
        p.submitted_at = r.text("submitted_at");
        p.policy_questions = json_list(r.text("policy_questions"));
        p.tags = json_list(r.text("tags"));
        p.sdgs = json_list(r.text("sdgs"));
        p.agenda = r.text("agenda");
        p.expected_outcomes = r.text("expected_outcomes");
        p.online_participation = r.text("online_participation");
        p.background_paper = r.text("background_paper");
        p.previous_report = r.text("previous_report");
        p.relevance = r.text("relevance");
        index[p.id] = out.size();
        out.push_back(std::move(p));
    }
    for (const auto& r : people.rows) {
        auto at = index.find(r.text("proposal_id"));
        if (at == index.end()) continue;
        auto& p = out[at->second];
        ProposalPerson person;
        person.confirmation = r.text("confirmation");
        // onsite: 1 onsite, 0 online, -1 not known yet
        if (r.integer("onsite") >= 0) person.onsite = r.integer("onsite") != 0;
        person.name = r.text("name");
        person.email = r.text("email");
        person.organisation = r.text("organisation");
        person.country = r.text("country");
        person.stakeholder_group = r.text("stakeholder_group");
        person.gender = r.text("gender");
        person.regional_group = r.text("regional_group");
        person.answer = r.text("answer");
        const auto& role = r.text("role");
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

std::vector<Proposal> load_proposals(db::Connection& c, EditionId edition, bool with_drafts) {
    const std::string which = with_drafts ? R"sql(
        WHERE p.edition_id = ?
)sql"
                                          : R"sql(
        WHERE p.edition_id = ? AND p.status NOT IN ('draft', 'withdrawn')
)sql";
    auto proposals = c.run(std::string(proposal_columns) + which + R"sql(
        ORDER BY p.number
    )sql",
                           {edition.value()});
    auto people = c.run(std::string(people_columns) + which + R"sql(
        ORDER BY pp.proposal_id, pp.position
    )sql",
                        {edition.value()});
    return assemble(proposals, people);
}

std::optional<Proposal> load_proposal(db::Connection& c, ProposalId proposal) {
    auto proposals = c.run(std::string(proposal_columns) + R"sql(
        WHERE p.id = ?
    )sql",
                           {proposal});
    auto people = c.run(std::string(people_columns) + R"sql(
        WHERE p.id = ?
        ORDER BY pp.position
    )sql",
                        {proposal});
    auto all = assemble(proposals, people);
    if (all.empty()) return std::nullopt;
    return all[0];
}

std::optional<EditionId> edition_of_proposal(db::Connection& c, ProposalId proposal) {
    auto r = c.run(R"sql(SELECT edition_id FROM proposals WHERE id = ?)sql", {proposal});
    if (r.empty()) return std::nullopt;
    return r.rows[0].id<EditionId>("edition_id");
}

ScreeningRules screening_rules(db::Connection& c, EditionId edition) {
    auto r = c.run(R"sql(SELECT screening_rules FROM editions WHERE id = ?)sql", {edition.value()});
    if (r.empty()) return {};
    auto stored = nlohmann::json::parse(r.rows[0].text("screening_rules"), nullptr, false);
    // Written only through set_screening_rules, so always readable; a hand-edited row that
    // is not falls back to the standard rules rather than stopping screening.
    try {
        return stored.is_object() ? screening_rules_from_json(stored) : ScreeningRules{};
    } catch (const InputError&) {
        return {};
    }
}

void set_screening_rules(db::Connection& c, EditionId edition, const ScreeningRules& rules) {
    c.run(R"sql(UPDATE editions SET screening_rules = ? WHERE id = ?)sql",
          {to_json(rules).dump(), edition.value()});
}

// Sessions held in the editions of the years before this one, newest first, with their
// organisers (people and institutions) and whether a report was filed.
std::vector<PastSession> past_sessions(db::Connection& c, EditionId edition, int lookback,
                                       const std::string& now) {
    std::vector<PastSession> out;
    if (lookback <= 0) return out;
    auto years = c.run(R"sql(
        SELECT DISTINCT year
        FROM editions
        WHERE year < (SELECT year FROM editions WHERE id = ?)
        ORDER BY year DESC
        LIMIT ?
    )sql",
                       {edition.value(), std::int64_t{lookback}});
    if (years.empty()) return out;
    std::map<std::int64_t, int> ago;
    for (std::size_t i = 0; i < years.rows.size(); ++i)
        ago[years.rows[i].integer("year")] = static_cast<int>(i) + 1;
    auto oldest = years.rows.back().integer("year");
    auto rows = c.run(R"sql(
        SELECT p.id, e.year, p.title,
               (SELECT COUNT(*) FROM session_reports r WHERE r.proposal_id = p.id) AS reports,
               pe.name, COALESCE(pe.email, '') AS email, COALESCE(o.name, '') AS organisation
        FROM proposals p
        JOIN editions e ON e.id = p.edition_id
        JOIN proposal_people pp ON pp.proposal_id = p.id AND pp.role = 'organiser'
        JOIN people pe ON pe.id = pp.person_id
        LEFT JOIN organisations o ON o.id = pe.organisation_id
        WHERE e.year < (SELECT year FROM editions WHERE id = ?) AND e.year >= ?
          AND p.status IN ('held', 'imported')
        ORDER BY p.id, pp.position
    )sql",
                      {edition.value(), oldest});
    std::map<std::int64_t, std::size_t> index;
    for (const auto& r : rows.rows) {
        auto [it, fresh] = index.emplace(r.integer("id"), out.size());
        if (fresh)
            out.push_back({ago[r.integer("year")], r.text("title"), {}, r.integer("reports") > 0});
        ProposalPerson o;
        o.name = r.text("name");
        o.email = r.text("email");
        o.organisation = r.text("organisation");
        out[it->second].organisers.push_back(std::move(o));
    }
    // The sessions of the forum's own programme in those years, with the reports filed
    // through Convene: on time, or late or missing (a report still due counts as filed).
    auto editions = c.run(R"sql(
        SELECT id, year FROM editions
        WHERE year < (SELECT year FROM editions WHERE id = ?) AND year >= ?
        ORDER BY year DESC, id
    )sql",
                          {edition.value(), oldest});
    for (const auto& e : editions.rows) {
        auto past_edition = e.id<EditionId>("id");
        auto settings = report_settings(c, past_edition);
        for (auto& s : reported_sessions(c, past_edition)) {
            if (s.proposal && index.count(s.proposal->value())) continue;
            auto due = reports::deadlines(s.end_utc, settings).full_due;
            out.push_back({ago[e.integer("year")], s.title, std::move(s.organisers),
                           reports::full_report_in_time(s.full_filed_at, s.full_late, due, now)});
        }
    }
    return out;
}

ScreeningContext screening_context(db::Connection& c, EditionId edition, const std::string& now) {
    ScreeningContext context;
    context.rules = screening_rules(c, edition);
    if (context.rules.previous_report_required)
        context.past_sessions =
            past_sessions(c, edition, context.rules.report_lookback_editions, now);
    for (const auto& m : list_members(c, edition)) {
        ProposalPerson p;
        p.name = m.name;
        p.email = m.email;
        context.mag_members.push_back(std::move(p));
    }
    return context;
}

void save_screening(db::Connection& c, EditionId edition,
                    const std::vector<ScreeningResult>& results, const std::string& now) {
    c.run(R"sql(
        DELETE FROM screening_results
        WHERE proposal_id IN (SELECT id FROM proposals WHERE edition_id = ?)
    )sql",
          {edition.value()});
    std::vector<db::Value> values;
    for (const auto& r : results) {
        values.emplace_back(std::int64_t{std::stoll(r.proposal)});
        values.emplace_back(std::int64_t{r.passed});
        values.emplace_back(to_json(r)["failures"].dump());
        values.emplace_back(now);
    }
    db::insert_rows(
        c, R"sql(INSERT INTO screening_results (proposal_id, passed, failures, screened_at))sql", 4,
        values);
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
                                             db::Value key) {
    std::vector<ScreenedProposal> out;
    // The override's columns are named apart from the rules' (o.passed beside s.passed).
    auto r = c.run(R"sql(
        SELECT s.proposal_id, p.number, p.title, COALESCE(t.name, '') AS theme, s.passed,
               s.failures, s.screened_at, o.passed AS override_passed, o.justification,
               COALESCE(a.name, '') AS override_by, o.decided_at
        FROM screening_results s
        JOIN proposals p ON p.id = s.proposal_id
        LEFT JOIN themes t ON t.id = p.theme_id
        LEFT JOIN screening_overrides o ON o.proposal_id = s.proposal_id
        LEFT JOIN accounts a ON a.id = o.account_id
        WHERE )sql" + where +
                       R"sql(
        ORDER BY p.number
    )sql",
                   {key});
    for (const auto& row : r.rows) {
        ScreenedProposal item;
        item.proposal = row.id<ProposalId>("proposal_id");
        item.number = row.integer("number");
        item.title = row.text("title");
        item.theme = row.text("theme");
        item.passed = row.boolean("passed");
        item.failures =
            failures_from_json(nlohmann::json::parse(row.text("failures"), nullptr, false));
        item.screened_at = row.text("screened_at");
        if (!row.is_null("override_passed"))
            item.override_by_secretariat =
                ScreeningOverride{row.boolean("override_passed"), row.text("justification"),
                                  row.text("override_by"), row.text("decided_at")};
        out.push_back(std::move(item));
    }
    return out;
}

}  // namespace

std::vector<ScreenedProposal> load_screening(db::Connection& c, EditionId edition) {
    // A withdrawn proposal leaves the list; its result stays in the record.
    return screening_rows(c, R"sql(p.edition_id = ? AND p.status <> 'withdrawn')sql",
                          edition.value());
}

std::optional<ScreenedProposal> load_screening_result(db::Connection& c, ProposalId proposal) {
    auto rows = screening_rows(c, R"sql(s.proposal_id = ?)sql", proposal);
    if (rows.empty()) return std::nullopt;
    return rows[0];
}

void override_screening(db::Connection& c, ProposalId proposal, bool passed,
                        const std::string& justification, AccountId account,
                        const std::string& now) {
    c.run(R"sql(DELETE FROM screening_overrides WHERE proposal_id = ?)sql", {proposal});
    c.run(R"sql(
        INSERT INTO screening_overrides (proposal_id, passed, justification, account_id, decided_at)
        VALUES (?, ?, ?, ?, ?)
    )sql",
          {proposal, std::int64_t{passed}, justification, account.value(), now});
}

}  // namespace convene::store
