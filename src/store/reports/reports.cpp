#include "store/reports/reports.hpp"

#include <set>

#include "core/common/json_input.hpp"
#include "core/programme/local_time.hpp"
#include "core/programme/venue.hpp"

namespace convene::store {

namespace {

nlohmann::json stored_json(const std::string& text) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    return j.is_discarded() ? nlohmann::json::object() : j;
}

// Stored documents were checked when written; a hand-edited row that is not readable
// counts as empty rather than stopping the page.
reports::ShortReport stored_short(const std::string& text) {
    try {
        return reports::short_from_json(stored_json(text));
    } catch (const InputError&) {
        return {};
    }
}

reports::FullReport stored_full(const std::string& text) {
    try {
        return reports::full_from_json(stored_json(text));
    } catch (const InputError&) {
        return {};
    }
}

}  // namespace

reports::ReportSettings report_settings(db::Connection& c, EditionId edition) {
    auto r = c.run(R"sql(SELECT report_settings FROM editions WHERE id = ?)sql", {edition});
    if (r.empty()) return reports::default_settings();
    try {
        return reports::settings_from_json(stored_json(r.rows[0].text("report_settings")));
    } catch (const InputError&) {
        return reports::default_settings();
    }
}

void set_report_settings(db::Connection& c, EditionId edition, const reports::ReportSettings& s) {
    c.run(R"sql(UPDATE editions SET report_settings = ? WHERE id = ?)sql",
          {reports::to_json(s).dump(), edition});
}

std::string part_name(ReportPart part) {
    return part == ReportPart::short_report ? "short" : "full";
}

std::optional<SessionReport> session_report(db::Connection& c, SessionId session) {
    auto r = c.run(R"sql(
        SELECT short_version, short_content, short_filed_at, short_late,
               full_version, full_content, full_filed_at, full_late, updated_at
        FROM session_report_filings
        WHERE session_id = ?
    )sql",
                   {session});
    if (r.empty()) return std::nullopt;
    const auto& row = r.rows[0];
    SessionReport out;
    out.short_version = row.integer("short_version");
    out.full_version = row.integer("full_version");
    out.short_report = stored_short(row.text("short_content"));
    out.full_report = stored_full(row.text("full_content"));
    out.short_filed_at = row.optional_text("short_filed_at");
    out.full_filed_at = row.optional_text("full_filed_at");
    out.short_late = row.integer("short_late") != 0;
    out.full_late = row.integer("full_late") != 0;
    out.updated_at = row.text("updated_at");
    return out;
}

SaveOutcome save_report(db::Connection& c, EditionId edition, SessionId session,
                        const ReportSave& save) {
    // The row first, so its write lock orders two rapporteurs saving at once.
    c.run(R"sql(
        INSERT INTO session_report_filings (session_id, edition_id, updated_at)
        VALUES (?, ?, ?)
        ON CONFLICT (session_id) DO NOTHING
    )sql",
          {session, edition, save.now});
    c.run(R"sql(UPDATE session_report_filings SET updated_at = updated_at WHERE session_id = ?)sql",
          {session});
    auto current = session_report(c, session);
    bool is_short = save.part == ReportPart::short_report;
    std::int64_t version = is_short ? current->short_version : current->full_version;
    auto filed_at = is_short ? current->short_filed_at : current->full_filed_at;
    SaveOutcome out;
    auto keep = [&](const std::string& action, std::int64_t number, bool late) {
        c.run(R"sql(
            INSERT INTO session_report_versions
                (session_id, part, number, action, content, account_id, author, saved_at, late)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        )sql",
              {session, part_name(save.part), number, action, save.content.dump(),
               save.account ? db::Value{save.account->value()} : db::Value{nullptr}, save.author,
               save.now, std::int64_t{late ? 1 : 0}});
    };
    if (save.expected_version != version) {
        keep("conflict", save.expected_version, false);
        out.version = version;
        return out;
    }
    out.saved = true;
    if (save.version_only) {
        keep("draft", version, false);
        out.version = version;
        return out;
    }
    out.version = version + 1;
    out.first_filing = save.file && !filed_at;
    out.late = save.file && !save.due.empty() && save.now > save.due;
    std::string content = save.content.dump();
    if (is_short)
        c.run(R"sql(
            UPDATE session_report_filings
            SET short_version = ?, short_content = ?,
                short_filed_at = CASE WHEN ? = 1 THEN ? ELSE short_filed_at END,
                short_late = CASE WHEN ? = 1 THEN ? ELSE short_late END,
                updated_at = ?
            WHERE session_id = ?
        )sql",
              {out.version, content, std::int64_t{out.first_filing}, save.now,
               std::int64_t{out.first_filing}, std::int64_t{out.late}, save.now, session});
    else
        c.run(R"sql(
            UPDATE session_report_filings
            SET full_version = ?, full_content = ?,
                full_filed_at = CASE WHEN ? = 1 THEN ? ELSE full_filed_at END,
                full_late = CASE WHEN ? = 1 THEN ? ELSE full_late END,
                updated_at = ?
            WHERE session_id = ?
        )sql",
              {out.version, content, std::int64_t{out.first_filing}, save.now,
               std::int64_t{out.first_filing}, std::int64_t{out.late}, save.now, session});
    keep(save.file ? "file" : "draft", out.version, out.late);
    return out;
}

std::vector<ReportVersion> report_versions(db::Connection& c, SessionId session) {
    auto r = c.run(R"sql(
        SELECT id, part, number, action, content, author, saved_at, late
        FROM session_report_versions
        WHERE session_id = ?
        ORDER BY id DESC
    )sql",
                   {session});
    std::vector<ReportVersion> out;
    for (const auto& row : r.rows)
        out.push_back({row.integer("id"), row.text("part"), row.text("action"), row.text("author"),
                       row.text("saved_at"), row.integer("number"), row.integer("late") != 0,
                       stored_json(row.text("content"))});
    return out;
}

std::vector<ReportedSession> reported_sessions(db::Connection& c, EditionId edition) {
    std::vector<ReportedSession> out;
    auto zone = c.run(R"sql(SELECT time_zone FROM editions WHERE id = ?)sql", {edition});
    if (zone.empty()) return out;
    auto tz = zone.rows[0].text("time_zone");
    programme::ZoneClock clock(tz.empty() ? "UTC" : tz);
    auto rows = c.run(R"sql(
        SELECT s.id, s.proposal_id, s.code, s.title, s.session_type, s.duration, pp.starts_at,
               f.short_filed_at, f.short_late, f.full_filed_at, f.full_late
        FROM programme_sessions s
        JOIN published_placements pp ON pp.session_id = s.id
        LEFT JOIN session_report_filings f ON f.session_id = s.id
        WHERE s.edition_id = ? AND s.cancelled_at IS NULL
        ORDER BY pp.starts_at, s.code
    )sql",
                      {edition});
    std::map<SessionId, std::size_t> index;
    for (const auto& row : rows.rows) {
        ReportedSession s;
        s.id = row.id<SessionId>("id");
        if (!row.is_null("proposal_id")) s.proposal = row.id<ProposalId>("proposal_id");
        s.code = row.text("code");
        s.title = row.text("title");
        s.session_type = row.text("session_type");
        if (auto start = programme::local_minutes(row.text("starts_at")))
            s.end_utc = programme::format_local_time(
                            clock.in_zone(*start + row.integer("duration"), "UTC")) +
                        ":00Z";
        s.short_filed_at = row.optional_text("short_filed_at");
        s.full_filed_at = row.optional_text("full_filed_at");
        s.short_late = row.integer("short_late") != 0;
        s.full_late = row.integer("full_late") != 0;
        index[s.id] = out.size();
        out.push_back(std::move(s));
    }
    auto people = c.run(R"sql(
        SELECT s.id AS session_id, pe.name, COALESCE(pe.email, '') AS email,
               COALESCE(o.name, '') AS organisation, 0 AS kind, pp.position AS position
        FROM programme_sessions s
        JOIN proposal_people pp ON pp.proposal_id = s.proposal_id AND pp.role = 'organiser'
        JOIN people pe ON pe.id = pp.person_id
        LEFT JOIN organisations o ON o.id = pe.organisation_id
        WHERE s.edition_id = ?
        UNION ALL
        SELECT s.id AS session_id, pe.name, COALESCE(pe.email, '') AS email,
               COALESCE(o.name, '') AS organisation, 1 AS kind, 0 AS position
        FROM programme_sessions s
        JOIN session_people sp ON sp.session_id = s.id AND sp.role = 'organiser'
        JOIN people pe ON pe.id = sp.person_id
        LEFT JOIN organisations o ON o.id = pe.organisation_id
        WHERE s.edition_id = ?
        ORDER BY session_id, kind, position
    )sql",
                        {edition, edition});
    for (const auto& row : people.rows) {
        auto at = index.find(row.id<SessionId>("session_id"));
        if (at == index.end()) continue;
        ProposalPerson p;
        p.name = row.text("name");
        p.email = row.text("email");
        p.organisation = row.text("organisation");
        out[at->second].organisers.push_back(std::move(p));
    }
    return out;
}

std::vector<std::string> session_roles_of(db::Connection& c, SessionId session, AccountId account) {
    auto rows = c.run(R"sql(
        SELECT pp.role
        FROM programme_sessions s
        JOIN proposal_people pp ON pp.proposal_id = s.proposal_id
        JOIN people pe ON pe.id = pp.person_id
        JOIN accounts a ON a.id = ?
        WHERE s.id = ? AND pp.confirmation <> 'declined'
          AND (pe.account_id = a.id OR LOWER(pe.email) = LOWER(a.email))
        UNION
        SELECT sp.role
        FROM session_people sp
        JOIN people pe ON pe.id = sp.person_id
        JOIN accounts a ON a.id = ?
        WHERE sp.session_id = ?
          AND (pe.account_id = a.id OR LOWER(pe.email) = LOWER(a.email))
        UNION
        SELECT 'organiser' AS role
        FROM programme_sessions s
        JOIN proposal_editors e ON e.proposal_id = s.proposal_id
        WHERE s.id = ? AND e.account_id = ?
    )sql",
                      {account, session, account, session, session, account});
    std::vector<std::string> out;
    for (const auto& row : rows.rows) out.push_back(row.text("role"));
    return out;
}

RoomSpeech session_room_speech(db::Connection& c, SessionId session) {
    RoomSpeech out;
    auto rooms =
        c.run(R"sql(SELECT id FROM live_rooms WHERE session_id = ? ORDER BY id)sql", {session});
    if (rooms.empty()) return out;
    out.had_queue = true;
    auto rows = c.run(R"sql(
        SELECT t.person, t.name, t.gender,
               COALESCE((SELECT MIN(pe.gender) FROM people pe
                         JOIN accounts a ON a.id = t.account_id
                         WHERE (pe.account_id = a.id OR LOWER(pe.email) = LOWER(a.email))
                           AND pe.gender <> ''), '') AS linked
        FROM live_turns t
        JOIN live_rooms r ON r.id = t.room_id
        WHERE r.session_id = ?
        ORDER BY t.room_id, t.position
    )sql",
                      {session});
    std::set<std::string> seen;
    for (const auto& row : rows.rows) {
        auto gender = row.text("gender");
        if (gender.empty()) gender = row.text("linked");
        out.turns.push_back({row.text("person"), gender});
        if (seen.insert(row.text("person")).second) out.speakers.push_back(row.text("name"));
    }
    return out;
}

namespace {

std::vector<ImportedReport> imported(db::Connection& c, EditionId edition,
                                     std::optional<int> number) {
    std::string sql = R"sql(
        SELECT p.id, p.number, p.title, p.description, COALESCE(t.name, '') AS theme,
               r.women_present, r.gender_discussed, r.reported_by, r.summary, r.conclusions,
               r.filed_at
        FROM proposals p
        JOIN session_reports r ON r.proposal_id = p.id
        LEFT JOIN themes t ON t.id = p.theme_id
        WHERE p.edition_id = ?)sql";
    std::vector<db::Value> params{edition};
    if (number) {
        sql += " AND p.number = ?";
        params.push_back(std::int64_t{*number});
    }
    sql += " ORDER BY p.number";
    std::vector<ImportedReport> out;
    for (const auto& row : c.run(sql, params).rows) {
        ImportedReport r;
        r.proposal = row.id<ProposalId>("id");
        r.number = static_cast<int>(row.integer("number"));
        r.title = row.text("title");
        r.theme = row.text("theme");
        r.description = row.text("description");
        r.women_present = row.text("women_present");
        r.gender_discussed = row.text("gender_discussed");
        r.reported_by = row.text("reported_by");
        r.summary = row.text("summary");
        r.conclusions = row.text("conclusions");
        r.filed_at = row.text("filed_at");
        out.push_back(std::move(r));
    }
    if (out.empty() || !number) return out;
    auto people = c.run(R"sql(
        SELECT pp.role, pe.name, pe.stakeholder_group, COALESCE(o.name, '') AS organisation
        FROM proposal_people pp
        JOIN people pe ON pe.id = pp.person_id
        LEFT JOIN organisations o ON o.id = pe.organisation_id
        WHERE pp.proposal_id = ?
        ORDER BY pp.position
    )sql",
                        {out[0].proposal});
    for (const auto& row : people.rows) {
        ProposalPerson p;
        p.name = row.text("name");
        p.organisation = row.text("organisation");
        p.stakeholder_group = row.text("stakeholder_group");
        out[0].people.emplace_back(row.text("role"), std::move(p));
    }
    return out;
}

}  // namespace

std::vector<ImportedReport> imported_reports(db::Connection& c, EditionId edition) {
    return imported(c, edition, std::nullopt);
}

std::optional<ImportedReport> imported_report(db::Connection& c, EditionId edition, int number) {
    auto found = imported(c, edition, number);
    if (found.empty()) return std::nullopt;
    return found[0];
}

}  // namespace convene::store
