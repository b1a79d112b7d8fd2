#include "store/editions/editions.hpp"

namespace convene::store {

namespace {
// Columns: id, name, year, start_date, end_date, time_zone, venue.
Edition edition_from(const db::Row& r) {
    return {r.id<EditionId>("id"), r.text("name"),     static_cast<int>(r.integer("year")),
            r.text("start_date"),  r.text("end_date"), r.text("time_zone"),
            r.text("venue")};
}
}  // namespace

EditionId create_edition(db::Connection& c, const EditionDraft& e, const std::string& now) {
    auto id = EditionId{db::scalar(c.run(R"sql(
        INSERT INTO editions (name, year, start_date, end_date, time_zone, venue, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        RETURNING id
    )sql",
                                         {e.name, std::int64_t{std::stoi(e.year)}, e.start_date,
                                          e.end_date, e.time_zone, e.venue, now}))};
    for (const auto& t : standard_session_types()) {
        std::string durations;
        for (int d : t.durations) durations += (durations.empty() ? "" : ",") + std::to_string(d);
        c.run(R"sql(
            INSERT INTO session_types (edition_id, code, name, durations) VALUES (?, ?, ?, ?)
        )sql",
              {id.value(), t.code, t.name, durations});
    }
    return id;
}

std::vector<Edition> list_editions(db::Connection& c) {
    std::vector<Edition> out;
    auto r = c.run(R"sql(
        SELECT id, name, year, start_date, end_date, time_zone, venue
        FROM editions
        ORDER BY year DESC, start_date DESC, id DESC
    )sql");
    for (auto& row : r.rows) out.push_back(edition_from(row));
    return out;
}

std::optional<Edition> find_edition(db::Connection& c, EditionId id) {
    auto r = c.run(R"sql(
        SELECT id, name, year, start_date, end_date, time_zone, venue
        FROM editions
        WHERE id = ?
    )sql",
                   {id.value()});
    if (r.empty()) return std::nullopt;
    return edition_from(r.rows[0]);
}

EditionCounts count_edition(db::Connection& c, EditionId id) {
    auto r = c.run(R"sql(
        SELECT (SELECT COUNT(*) FROM proposals WHERE edition_id = ?) AS proposals,
               (SELECT COUNT(*) FROM roles WHERE edition_id = ? AND role = 'evaluator') AS members
    )sql",
                   {id.value(), id.value()});
    return {r.rows[0].integer("proposals"), r.rows[0].integer("members")};
}

StageCounts count_stages(db::Connection& c, EditionId id) {
    auto r = c.run(R"sql(
        SELECT
            (SELECT COUNT(*) FROM proposals WHERE edition_id = ? AND status = 'draft') AS drafts,
            (SELECT COUNT(*) FROM proposals WHERE edition_id = ? AND status = 'submitted')
                AS submitted,
            (SELECT COUNT(*) FROM proposals WHERE edition_id = ? AND status = 'withdrawn')
                AS withdrawn,
            (SELECT COUNT(*) FROM screening_results s JOIN proposals p ON p.id = s.proposal_id
             WHERE p.edition_id = ? AND p.status = 'submitted') AS screened,
            (SELECT COUNT(*) FROM assignments a JOIN proposals p ON p.id = a.proposal_id
             WHERE p.edition_id = ?) AS assigned,
            (SELECT COUNT(*) FROM assignments a JOIN proposals p ON p.id = a.proposal_id
             WHERE p.edition_id = ? AND a.published = 1) AS published,
            (SELECT COUNT(*) FROM evaluations e JOIN proposals p ON p.id = e.proposal_id
             WHERE p.edition_id = ? AND e.status = 'submitted') AS evaluations_submitted,
            (SELECT COUNT(*) FROM selections WHERE edition_id = ?) AS selections,
            (SELECT COUNT(*) FROM decisions WHERE edition_id = ?) AS decisions
    )sql",
                   std::vector<db::Value>(9, id.value()));
    const auto& row = r.rows[0];
    auto n = [&](const char* name) { return static_cast<int>(row.integer(name)); };
    return {n("drafts"),
            n("submitted"),
            n("withdrawn"),
            n("screened"),
            n("assigned"),
            n("published"),
            n("evaluations_submitted"),
            n("selections") > 0,
            n("decisions")};
}

ThemeId add_theme(db::Connection& c, EditionId edition, const ThemeDraft& t) {
    return ThemeId{db::scalar(c.run(R"sql(
        INSERT INTO themes (edition_id, name, description) VALUES (?, ?, ?)
        RETURNING id
    )sql",
                                    {edition.value(), t.name, t.description}))};
}

std::vector<Theme> list_themes(db::Connection& c, EditionId edition) {
    std::vector<Theme> out;
    auto r = c.run(R"sql(
        SELECT id, name, description
        FROM themes
        WHERE edition_id = ?
        ORDER BY id
    )sql",
                   {edition.value()});
    for (auto& row : r.rows)
        out.push_back({row.id<ThemeId>("id"), row.text("name"), row.text("description")});
    return out;
}

RoomId add_room(db::Connection& c, EditionId edition, const RoomDraft& r) {
    return RoomId{db::scalar(
        c.run(R"sql(
        INSERT INTO rooms (edition_id, name, capacity, interpreted) VALUES (?, ?, ?, ?)
        RETURNING id
    )sql",
              {edition.value(), r.name, std::int64_t{r.capacity}, std::int64_t{r.interpreted}}))};
}

std::vector<Room> list_rooms(db::Connection& c, EditionId edition) {
    std::vector<Room> out;
    auto r = c.run(R"sql(
        SELECT id, name, capacity, interpreted
        FROM rooms
        WHERE edition_id = ?
        ORDER BY id
    )sql",
                   {edition.value()});
    for (auto& row : r.rows)
        out.push_back({row.id<RoomId>("id"), row.text("name"),
                       static_cast<int>(row.integer("capacity")), row.boolean("interpreted")});
    return out;
}

std::vector<SessionTypeRow> list_session_types(db::Connection& c, EditionId edition) {
    std::vector<SessionTypeRow> out;
    auto r = c.run(R"sql(
        SELECT code, name, durations
        FROM session_types
        WHERE edition_id = ?
        ORDER BY id
    )sql",
                   {edition.value()});
    for (auto& row : r.rows)
        out.push_back({row.text("code"), row.text("name"), row.text("durations")});
    return out;
}

std::int64_t organisation_id(db::Connection& c, const std::string& name, const std::string& country,
                             const std::string& stakeholder_group) {
    auto found = c.run(R"sql(SELECT id FROM organisations WHERE name = ?)sql", {name});
    if (!found.empty()) return found.rows[0].integer("id");
    db::Value country_value = country.empty() ? db::Value{nullptr} : db::Value{country};
    // Two proposers may name the same new organisation at once: the second one's
    // insert does nothing and the select below finds the first one's row.
    c.run(R"sql(
        INSERT INTO organisations (name, country, stakeholder_group) VALUES (?, ?, ?)
        ON CONFLICT (name) DO NOTHING
    )sql",
          {name, country_value, stakeholder_group});
    return db::scalar(c.run(R"sql(SELECT id FROM organisations WHERE name = ?)sql", {name}));
}

std::int64_t add_person(db::Connection& c, const PersonDraft& p, std::optional<AccountId> account) {
    db::Value org = nullptr;
    if (!p.organisation.empty())
        org = organisation_id(c, p.organisation, p.country, p.stakeholder_group);
    db::Value country = p.country.empty() ? db::Value{nullptr} : db::Value{p.country};
    db::Value email = p.email.empty() ? db::Value{nullptr} : db::Value{p.email};
    db::Value acc = account ? db::Value{account->value()} : db::Value{nullptr};
    return db::scalar(c.run(R"sql(
        INSERT INTO people
            (name, email, organisation_id, country, stakeholder_group, gender, first_time,
             account_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        RETURNING id
    )sql",
                            {p.name, email, org, country, p.stakeholder_group, p.gender,
                             std::int64_t{p.first_time}, acc}));
}

std::vector<Member> list_members(db::Connection& c, EditionId edition) {
    std::vector<Member> out;
    auto r = c.run(R"sql(
        SELECT p.id AS person_id, a.id AS account_id, p.name, a.email,
               COALESCE(o.name, '') AS organisation, COALESCE(p.country, '') AS country,
               p.stakeholder_group, p.gender
        FROM roles r
        JOIN accounts a ON a.id = r.account_id
        JOIN people p ON p.account_id = a.id
        LEFT JOIN organisations o ON o.id = p.organisation_id
        WHERE r.edition_id = ? AND r.role = 'evaluator'
        ORDER BY p.name, p.id
    )sql",
                   {edition.value()});
    for (auto& row : r.rows)
        out.push_back({row.integer("person_id"), row.id<AccountId>("account_id"), row.text("name"),
                       row.text("email"), row.text("organisation"), row.text("country"),
                       row.text("stakeholder_group"), row.text("gender")});
    return out;
}

}  // namespace convene::store
