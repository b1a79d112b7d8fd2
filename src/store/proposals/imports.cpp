#include "store/proposals/imports.hpp"

#include <stdexcept>

#include "store/editions/editions.hpp"

namespace convene::store {

namespace {

std::int64_t person_id(db::Connection& c, const ProposalPerson& p) {
    PersonDraft d;
    d.name = p.name;
    d.organisation = p.organisation;
    d.stakeholder_group = p.stakeholder_group;
    return add_person(c, d, std::nullopt);
}

}  // namespace

std::int64_t import_workshop_page(db::Connection& c, EditionId edition, const WorkshopPage& page,
                                  const std::string& now) {
    if (!find_edition(c, edition))
        throw std::runtime_error("there is no edition " + to_string(edition));
    auto number = page.number;
    if (number <= 0)
        number = static_cast<int>(db::scalar(c.run(R"sql(
            SELECT COALESCE(MAX(number), 0) + 1 AS next_number
            FROM proposals
            WHERE edition_id = ?
        )sql",
                                                   {edition.value()})));
    if (!c.run(R"sql(SELECT 1 FROM proposals WHERE edition_id = ? AND number = ?)sql",
               {edition.value(), std::int64_t{number}})
             .empty())
        throw std::runtime_error("edition " + to_string(edition) +
                                 " already has a proposal number " + std::to_string(number));
    db::Value theme = nullptr;
    if (!page.theme.empty()) {
        auto found = c.run(R"sql(SELECT id FROM themes WHERE edition_id = ? AND name = ?)sql",
                           {edition.value(), page.theme});
        theme = found.empty() ? db::Value{add_theme(c, edition, {page.theme, ""}).value()}
                              : db::Value{found.rows[0].integer("id")};
    }
    auto id = db::scalar(
        c.run(R"sql(
        INSERT INTO proposals
            (edition_id, number, session_type, title, theme_id, format, duration, description,
             status, created_at, submitted_at)
        VALUES (?, ?, 'workshop', ?, ?, '', 0, ?, 'imported', ?, NULL)
        RETURNING id
    )sql",
              {edition.value(), std::int64_t{number}, page.title, theme, page.description, now}));
    std::int64_t position = 0;
    auto link = [&](const ProposalPerson& p, const std::string& role) {
        c.run(R"sql(
            INSERT INTO proposal_people
                (proposal_id, person_id, role, confirmation, onsite, position)
            VALUES (?, ?, ?, ?, 1, ?)
        )sql",
              {id, person_id(c, p), role, p.confirmation, position++});
    };
    for (const auto& o : page.organisers) link(o, "organiser");
    for (const auto& s : page.speakers) link(s.person, s.role);
    for (const auto& m : page.online_moderators) link(m, "online_moderator");
    if (page.report) {
        const auto& r = *page.report;
        c.run(R"sql(
            INSERT INTO session_reports
                (proposal_id, women_present, gender_discussed, reported_by, summary, conclusions,
                 filed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
        )sql",
              {id, r.women_present, r.gender_discussed, r.reported_by, r.summary, r.conclusions,
               now});
    }
    return id;
}

}  // namespace convene::store
