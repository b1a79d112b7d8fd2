#include "store/demo/demo.hpp"

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/common/clock.hpp"
#include "core/demo/demo_venue.hpp"
#include "core/programme/solver.hpp"
#include "security/secrets.hpp"
#include "store/accounts/accounts.hpp"
#include "store/common/audit.hpp"
#include "store/decisions/decisions.hpp"
#include "store/demo/demo_live.hpp"
#include "store/editions/editions.hpp"
#include "store/evaluation/assignment.hpp"
#include "store/programme/sessions.hpp"
#include "store/programme/timetable.hpp"
#include "store/programme/venue.hpp"
#include "store/proposals/submissions.hpp"
#include "store/synthesis/synthesis.hpp"

namespace convene::store {

std::vector<std::int64_t> insert_demo_proposals(db::Connection& c, EditionId edition,
                                                const std::vector<DemoProposal>& proposals,
                                                const std::vector<ThemeId>& theme_ids,
                                                const std::vector<std::int64_t>& person_ids,
                                                const std::string& now) {
    std::vector<std::int64_t> ids;
    for (const auto& p : proposals) {
        auto id =
            db::scalar(c.run(R"sql(
            INSERT INTO proposals
                (edition_id, number, session_type, title, theme_id, format, duration, description,
                 status, created_at, submitted_at, policy_questions, expected_outcomes,
                 online_participation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?)
            RETURNING id
        )sql",
                             {edition.value(), std::int64_t{p.number}, p.session_type, p.title,
                              theme_ids[p.theme].value(), p.format, std::int64_t{p.duration},
                              p.description, now, now, nlohmann::json(p.policy_questions).dump(),
                              p.expected_outcomes, p.online_participation}));
        std::int64_t position = 0;
        for (const auto& r : p.people)
            c.run(R"sql(
                INSERT INTO proposal_people
                    (proposal_id, person_id, role, confirmation, onsite, position)
                VALUES (?, ?, ?, ?, ?, ?)
            )sql",
                  {id, person_ids[r.person], r.role, r.confirmation, std::int64_t{r.onsite},
                   position++});
        ids.push_back(id);
    }
    return ids;
}

namespace {

// Submitted evaluations for the places of `assignments` that `keep(place, member)`
// selects, scored by demo_evaluations(); members are indexes into `accounts`.
void insert_evaluations(db::Connection& c, const std::vector<DemoProposal>& proposals,
                        const std::vector<std::int64_t>& ids,
                        const std::vector<AccountId>& accounts,
                        const std::vector<AssignmentPair>& assignments,
                        const std::vector<std::string>& reasons, std::uint64_t seed,
                        const std::string& now, const std::function<bool(std::size_t, int)>& keep) {
    std::map<std::string, int> proposal_index, member_index;
    for (std::size_t i = 0; i < ids.size(); ++i)
        proposal_index[std::to_string(ids[i])] = static_cast<int>(i);
    for (std::size_t i = 0; i < accounts.size(); ++i)
        member_index[to_string(accounts[i])] = static_cast<int>(i);
    std::vector<std::pair<int, int>> pairs;
    for (const auto& a : assignments)
        pairs.emplace_back(proposal_index.at(a.proposal), member_index.at(a.evaluator));
    std::vector<int> themes, numbers;
    for (const auto& p : proposals) {
        themes.push_back(p.theme);
        numbers.push_back(p.number);
    }
    auto evaluations =
        demo_evaluations(seed, pairs, themes, numbers, static_cast<int>(accounts.size()), reasons);
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        if (!keep(i, pairs[i].second)) continue;
        const auto& d = evaluations[i];
        Evaluation e;
        e.scores = {{"overall", d.score}};
        if (!d.reason.empty()) e.reasons = {{"overall", d.reason}};
        e.comment = d.comment;
        if (d.merge_with) e.merge_with = *d.merge_with;
        c.run(
            R"sql(
            INSERT INTO evaluations
                (proposal_id, account_id, status, content, version, updated_at, submitted_at)
            VALUES (?, ?, 'submitted', ?, 1, ?, ?)
        )sql",
            {ids[pairs[i].first], accounts[pairs[i].second].value(), to_json(e).dump(), now, now});
    }
}

// The second edition: call closed, the MAG's round published, evaluated and closed, and a
// slot plan with the sessions already reserved.
void load_evaluated_edition(db::Connection& c, const DemoForum& forum,
                            const std::vector<std::int64_t>& person_ids, const std::string& now) {
    if (forum.evaluated_proposals.empty()) return;
    auto edition = create_edition(c, forum.evaluated_edition, now);
    std::vector<ThemeId> theme_ids;
    for (const auto& t : forum.themes) theme_ids.push_back(add_theme(c, edition, t));
    for (const auto& r : demo_venue(forum.rooms, forum.evaluated_edition.start_date,
                                    forum.evaluated_edition.end_date))
        add_venue_room(c, edition, r);
    auto call = standard_call();
    call.opens_at = format_utc(Clock::now() - std::chrono::hours(24 * 120));
    call.closes_at = format_utc(Clock::now() - std::chrono::hours(24 * 60));
    save_call(c, edition, call);
    std::vector<AccountId> accounts;
    for (int m : forum.mag_members) {
        auto account = AccountId{db::scalar(
            c.run(R"sql(SELECT account_id FROM people WHERE id = ?)sql", {person_ids[m]}))};
        grant_role(c, account, Role::evaluator, edition);
        accounts.push_back(account);
    }
    auto ids =
        insert_demo_proposals(c, edition, forum.evaluated_proposals, theme_ids, person_ids, now);

    auto settings = evaluation_settings(c, edition);
    settings.deadline = format_utc(Clock::now() - std::chrono::hours(24 * 10));
    settings.closed_at = format_utc(Clock::now() - std::chrono::hours(24 * 9));
    set_evaluation_settings(c, edition, settings);
    auto result = assign(assignment_instance(c, edition, settings));
    save_assignment(c, edition, result.assignments, now);
    publish_assignment(c, edition);

    insert_evaluations(c, forum.evaluated_proposals, ids, accounts, result.assignments,
                       settings.reasons, forum.seed + 2026, now,
                       [](std::size_t, int) { return true; });
    auto plan = synthesis_settings(c, edition);
    plan.plan.reserved = {{"open_forum", 16},
                          {"dynamic_coalition", 10},
                          {"best_practice_forum", 4},
                          {"nri", 8},
                          {"main_session", 0}};
    set_synthesis_settings(c, edition, plan);
}

// The national IGF: call closed a week ago, the round published and open for two more
// weeks, about half evaluated; the demo's MAG member has done three of their list.
void load_evaluating_edition(db::Connection& c, const DemoForum& forum,
                             const std::vector<std::int64_t>& person_ids, const std::string& now) {
    if (forum.evaluating_proposals.empty() || forum.evaluating_members == 0) return;
    auto edition = create_edition(c, forum.evaluating_edition, now);
    std::vector<ThemeId> theme_ids;
    for (const auto& t : forum.themes) theme_ids.push_back(add_theme(c, edition, t));
    auto call = standard_call();
    call.opens_at = format_utc(Clock::now() - std::chrono::hours(24 * 45));
    call.closes_at = format_utc(Clock::now() - std::chrono::hours(24 * 7));
    save_call(c, edition, call);
    std::vector<AccountId> accounts;
    for (int i = 0; i < forum.evaluating_members; ++i) {
        auto account =
            AccountId{db::scalar(c.run(R"sql(SELECT account_id FROM people WHERE id = ?)sql",
                                       {person_ids[forum.mag_members[i]]}))};
        grant_role(c, account, Role::evaluator, edition);
        accounts.push_back(account);
    }
    auto ids =
        insert_demo_proposals(c, edition, forum.evaluating_proposals, theme_ids, person_ids, now);
    auto settings = evaluation_settings(c, edition);
    settings.per_proposal = std::min(3, forum.evaluating_members);
    settings.deadline = format_utc(Clock::now() + std::chrono::hours(24 * 14));
    set_evaluation_settings(c, edition, settings);
    auto result = assign(assignment_instance(c, edition, settings));
    save_assignment(c, edition, result.assignments, now);
    publish_assignment(c, edition);

    // About half the places evaluated; the demo's MAG member (the first) has done three.
    int done_by_demo_member = 0;
    insert_evaluations(c, forum.evaluating_proposals, ids, accounts, result.assignments,
                       settings.reasons, forum.seed + 2027, now, [&](std::size_t i, int member) {
                           return member == 0 ? done_by_demo_member++ < 3 : i % 2 == 0;
                       });
}

// The regional IGF: every proposal accepted and the results out, an opening fixed in the
// main hall, online speakers in far time zones, the timetable completed by the solver and
// published as version 1.
void load_programme_edition(db::Connection& c, const DemoForum& forum,
                            const std::vector<std::int64_t>& person_ids, AccountId admin,
                            const std::string& now, DemoCredentials& out) {
    if (forum.programme_proposals.empty()) return;
    auto edition = create_edition(c, forum.programme_edition, now);
    std::vector<ThemeId> theme_ids;
    for (const auto& t : forum.themes) theme_ids.push_back(add_theme(c, edition, t));
    auto rooms = demo_venue(forum.rooms, forum.programme_edition.start_date,
                            forum.programme_edition.end_date);
    std::vector<RoomId> room_ids;
    for (const auto& r : rooms) room_ids.push_back(add_venue_room(c, edition, r));
    auto ids =
        insert_demo_proposals(c, edition, forum.programme_proposals, theme_ids, person_ids, now);
    for (auto id : ids) {
        Decision d;
        d.kind = "accepted";
        d.reason = "Selected by the MAG for the regional programme.";
        save_decision(c, edition, ProposalId{id}, d, 0, std::nullopt, now);
    }
    set_results_published(c, edition, now);
    sync_programme_sessions(c, edition, now);

    static const std::vector<std::string> tags = {
        "Access",       "AI",        "Cybersecurity",          "Data governance",
        "Human rights", "Inclusion", "Internet fragmentation", "Sustainability"};
    static const std::vector<std::string> zones = {"Asia/Tokyo", "Australia/Sydney",
                                                   "Europe/Berlin", "Pacific/Auckland"};
    int online = 0;
    for (auto s : programme_sessions(c, edition)) {
        auto n = static_cast<std::size_t>(s.id.value());
        s.tags = {tags[n % tags.size()], tags[(n * 3 + 1) % tags.size()]};
        if (s.tags[0] == s.tags[1]) s.tags.pop_back();
        s.demand = 20 + static_cast<int>((n * 37) % 130);
        save_programme_session(c, s, s.version);
        for (const auto& p : s.people)
            if (!p.onsite && p.role == "speaker" && online++ % 3 == 0)
                set_person_time_zone(c, p.person,
                                     zones[static_cast<std::size_t>(online) % zones.size()]);
    }
    programme::ProgrammeSession opening;
    opening.code = "OP1";
    opening.title = "Opening ceremony";
    opening.session_type = "main_session";
    opening.duration = 90;
    opening.needs = {"interpretation"};
    opening.demand = 400;
    opening.fixed =
        programme::Slot{room_ids.front(), forum.programme_edition.start_date + "T09:00"};
    add_programme_session(c, edition, opening);

    auto instance = programme::edition_instance(load_programme(c, edition), true);
    programme::ScheduleOptions options;
    options.time_limit = 1.0;
    options.seed = forum.seed;
    auto result = programme::schedule(instance.instance, options);
    auto slots = programme::edition_slots(instance, result.timetable);
    replace_draft(c, edition, slots, now);
    for (const auto& [session, slot] : slots) set_published_slot(c, session, slot);
    record_version(c, edition, admin, "", now);
    out.programme_sessions = static_cast<int>(instance.instance.sessions.size());
    out.programme_placed = result.placed;
}

}  // namespace

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

    std::vector<ThemeId> theme_ids;
    for (const auto& t : forum.themes) theme_ids.push_back(add_theme(*c, edition, t));
    for (const auto& r : demo_venue(forum.rooms, forum.edition.start_date, forum.edition.end_date))
        add_venue_room(*c, edition, r);
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
    std::vector<AccountId> member_accounts;
    for (int m : forum.mag_members) is_member[m] = true;
    for (std::size_t i = 0; i < forum.people.size(); ++i) {
        const auto& p = forum.people[i].details;
        std::optional<AccountId> account;
        if (is_member[i]) {
            account = create_account(*c, p.email, p.name, member_hash, now);
            grant_role(*c, *account, Role::evaluator, edition);
            if (out.member_email.empty()) out.member_email = p.email;
            member_accounts.push_back(*account);
        }
        person_ids[i] = add_person(*c, p, account);
    }

    insert_demo_proposals(*c, edition, forum.proposals, theme_ids, person_ids, now);
    load_evaluated_edition(*c, forum, person_ids, now);
    load_evaluating_edition(*c, forum, person_ids, now);
    load_programme_edition(*c, forum, person_ids, admin, now, out);
    out.live_room = load_demo_meeting(*c, edition, forum, admin, member_accounts);
    out.past = load_demo_past_edition(
        *c, forum, person_ids, admin,
        member_accounts.empty() ? std::nullopt : std::optional<AccountId>(member_accounts.front()),
        now);
    record_audit(*c, std::nullopt, "demo.load", "edition " + to_string(edition),
                 "{\"proposals\":" + std::to_string(forum.proposals.size()) + "}", now);
    tx.commit();
    return out;
}

}  // namespace convene::store
