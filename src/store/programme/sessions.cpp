#include "store/programme/sessions.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/common/text.hpp"
#include "core/decisions/decision.hpp"
#include "store/decisions/decisions.hpp"

namespace convene::store {

namespace {

using programme::ProgrammeSession;
using programme::SessionPerson;

std::string joined(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
    return out;
}

std::vector<std::string> tags_of(const std::string& text) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    std::vector<std::string> out;
    if (j.is_array())
        for (const auto& t : j)
            if (t.is_string()) out.push_back(t.get<std::string>());
    return out;
}

constexpr std::string_view session_columns = R"sql(
        SELECT s.id, s.proposal_id, s.code, s.title, s.session_type,
               COALESCE(t.name, '') AS theme, s.tags, s.description, s.duration, s.needs,
               s.demand, s.fixed_room_id, s.fixed_start, s.cancelled_at, s.sequence, s.version,
               (SELECT COUNT(*) FROM attendance_marks m WHERE m.session_id = s.id) AS marks
        FROM programme_sessions s
        LEFT JOIN themes t ON t.id = s.theme_id
)sql";

ProgrammeSession session_of_row(const db::Row& row) {
    ProgrammeSession s;
    s.id = row.id<SessionId>("id");
    if (!row.is_null("proposal_id")) s.proposal = row.id<ProposalId>("proposal_id");
    s.code = row.text("code");
    s.title = row.text("title");
    s.session_type = row.text("session_type");
    s.theme = row.text("theme");
    s.tags = tags_of(row.text("tags"));
    s.description = row.text("description");
    s.duration = static_cast<int>(row.integer("duration"));
    s.needs = split_items(row.text("needs"), ",");
    s.demand = static_cast<int>(row.integer("demand"));
    s.marks = static_cast<int>(row.integer("marks"));
    if (!row.is_null("fixed_room_id") && !row.is_null("fixed_start"))
        s.fixed = programme::Slot{row.id<RoomId>("fixed_room_id"), row.text("fixed_start")};
    s.cancelled = !row.is_null("cancelled_at");
    s.sequence = row.integer("sequence");
    s.version = row.integer("version");
    return s;
}

// People and "after" links of the edition's sessions (or of one), into `sessions`.
void add_people_and_links(db::Connection& c, EditionId edition, std::int64_t only,
                          std::vector<ProgrammeSession>& sessions) {
    std::map<SessionId, std::size_t> index;
    for (std::size_t i = 0; i < sessions.size(); ++i) index[sessions[i].id] = i;
    auto people = c.run(R"sql(
        SELECT s.id AS session_id, pe.id AS person_id, pe.name, pe.time_zone, pp.role,
               pp.onsite, pp.position
        FROM programme_sessions s
        JOIN proposal_people pp ON pp.proposal_id = s.proposal_id
        JOIN people pe ON pe.id = pp.person_id
        WHERE s.edition_id = ? AND (? = 0 OR s.id = ?) AND pp.confirmation <> 'declined'
        UNION ALL
        SELECT s.id AS session_id, pe.id AS person_id, pe.name, pe.time_zone, sp.role,
               1 AS onsite, 0 AS position
        FROM programme_sessions s
        JOIN session_people sp ON sp.session_id = s.id
        JOIN people pe ON pe.id = sp.person_id
        WHERE s.edition_id = ? AND (? = 0 OR s.id = ?)
        ORDER BY session_id, position, person_id
    )sql",
                        {edition, only, only, edition, only, only});
    for (const auto& row : people.rows) {
        auto at = index.find(row.id<SessionId>("session_id"));
        if (at == index.end()) continue;
        SessionPerson p;
        p.person = row.id<PersonId>("person_id");
        p.name = row.text("name");
        p.role = row.text("role");
        p.time_zone = row.text("time_zone");
        p.onsite = row.boolean("onsite") || p.time_zone.empty();
        sessions[at->second].people.push_back(std::move(p));
    }
    auto links = c.run(R"sql(
        SELECT a.session_id, a.after_id
        FROM session_after a
        JOIN programme_sessions s ON s.id = a.session_id
        WHERE s.edition_id = ? AND (? = 0 OR s.id = ?)
        ORDER BY a.session_id, a.after_id
    )sql",
                       {edition, only, only});
    for (const auto& row : links.rows)
        if (auto at = index.find(row.id<SessionId>("session_id")); at != index.end())
            sessions[at->second].after.push_back(row.id<SessionId>("after_id"));
}

void write_links(db::Connection& c, const ProgrammeSession& s) {
    c.run(R"sql(DELETE FROM session_after WHERE session_id = ?)sql", {s.id});
    for (auto a : s.after)
        c.run(R"sql(INSERT INTO session_after (session_id, after_id) VALUES (?, ?))sql", {s.id, a});
}

db::Value optional_room(const std::optional<programme::Slot>& slot) {
    if (!slot) return nullptr;
    return slot->room;
}

db::Value optional_start(const std::optional<programme::Slot>& slot) {
    if (!slot) return nullptr;
    return slot->start;
}

}  // namespace

int sync_programme_sessions(db::Connection& c, EditionId edition, const std::string& now) {
    std::set<ProposalId> wanted;
    std::map<ProposalId, std::string> kind;
    for (const auto& d : list_decisions(c, edition))
        if (in_programme(d.decision) || effective_kind(d.decision) == "lightning") {
            wanted.insert(d.proposal);
            kind[d.proposal] = effective_kind(d.decision);
        }
    std::map<ProposalId, bool> existing;  // proposal -> cancelled
    for (const auto& row : c.run(R"sql(
             SELECT proposal_id, cancelled_at FROM programme_sessions
             WHERE edition_id = ? AND proposal_id IS NOT NULL
         )sql",
                                 {edition})
                               .rows)
        existing[row.id<ProposalId>("proposal_id")] = !row.is_null("cancelled_at");
    int added = 0;
    for (const auto& [proposal, cancelled] : existing) {
        bool want = wanted.count(proposal) > 0;
        if (want && cancelled)
            c.run(R"sql(
                UPDATE programme_sessions SET cancelled_at = NULL, version = version + 1
                WHERE proposal_id = ?
            )sql",
                  {proposal});
        else if (!want && !cancelled)
            c.run(R"sql(
                UPDATE programme_sessions SET cancelled_at = ?, version = version + 1
                WHERE proposal_id = ?
            )sql",
                  {now, proposal});
    }
    for (auto proposal : wanted) {
        if (existing.count(proposal)) continue;
        auto r = c.run(R"sql(
            SELECT number, session_type, title, theme_id, tags, description, duration
            FROM proposals WHERE id = ?
        )sql",
                       {proposal});
        if (r.empty()) continue;
        const auto& row = r.rows[0];
        bool lightning = kind[proposal] == "lightning";
        std::string type = lightning ? "lightning_talk" : row.text("session_type");
        int duration = lightning ? 20 : static_cast<int>(row.integer("duration"));
        if (duration <= 0) duration = 60;
        c.run(R"sql(
            INSERT INTO programme_sessions
                (edition_id, proposal_id, code, title, session_type, theme_id, tags, description,
                 duration)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        )sql",
              {edition, proposal, programme::session_code(type, row.integer("number")),
               row.text("title"), type,
               row.is_null("theme_id") ? db::Value{nullptr} : db::Value{row.integer("theme_id")},
               row.text("tags"), row.text("description"), std::int64_t{duration}});
        ++added;
    }
    return added;
}

std::vector<ProgrammeSession> programme_sessions(db::Connection& c, EditionId edition) {
    std::vector<ProgrammeSession> out;
    for (const auto& row : c.run(std::string(session_columns) + R"sql(
            WHERE s.edition_id = ?
            ORDER BY s.code
        )sql",
                                 {edition})
                               .rows)
        out.push_back(session_of_row(row));
    add_people_and_links(c, edition, 0, out);
    return out;
}

std::optional<ProgrammeSession> programme_session(db::Connection& c, EditionId edition,
                                                  SessionId id) {
    auto r = c.run(std::string(session_columns) + R"sql(
            WHERE s.edition_id = ? AND s.id = ?
        )sql",
                   {edition, id});
    if (r.empty()) return std::nullopt;
    std::vector<ProgrammeSession> one{session_of_row(r.rows[0])};
    add_people_and_links(c, edition, id.value(), one);
    return one.front();
}

SessionId add_programme_session(db::Connection& c, EditionId edition, const ProgrammeSession& s) {
    SessionId id{db::scalar(c.run(
        R"sql(
        INSERT INTO programme_sessions
            (edition_id, code, title, session_type, theme_id, tags, description, duration, needs,
             demand, fixed_room_id, fixed_start)
        VALUES (?, ?, ?, ?,
                (SELECT id FROM themes WHERE edition_id = ? AND name = ?),
                ?, ?, ?, ?, ?, ?, ?)
        RETURNING id
    )sql",
        {edition, s.code, s.title, s.session_type, edition, s.theme, nlohmann::json(s.tags).dump(),
         s.description, std::int64_t{s.duration}, joined(s.needs), std::int64_t{s.demand},
         optional_room(s.fixed), optional_start(s.fixed)}))};
    auto stored = s;
    stored.id = id;
    write_links(c, stored);
    set_session_people(c, id, s.people);
    return id;
}

bool save_programme_session(db::Connection& c, const ProgrammeSession& s,
                            std::int64_t expected_version) {
    auto r = c.run(R"sql(
        UPDATE programme_sessions
        SET title = CASE WHEN proposal_id IS NULL THEN ? ELSE title END,
            duration = ?, needs = ?, demand = ?, tags = ?, fixed_room_id = ?, fixed_start = ?,
            version = version + 1
        WHERE id = ? AND version = ?
    )sql",
                   {s.title, std::int64_t{s.duration}, joined(s.needs), std::int64_t{s.demand},
                    nlohmann::json(s.tags).dump(), optional_room(s.fixed), optional_start(s.fixed),
                    s.id, expected_version});
    if (r.changed == 0) return false;
    write_links(c, s);
    return true;
}

void set_session_people(db::Connection& c, SessionId session,
                        const std::vector<SessionPerson>& people) {
    c.run(R"sql(DELETE FROM session_people WHERE session_id = ?)sql", {session});
    for (const auto& p : people)
        c.run(R"sql(
            INSERT INTO session_people (session_id, person_id, role) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING
        )sql",
              {session, p.person, p.role});
}

}  // namespace convene::store
