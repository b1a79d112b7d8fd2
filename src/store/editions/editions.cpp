#include "store/editions/editions.hpp"

namespace convene::store {

namespace {
Edition edition_from(const db::Row& r) {
    return {r.integer(0), r.text(1), static_cast<int>(r.integer(2)), r.text(3), r.text(4),
            r.text(5),    r.text(6)};
}
const char* edition_columns = "id, name, year, start_date, end_date, time_zone, venue";
}  // namespace

std::int64_t create_edition(db::Connection& c, const EditionDraft& e, const std::string& now) {
    auto id = db::scalar(c.run(
        "INSERT INTO editions (name, year, start_date, end_date, time_zone, venue, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {e.name, std::int64_t{std::stoi(e.year)}, e.start_date, e.end_date, e.time_zone, e.venue,
         now}));
    for (const auto& t : standard_session_types()) {
        std::string durations;
        for (int d : t.durations) durations += (durations.empty() ? "" : ",") + std::to_string(d);
        c.run("INSERT INTO session_types (edition_id, code, name, durations) VALUES (?, ?, ?, ?)",
              {id, t.code, t.name, durations});
    }
    return id;
}

std::vector<Edition> list_editions(db::Connection& c) {
    std::vector<Edition> out;
    for (auto& r : c.run(std::string("SELECT ") + edition_columns +
                         " FROM editions ORDER BY year DESC, start_date DESC, id DESC")
                       .rows)
        out.push_back(edition_from(r));
    return out;
}

std::optional<Edition> find_edition(db::Connection& c, std::int64_t id) {
    auto r = c.run(std::string("SELECT ") + edition_columns + " FROM editions WHERE id = ?", {id});
    if (r.empty()) return std::nullopt;
    return edition_from(r.rows[0]);
}

EditionCounts count_edition(db::Connection& c, std::int64_t id) {
    auto r = c.run(
        "SELECT (SELECT COUNT(*) FROM proposals WHERE edition_id = ?), "
        "(SELECT COUNT(*) FROM roles WHERE edition_id = ? AND role = 'evaluator')",
        {id, id});
    return {r.rows[0].integer(0), r.rows[0].integer(1)};
}

std::int64_t add_theme(db::Connection& c, std::int64_t edition, const ThemeDraft& t) {
    return db::scalar(
        c.run("INSERT INTO themes (edition_id, name, description) VALUES (?, ?, ?) RETURNING id",
              {edition, t.name, t.description}));
}

std::vector<Theme> list_themes(db::Connection& c, std::int64_t edition) {
    std::vector<Theme> out;
    for (auto& r :
         c.run("SELECT id, name, description FROM themes WHERE edition_id = ? ORDER BY id",
               {edition})
             .rows)
        out.push_back({r.integer(0), r.text(1), r.text(2)});
    return out;
}

std::int64_t add_room(db::Connection& c, std::int64_t edition, const RoomDraft& r) {
    return db::scalar(
        c.run("INSERT INTO rooms (edition_id, name, capacity, interpreted) VALUES (?, ?, ?, ?) "
              "RETURNING id",
              {edition, r.name, std::int64_t{r.capacity}, std::int64_t{r.interpreted}}));
}

std::vector<Room> list_rooms(db::Connection& c, std::int64_t edition) {
    std::vector<Room> out;
    for (auto& r : c.run("SELECT id, name, capacity, interpreted FROM rooms WHERE edition_id = ? "
                         "ORDER BY id",
                         {edition})
                       .rows)
        out.push_back({r.integer(0), r.text(1), static_cast<int>(r.integer(2)), r.boolean(3)});
    return out;
}

std::vector<SessionTypeRow> list_session_types(db::Connection& c, std::int64_t edition) {
    std::vector<SessionTypeRow> out;
    for (auto& r : c.run("SELECT code, name, durations FROM session_types WHERE edition_id = ? "
                         "ORDER BY id",
                         {edition})
                       .rows)
        out.push_back({r.text(0), r.text(1), r.text(2)});
    return out;
}

std::int64_t organisation_id(db::Connection& c, const std::string& name, const std::string& country,
                             const std::string& stakeholder_group) {
    auto found = c.run("SELECT id FROM organisations WHERE name = ?", {name});
    if (!found.empty()) return found.rows[0].integer(0);
    db::Value country_value = country.empty() ? db::Value{nullptr} : db::Value{country};
    // Two proposers may name the same new organisation at once: the second one's
    // insert does nothing and the select below finds the first one's row.
    c.run(
        "INSERT INTO organisations (name, country, stakeholder_group) VALUES (?, ?, ?) "
        "ON CONFLICT (name) DO NOTHING",
        {name, country_value, stakeholder_group});
    return db::scalar(c.run("SELECT id FROM organisations WHERE name = ?", {name}));
}

std::int64_t add_person(db::Connection& c, const PersonDraft& p,
                        std::optional<std::int64_t> account) {
    db::Value org = nullptr;
    if (!p.organisation.empty())
        org = organisation_id(c, p.organisation, p.country, p.stakeholder_group);
    db::Value country = p.country.empty() ? db::Value{nullptr} : db::Value{p.country};
    db::Value email = p.email.empty() ? db::Value{nullptr} : db::Value{p.email};
    db::Value acc = account ? db::Value{*account} : db::Value{nullptr};
    return db::scalar(c.run(
        "INSERT INTO people (name, email, organisation_id, country, stakeholder_group, gender, "
        "first_time, account_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {p.name, email, org, country, p.stakeholder_group, p.gender, std::int64_t{p.first_time},
         acc}));
}

std::vector<Member> list_members(db::Connection& c, std::int64_t edition) {
    std::vector<Member> out;
    auto r = c.run(
        "SELECT p.id, a.id, p.name, a.email, COALESCE(o.name, ''), COALESCE(p.country, ''), "
        "p.stakeholder_group, p.gender FROM roles r JOIN accounts a ON a.id = r.account_id "
        "JOIN people p ON p.account_id = a.id LEFT JOIN organisations o ON o.id = "
        "p.organisation_id WHERE r.edition_id = ? AND r.role = 'evaluator' ORDER BY p.name, p.id",
        {edition});
    for (auto& row : r.rows)
        out.push_back({row.integer(0), row.integer(1), row.text(2), row.text(3), row.text(4),
                       row.text(5), row.text(6), row.text(7)});
    return out;
}

}  // namespace convene::store
