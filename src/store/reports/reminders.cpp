#include "store/reports/reminders.hpp"

#include "core/common/text.hpp"

namespace convene::store {

std::map<SessionId, std::vector<ReportAddressee>> report_addressees(db::Connection& c,
                                                                    EditionId edition) {
    auto rows = c.run(R"sql(
        SELECT s.id AS session_id, pe.name AS name, COALESCE(NULLIF(pe.email, ''), a.email, '') AS email,
               pp.position AS position, 0 AS kind
        FROM programme_sessions s
        JOIN published_placements pl ON pl.session_id = s.id
        JOIN proposal_people pp ON pp.proposal_id = s.proposal_id
             AND pp.role IN ('organiser', 'rapporteur') AND pp.confirmation <> 'declined'
        JOIN people pe ON pe.id = pp.person_id
        LEFT JOIN accounts a ON a.id = pe.account_id
        WHERE s.edition_id = ? AND s.cancelled_at IS NULL
        UNION ALL
        SELECT s.id AS session_id, pe.name AS name, COALESCE(NULLIF(pe.email, ''), a.email, '') AS email,
               0 AS position, 1 AS kind
        FROM programme_sessions s
        JOIN published_placements pl ON pl.session_id = s.id
        JOIN session_people sp ON sp.session_id = s.id AND sp.role IN ('organiser', 'rapporteur')
        JOIN people pe ON pe.id = sp.person_id
        LEFT JOIN accounts a ON a.id = pe.account_id
        WHERE s.edition_id = ? AND s.cancelled_at IS NULL
        ORDER BY session_id, kind, position, name
    )sql",
                      {edition, edition});
    std::map<SessionId, std::vector<ReportAddressee>> out;
    std::set<std::pair<SessionId, std::string>> seen;
    for (const auto& row : rows.rows) {
        auto email = trim(row.text("email"));
        if (email.empty()) continue;
        auto session = row.id<SessionId>("session_id");
        if (!seen.insert({session, ascii_lower(email)}).second) continue;
        out[session].push_back({row.text("name"), email});
    }
    return out;
}

std::vector<EditionId> editions_with_published_sessions(db::Connection& c) {
    std::vector<EditionId> out;
    for (const auto& row : c.run(R"sql(
        SELECT DISTINCT s.edition_id
        FROM programme_sessions s
        JOIN published_placements pl ON pl.session_id = s.id
        WHERE s.cancelled_at IS NULL
        ORDER BY s.edition_id
    )sql")
                               .rows)
        out.push_back(row.id<EditionId>("edition_id"));
    return out;
}

std::set<std::string> sent_reminder_keys(db::Connection& c, EditionId edition) {
    std::set<std::string> out;
    for (const auto& row : c.run(R"sql(
        SELECT session_id, part, stage, email FROM report_reminders WHERE edition_id = ?
    )sql",
                                 {edition})
                               .rows)
        out.insert(reports::reminder_key(row.integer("session_id"),
                                         {row.text("part"), row.text("stage"), ""},
                                         row.text("email")));
    return out;
}

std::map<SessionId, int> reminders_per_session(db::Connection& c, EditionId edition) {
    std::map<SessionId, int> out;
    for (const auto& row : c.run(R"sql(
        SELECT session_id, COUNT(*) AS n FROM report_reminders WHERE edition_id = ?
        GROUP BY session_id
    )sql",
                                 {edition})
                               .rows)
        out[row.id<SessionId>("session_id")] = static_cast<int>(row.integer("n"));
    return out;
}

bool claim_reminder(db::Connection& c, EditionId edition, SessionId session,
                    const reports::DueReminder& r, const std::string& email,
                    const std::string& now) {
    auto inserted = c.run(R"sql(
        INSERT INTO report_reminders (edition_id, session_id, part, stage, email, due, sent_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (session_id, part, stage, email) DO NOTHING
        RETURNING id
    )sql",
                          {edition, session, r.part, r.stage, ascii_lower(email), r.due, now});
    return !inserted.empty();
}

std::vector<FiledCard> filed_report_cards(db::Connection& c, EditionId edition) {
    std::vector<FiledCard> out;
    for (const auto& row : c.run(R"sql(
        SELECT session_id, full_content FROM session_report_filings
        WHERE edition_id = ? AND full_filed_at IS NOT NULL
        ORDER BY session_id
    )sql",
                                 {edition})
                               .rows) {
        FiledCard card{row.id<SessionId>("session_id"), "", ""};
        // A stored document that is not readable counts as a card left blank.
        auto j = nlohmann::json::parse(row.text("full_content"), nullptr, false);
        if (j.is_object()) {
            if (j.contains("women_present") && j["women_present"].is_string())
                card.women_present = j["women_present"].get<std::string>();
            if (j.contains("gender_discussed") && j["gender_discussed"].is_string())
                card.gender_discussed = j["gender_discussed"].get<std::string>();
        }
        out.push_back(std::move(card));
    }
    return out;
}

}  // namespace convene::store
