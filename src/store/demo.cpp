#include "store/demo.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/clock.hpp"
#include "security/secrets.hpp"
#include "store/accounts.hpp"
#include "store/audit.hpp"
#include "store/editions.hpp"
#include "store/submissions.hpp"

namespace convene::store {

DemoCredentials load_demo_forum(db::Database& database, const DemoForum& forum) {
    auto c = database.acquire();
    db::Transaction tx(*c);
    const auto now = format_utc(Clock::now());
    DemoCredentials out;
    out.admin_email = "admin@example.org";
    out.admin_password = random_password();
    out.member_password = random_password();
    if (find_account_for_sign_in(*c, out.admin_email))
        throw std::runtime_error("this database already holds the demo forum; use a new file");

    auto admin = create_account(*c, out.admin_email, "Demo Secretariat",
                                hash_password(out.admin_password), now);
    grant_role(*c, admin, Role::admin, std::nullopt);
    auto edition = create_edition(*c, forum.edition, now);
    out.edition_id = edition;

    std::vector<std::int64_t> theme_ids;
    for (const auto& t : forum.themes) theme_ids.push_back(add_theme(*c, edition, t));
    for (const auto& r : forum.rooms) add_room(*c, edition, r);
    // The demo's call is open: it opened a week ago and closes in a month.
    auto call = standard_call();
    call.opens_at = format_utc(Clock::now() - std::chrono::hours(24 * 7));
    call.closes_at = format_utc(Clock::now() + std::chrono::hours(24 * 30));
    call.tags = {"Access",
                 "AI",
                 "Cybersecurity",
                 "Data governance",
                 "Human rights",
                 "Digital inclusion",
                 "Internet fragmentation",
                 "Sustainability"};
    call.policy_questions = {"How can meaningful connectivity reach the people still offline?",
                             "What governance do AI systems need, and who should shape it?",
                             "How can trust and security online be built across borders?",
                             "How can data flow with trust while rights are protected?"};
    save_call(*c, edition, call);

    // One hash for all demo members: argon2id is slow on purpose, fifty of them are not needed.
    const auto member_hash = hash_password(out.member_password);
    std::vector<std::int64_t> person_ids(forum.people.size());
    std::vector<bool> is_member(forum.people.size(), false);
    for (int m : forum.mag_members) is_member[m] = true;
    for (std::size_t i = 0; i < forum.people.size(); ++i) {
        const auto& p = forum.people[i].details;
        std::optional<std::int64_t> account;
        if (is_member[i]) {
            account = create_account(*c, p.email, p.name, member_hash, now);
            grant_role(*c, *account, Role::evaluator, edition);
            if (out.member_email.empty()) out.member_email = p.email;
        }
        person_ids[i] = add_person(*c, p, account);
    }

    for (const auto& p : forum.proposals) {
        auto id = db::scalar(c->run(
            "INSERT INTO proposals (edition_id, number, session_type, title, theme_id, format, "
            "duration, description, status, created_at, submitted_at, policy_questions, "
            "expected_outcomes, "
            "online_participation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?) "
            "RETURNING id",
            {edition, std::int64_t{p.number}, p.session_type, p.title, theme_ids[p.theme], p.format,
             std::int64_t{p.duration}, p.description, now, now,
             nlohmann::json(p.policy_questions).dump(), p.expected_outcomes,
             p.online_participation}));
        std::int64_t position = 0;
        for (const auto& r : p.people)
            c->run(
                "INSERT INTO proposal_people (proposal_id, person_id, role, confirmation, onsite, "
                "position) VALUES (?, ?, ?, ?, ?, ?)",
                {id, person_ids[r.person], r.role, r.confirmation, std::int64_t{r.onsite},
                 position++});
    }
    record_audit(*c, std::nullopt, "demo.load", "edition " + std::to_string(edition),
                 "{\"proposals\":" + std::to_string(forum.proposals.size()) + "}", now);
    tx.commit();
    return out;
}

}  // namespace convene::store
