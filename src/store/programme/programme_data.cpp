// People's unavailable times and time zones, the programme's settings and participants'
// "I plan to attend" marks (declared in sessions.hpp).
#include <nlohmann/json.hpp>

#include "store/programme/sessions.hpp"

namespace convene::store {

std::vector<programme::PersonUnavailable> unavailability(db::Connection& c, EditionId edition) {
    std::vector<programme::PersonUnavailable> out;
    for (const auto& row : c.run(R"sql(
             SELECT u.id, u.person_id, pe.name, u.starts_at, u.ends_at
             FROM unavailability u
             JOIN people pe ON pe.id = u.person_id
             WHERE u.edition_id = ?
             ORDER BY u.starts_at, u.id
         )sql",
                                 {edition})
                               .rows)
        out.push_back({row.integer("id"), row.id<PersonId>("person_id"), row.text("name"),
                       row.text("starts_at"), row.text("ends_at")});
    return out;
}

void add_unavailability(db::Connection& c, EditionId edition,
                        const programme::PersonUnavailable& u) {
    c.run(R"sql(
        INSERT INTO unavailability (edition_id, person_id, starts_at, ends_at) VALUES (?, ?, ?, ?)
    )sql",
          {edition, u.person, u.start, u.end});
}

void remove_unavailability(db::Connection& c, EditionId edition, std::int64_t id) {
    c.run(R"sql(DELETE FROM unavailability WHERE edition_id = ? AND id = ?)sql", {edition, id});
}

void set_person_time_zone(db::Connection& c, PersonId person, const std::string& zone) {
    c.run(R"sql(UPDATE people SET time_zone = ? WHERE id = ?)sql", {zone, person});
}

std::optional<KnownPerson> person_by_email(db::Connection& c, const std::string& email) {
    auto r = c.run(R"sql(
        SELECT id, name, COALESCE(email, '') AS email, time_zone FROM people
        WHERE LOWER(email) = LOWER(?)
        ORDER BY id
        LIMIT 1
    )sql",
                   {email});
    if (r.empty()) return std::nullopt;
    const auto& row = r.rows[0];
    return KnownPerson{row.id<PersonId>("id"), row.text("name"), row.text("email"),
                       row.text("time_zone")};
}

std::vector<KnownPerson> people_with_time_zones(db::Connection& c, EditionId edition) {
    std::vector<KnownPerson> out;
    for (const auto& row : c.run(R"sql(
             SELECT DISTINCT pe.id, pe.name, COALESCE(pe.email, '') AS email, pe.time_zone
             FROM people pe
             WHERE pe.time_zone <> '' AND (
                 pe.id IN (SELECT pp.person_id FROM proposal_people pp
                           JOIN programme_sessions s ON s.proposal_id = pp.proposal_id
                           WHERE s.edition_id = ?)
                 OR pe.id IN (SELECT sp.person_id FROM session_people sp
                              JOIN programme_sessions s ON s.id = sp.session_id
                              WHERE s.edition_id = ?))
             ORDER BY pe.name, pe.id
         )sql",
                                 {edition, edition})
                               .rows)
        out.push_back(
            {row.id<PersonId>("id"), row.text("name"), row.text("email"), row.text("time_zone")});
    return out;
}

programme::ProgrammeSettings programme_settings(db::Connection& c, EditionId edition) {
    programme::ProgrammeSettings s;
    auto r = c.run(R"sql(SELECT programme_settings FROM editions WHERE id = ?)sql", {edition});
    if (r.empty()) return s;
    auto j = nlohmann::json::parse(r.rows[0].text("programme_settings"), nullptr, false);
    if (!j.is_object()) return s;
    auto number = [&](const nlohmann::json& o, const char* name, auto& into) {
        if (o.contains(name) && o[name].is_number_integer()) into = o[name].get<std::int64_t>();
    };
    if (j.contains("weights") && j["weights"].is_object()) {
        number(j["weights"], "overflow", s.weights.overflow);
        number(j["weights"], "similar", s.weights.similar);
        number(j["weights"], "night", s.weights.night);
        number(j["weights"], "change", s.weights.change);
    }
    std::int64_t granularity = s.granularity;
    number(j, "granularity", granularity);
    if (granularity >= 5 && granularity <= 60) s.granularity = static_cast<int>(granularity);
    if (j.contains("locked_from") && j["locked_from"].is_string()) s.locked_from = j["locked_from"];
    return s;
}

void set_programme_settings(db::Connection& c, EditionId edition,
                            const programme::ProgrammeSettings& s) {
    nlohmann::json j = {{"weights",
                         {{"overflow", s.weights.overflow},
                          {"similar", s.weights.similar},
                          {"night", s.weights.night},
                          {"change", s.weights.change}}},
                        {"granularity", s.granularity},
                        {"locked_from", s.locked_from}};
    c.run(R"sql(UPDATE editions SET programme_settings = ? WHERE id = ?)sql", {j.dump(), edition});
}

void set_attendance(db::Connection& c, AccountId account, SessionId session, bool attending,
                    const std::string& now) {
    if (attending)
        c.run(R"sql(
            INSERT INTO attendance_marks (account_id, session_id, marked_at) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING
        )sql",
              {account, session, now});
    else
        c.run(R"sql(DELETE FROM attendance_marks WHERE account_id = ? AND session_id = ?)sql",
              {account, session});
}

std::vector<SessionId> attending(db::Connection& c, AccountId account, EditionId edition) {
    std::vector<SessionId> out;
    for (const auto& row : c.run(R"sql(
             SELECT m.session_id
             FROM attendance_marks m
             JOIN programme_sessions s ON s.id = m.session_id
             WHERE m.account_id = ? AND s.edition_id = ?
             ORDER BY m.session_id
         )sql",
                                 {account, edition})
                               .rows)
        out.push_back(row.id<SessionId>("session_id"));
    return out;
}

}  // namespace convene::store
