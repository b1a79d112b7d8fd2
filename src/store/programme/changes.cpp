#include "store/programme/changes.hpp"

#include "core/common/text.hpp"

namespace convene::store {

namespace {

constexpr std::string_view change_columns = R"sql(
    SELECT id, edition_id, session_id, from_room_id, from_start, to_room_id, to_start, status,
           reason, created_at, COALESCE(decided_at, '') AS decided_at, decided_by
    FROM placement_changes
)sql";

std::optional<programme::Slot> slot_of(const db::Row& row, const char* room, const char* start) {
    if (row.is_null(room) || row.is_null(start)) return std::nullopt;
    return programme::Slot{row.id<RoomId>(room), row.text(start)};
}

PlacementChange change_of_row(const db::Row& row) {
    return {row.id<PlacementChangeId>("id"),
            row.id<EditionId>("edition_id"),
            row.id<SessionId>("session_id"),
            slot_of(row, "from_room_id", "from_start"),
            slot_of(row, "to_room_id", "to_start"),
            row.text("status"),
            row.text("reason"),
            row.text("created_at"),
            row.text("decided_at"),
            row.text("decided_by")};
}

ConsentLink link_of_row(const db::Row& row) {
    return {row.integer("id"), row.id<PlacementChangeId>("change_id"), row.text("email"),
            row.text("expires_at"), row.text("used_at")};
}

}  // namespace

PlacementChangeId add_placement_change(db::Connection& c, EditionId edition, SessionId session,
                                       const programme::Slot& from, const programme::Slot& to,
                                       const std::string& now) {
    auto r = c.run(R"sql(
        INSERT INTO placement_changes
            (edition_id, session_id, from_room_id, from_start, to_room_id, to_start, status,
             created_at)
        VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)
        RETURNING id
    )sql",
                   {edition, session, from.room, from.start, to.room, to.start, now});
    return r.rows[0].id<PlacementChangeId>("id");
}

std::optional<PlacementChange> placement_change(db::Connection& c, EditionId edition,
                                                PlacementChangeId id) {
    auto r = c.run(std::string(change_columns) + " WHERE edition_id = ? AND id = ?", {edition, id});
    if (r.empty()) return std::nullopt;
    return change_of_row(r.rows[0]);
}

std::optional<PlacementChange> placement_change(db::Connection& c, PlacementChangeId id) {
    auto r = c.run(std::string(change_columns) + " WHERE id = ?", {id});
    if (r.empty()) return std::nullopt;
    return change_of_row(r.rows[0]);
}

std::vector<PlacementChange> placement_changes(db::Connection& c, EditionId edition,
                                               const std::string& status) {
    std::vector<PlacementChange> out;
    for (const auto& row :
         c.run(std::string(change_columns) +
                   " WHERE edition_id = ? AND (? = '' OR status = ?) ORDER BY created_at, id",
               {edition, status, status})
             .rows)
        out.push_back(change_of_row(row));
    return out;
}

bool decide_placement_change(db::Connection& c, PlacementChangeId id, const std::string& status,
                             const std::string& reason, const std::string& by,
                             const std::string& now) {
    auto r = c.run(R"sql(
        UPDATE placement_changes SET status = ?, reason = ?, decided_by = ?, decided_at = ?
        WHERE id = ? AND status = 'pending'
    )sql",
                   {status, reason, by, now, id});
    return r.changed > 0;
}

std::vector<Addressee> session_organisers(db::Connection& c, SessionId session) {
    std::vector<Addressee> out;
    auto r = c.run(R"sql(
        SELECT pe.name, COALESCE(pe.email, '') AS email, pp.position AS position, 0 AS source
        FROM programme_sessions s
        JOIN proposal_people pp ON pp.proposal_id = s.proposal_id
        JOIN people pe ON pe.id = pp.person_id
        WHERE s.id = ? AND pp.role = 'organiser'
        UNION ALL
        SELECT a.name, a.email, a.id AS position, 1 AS source
        FROM programme_sessions s
        JOIN proposal_editors e ON e.proposal_id = s.proposal_id
        JOIN accounts a ON a.id = e.account_id
        WHERE s.id = ?
        UNION ALL
        SELECT pe.name, COALESCE(pe.email, '') AS email, pe.id AS position, 2 AS source
        FROM session_people sp
        JOIN people pe ON pe.id = sp.person_id
        WHERE sp.session_id = ? AND sp.role = 'organiser'
        ORDER BY source, position
    )sql",
                   {session, session, session});
    for (const auto& row : r.rows) {
        auto email = trim(row.text("email"));
        if (email.empty()) continue;
        bool seen = false;
        for (const auto& a : out) seen = seen || ascii_lower(a.email) == ascii_lower(email);
        if (!seen) out.push_back({row.text("name"), email});
    }
    return out;
}

void add_consent_links(db::Connection& c, PlacementChangeId change,
                       const std::vector<NewConsentLink>& links, const std::string& expires_at) {
    for (const auto& l : links)
        c.run(R"sql(
            INSERT INTO consent_links (change_id, email, token_hash, expires_at)
            VALUES (?, ?, ?, ?)
        )sql",
              {change, l.email, l.token_hash, expires_at});
}

std::optional<ConsentLink> find_consent_link(db::Connection& c, const std::string& token_hash) {
    auto r = c.run(R"sql(
        SELECT id, change_id, email, expires_at, COALESCE(used_at, '') AS used_at
        FROM consent_links WHERE token_hash = ?
    )sql",
                   {token_hash});
    if (r.empty()) return std::nullopt;
    return link_of_row(r.rows[0]);
}

std::vector<ConsentLink> consent_links(db::Connection& c, PlacementChangeId change) {
    std::vector<ConsentLink> out;
    for (const auto& row : c.run(R"sql(
             SELECT id, change_id, email, expires_at, COALESCE(used_at, '') AS used_at
             FROM consent_links WHERE change_id = ? ORDER BY id
         )sql",
                                 {change})
                               .rows)
        out.push_back(link_of_row(row));
    return out;
}

bool use_consent_link(db::Connection& c, std::int64_t link, const std::string& now) {
    auto r = c.run(R"sql(UPDATE consent_links SET used_at = ? WHERE id = ? AND used_at IS NULL)sql",
                   {now, link});
    return r.changed > 0;
}

}  // namespace convene::store
