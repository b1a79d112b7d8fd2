#include "store/proposals/submissions.hpp"

#include <map>
#include <random>
#include <set>

#include "core/common/clock.hpp"
#include "core/common/field_error.hpp"
#include "core/common/parsed_once.hpp"
#include "core/people/people.hpp"
#include "store/editions/editions.hpp"

namespace convene::store {

Call load_call(db::Connection& c, EditionId edition) {
    auto r = c.run(R"sql(SELECT call_settings FROM editions WHERE id = ?)sql", {edition.value()});
    if (r.empty()) return standard_call();
    return parsed_once<Call>(r.rows[0].text("call_settings"), [](std::string_view text) {
        FieldErrors ignored;
        auto j = nlohmann::json::parse(text, nullptr, false);
        return call_from_json(j.is_object() ? j : nlohmann::json::object(), ignored);
    });
}

void save_call(db::Connection& c, EditionId edition, const Call& call) {
    c.run(R"sql(UPDATE editions SET call_settings = ? WHERE id = ?)sql",
          {to_json(call).dump(), edition.value()});
}

std::optional<ProposalRecord> find_proposal_record(db::Connection& c, ProposalId proposal) {
    auto r = c.run(R"sql(
        SELECT id, edition_id, number, version, status, created_at,
               COALESCE(updated_at, created_at) AS updated_at,
               COALESCE(submitted_at, '') AS submitted_at
        FROM proposals
        WHERE id = ?
    )sql",
                   {proposal});
    if (r.empty()) return std::nullopt;
    const auto& row = r.rows[0];
    ProposalRecord out;
    out.id = row.id<ProposalId>("id");
    out.edition_id = row.id<EditionId>("edition_id");
    out.number = row.integer("number");
    out.version = row.integer("version");
    out.status = row.text("status");
    out.created_at = row.text("created_at");
    out.updated_at = row.text("updated_at");
    out.submitted_at = row.text("submitted_at");
    return out;
}

std::optional<ProposalId> proposal_by_creation_key(db::Connection& c, AccountId account,
                                                   const std::string& key) {
    if (key.empty()) return std::nullopt;
    auto r = c.run(R"sql(SELECT id FROM proposals WHERE created_by = ? AND creation_key = ?)sql",
                   {account.value(), key});
    if (r.empty()) return std::nullopt;
    return r.rows[0].id<ProposalId>("id");
}

namespace {

db::Value theme_id(db::Connection& c, EditionId edition, const std::string& theme) {
    if (theme.empty()) return nullptr;
    auto r = c.run(R"sql(SELECT id FROM themes WHERE edition_id = ? AND name = ?)sql",
                   {edition.value(), theme});
    if (r.empty()) return nullptr;
    return r.rows[0].integer("id");
}

struct Role {
    const char* code;
    const std::vector<ProposalPerson> Proposal::*member;
};
const Role roles[] = {{"organiser", &Proposal::organisers},
                      {"speaker", &Proposal::speakers},
                      {"moderator", &Proposal::moderators},
                      {"online_moderator", &Proposal::online_moderators},
                      {"rapporteur", &Proposal::rapporteurs}};

// Ids of the named organisations, creating the missing ones: a few statements for
// any number of names.
std::map<std::string, std::int64_t> organisation_ids(db::Connection& c, const Proposal& p) {
    std::map<std::string, const ProposalPerson*> wanted;
    for (const auto& [role, member] : roles)
        for (const auto& person : p.*member)
            if (!person.organisation.empty()) wanted.emplace(person.organisation, &person);
    std::map<std::string, std::int64_t> ids;
    if (wanted.empty()) return ids;
    auto select = [&] {
        std::string sql = R"sql(SELECT id, name FROM organisations WHERE name IN ()sql";
        std::vector<db::Value> names;
        for (const auto& [name, person] : wanted) {
            if (ids.count(name)) continue;
            sql += names.empty() ? "?" : ", ?";
            names.emplace_back(name);
        }
        if (names.empty()) return;
        for (const auto& row : c.run(sql + ")", names).rows)
            ids[row.text("name")] = row.integer("id");
    };
    select();
    if (ids.size() == wanted.size()) return ids;
    std::vector<db::Value> values;
    for (const auto& [name, person] : wanted) {
        if (ids.count(name)) continue;
        values.emplace_back(name);
        values.emplace_back(person->country.empty() ? db::Value{nullptr}
                                                    : db::Value{person->country});
        values.emplace_back(person->stakeholder_group);
    }
    // Two proposers may name the same new organisation at once: the second one's
    // insert skips it and the select finds the first one's row.
    db::insert_rows(c, R"sql(INSERT INTO organisations (name, country, stakeholder_group))sql", 3,
                    values, R"sql( ON CONFLICT (name) DO NOTHING)sql");
    select();
    return ids;
}

// Replaces the proposal's people. A person already on the proposal (same e-mail, or
// same name when there is none) keeps their row, so their answer to an invitation
// stays with them; people no longer named lose their invitation. New people and the
// links go in one statement each, whatever their number.
void write_people(db::Connection& c, ProposalId proposal, const Proposal& p) {
    std::map<std::string, std::int64_t> existing;
    auto on_proposal = c.run(R"sql(
        SELECT DISTINCT pe.id, pe.name, COALESCE(pe.email, '') AS email
        FROM proposal_people pp
        JOIN people pe ON pe.id = pp.person_id
        WHERE pp.proposal_id = ?
    )sql",
                             {proposal});
    for (const auto& row : on_proposal.rows) {
        ProposalPerson known;
        known.name = row.text("name");
        known.email = row.text("email");
        existing.emplace(person_key(known), row.integer("id"));
    }
    const auto before = existing;
    if (!existing.empty())
        c.run(R"sql(DELETE FROM proposal_people WHERE proposal_id = ?)sql", {proposal});
    auto organisations = organisation_ids(c, p);
    auto person_values = [&](const ProposalPerson& person) {
        auto org = organisations.find(person.organisation);
        return std::vector<db::Value>{
            person.name,
            person.email.empty() ? db::Value{nullptr} : db::Value{person.email},
            org == organisations.end() ? db::Value{nullptr} : db::Value{org->second},
            person.country.empty() ? db::Value{nullptr} : db::Value{person.country},
            person.stakeholder_group,
            person.gender};
    };
    // Known people are updated; new ones inserted together.
    std::vector<db::Value> new_values;
    std::set<std::string> queued;
    for (const auto& [role, member] : roles)
        for (const auto& person : p.*member) {
            auto key = person_key(person);
            auto found = existing.find(key);
            auto values = person_values(person);
            if (found != existing.end()) {
                if (!queued.insert(key).second) continue;
                values.emplace_back(found->second);
                c.run(R"sql(
                    UPDATE people
                    SET name = ?, email = ?, organisation_id = ?, country = ?,
                        stakeholder_group = ?, gender = ?
                    WHERE id = ?
                )sql",
                      values);
            } else if (queued.insert(key).second) {
                new_values.insert(new_values.end(), values.begin(), values.end());
                new_values.emplace_back(std::int64_t{0});  // first_time
                new_values.emplace_back(nullptr);          // account_id
            }
        }
    auto made_people = db::insert_rows(
        c, R"sql(
        INSERT INTO people
            (name, email, organisation_id, country, stakeholder_group, gender, first_time,
             account_id)
    )sql",
        8, new_values, R"sql( RETURNING id, name, COALESCE(email, '') AS email)sql");
    for (const auto& row : made_people.rows) {
        ProposalPerson made;
        made.name = row.text("name");
        made.email = row.text("email");
        existing.emplace(person_key(made), row.integer("id"));
    }
    std::vector<db::Value> link_values;
    std::set<std::pair<std::string, std::int64_t>> linked;
    std::set<std::int64_t> kept;
    std::int64_t position = 0;
    for (const auto& [role, member] : roles)
        for (const auto& person : p.*member) {
            auto id = existing.at(person_key(person));
            if (!linked.emplace(role, id).second) continue;  // named twice in one role
            kept.insert(id);
            std::int64_t onsite = person.onsite ? (*person.onsite ? 1 : 0) : -1;
            for (db::Value v :
                 {db::Value{proposal}, db::Value{id}, db::Value{std::string(role)},
                  db::Value{person.confirmation}, db::Value{onsite}, db::Value{position++}})
                link_values.push_back(std::move(v));
        }
    db::insert_rows(c, R"sql(
        INSERT INTO proposal_people (proposal_id, person_id, role, confirmation, onsite, position)
    )sql",
                    6, link_values);
    for (const auto& [key, id] : before) {
        if (kept.count(id)) continue;
        c.run(R"sql(DELETE FROM speaker_invitations WHERE proposal_id = ? AND person_id = ?)sql",
              {proposal, id});
        c.run(R"sql(
            DELETE FROM people
            WHERE id = ? AND account_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM proposal_people pp WHERE pp.person_id = people.id)
              AND NOT EXISTS (SELECT 1 FROM speaker_invitations si WHERE si.person_id = people.id)
        )sql",
              {id});
    }
}

void write_fields(db::Connection& c, ProposalId proposal, EditionId edition, const Proposal& p) {
    c.run(
        R"sql(
        UPDATE proposals
        SET session_type = ?, title = ?, theme_id = ?, format = ?, duration = ?,
            description = ?, policy_questions = ?, tags = ?, sdgs = ?, agenda = ?,
            expected_outcomes = ?, online_participation = ?, background_paper = ?,
            previous_report = ?, relevance = ?
        WHERE id = ?
    )sql",
        {p.session_type, p.title, theme_id(c, edition, p.theme), p.format, std::int64_t{p.duration},
         p.description, nlohmann::json(p.policy_questions).dump(), nlohmann::json(p.tags).dump(),
         nlohmann::json(p.sdgs).dump(), p.agenda, p.expected_outcomes, p.online_participation,
         p.background_paper, p.previous_report, p.relevance, proposal});
}

constexpr auto revision_window = std::chrono::minutes(2);

void keep_revision(db::Connection& c, ProposalId proposal, std::int64_t version, const Proposal& p,
                   AccountId account, const std::string& action, const std::string& now) {
    auto content = to_json(p);
    content["id"] = to_string(proposal);
    // Draft saves by one person within two minutes of each other are one revision: the
    // previous one moves up to this version. Each burst of typing keeps one copy.
    if (action == "saved") {
        auto at = parse_utc(now);
        auto window = at ? format_utc(*at - revision_window) : now;
        auto merged =
            c.run(R"sql(
            UPDATE proposal_revisions
            SET version = ?, saved_at = ?, content = ?
            WHERE proposal_id = ? AND version = ? AND account_id = ? AND action = 'saved'
              AND saved_at >= ?
        )sql",
                  {version, now, content.dump(), proposal, version - 1, account.value(), window});
        if (merged.changed > 0) return;
    }
    c.run(R"sql(
        INSERT INTO proposal_revisions (proposal_id, version, saved_at, account_id, action, content)
        VALUES (?, ?, ?, ?, ?, ?)
    )sql",
          {proposal, version, now, account.value(), action, content.dump()});
}

}  // namespace

Created create_proposal(db::Connection& c, EditionId edition, const Proposal& p, AccountId account,
                        const std::string& creation_key, const std::string& now,
                        const Proposal* as_typed) {
    // A placeholder number, negative so it never meets a real one, until the end.
    static thread_local std::mt19937_64 random{std::random_device{}()};
    std::int64_t placeholder =
        -1 - static_cast<std::int64_t>(random() % 2000000000);  // INTEGER column
    db::Value key = creation_key.empty() ? db::Value{nullptr} : db::Value{creation_key};
    ProposalId id;
    try {
        db::Savepoint attempt(c);
        id = ProposalId{db::scalar(
            c.run(R"sql(
            INSERT INTO proposals
                (edition_id, number, session_type, title, format, duration, description, status,
                 created_at, updated_at, version, created_by, creation_key)
            VALUES (?, ?, ?, '', '', 0, '', 'draft', ?, ?, 1, ?, ?)
            RETURNING id
        )sql",
                  {edition.value(), placeholder, p.session_type, now, now, account.value(), key}))};
        attempt.release();
    } catch (const db::Error& e) {
        // The same key sent twice at once: the second insert waited for the first to
        // commit and met its key.
        auto existing = proposal_by_creation_key(c, account, creation_key);
        if (e.kind() != db::Error::Kind::unique_violation || !existing) throw;
        return {*existing, true};
    }
    write_fields(c, id, edition, p);
    write_people(c, id, p);
    add_editor(c, id, account, "proposer", now);
    keep_revision(c, id, 1, as_typed ? *as_typed : p, account, "created", now);
    return {id, false};
}

std::int64_t number_proposal(db::Connection& c, EditionId edition, ProposalId proposal) {
    // Numbers in turn: the update locks the edition's row until this transaction ends.
    c.run(R"sql(UPDATE editions SET call_settings = call_settings WHERE id = ?)sql",
          {edition.value()});
    return db::scalar(c.run(R"sql(
        UPDATE proposals
        SET number = (SELECT COALESCE(MAX(number), 0) + 1
                      FROM proposals
                      WHERE edition_id = ? AND number > 0)
        WHERE id = ?
        RETURNING number
    )sql",
                            {edition.value(), proposal}));
}

bool save_proposal(db::Connection& c, ProposalId proposal, const Proposal& p,
                   std::int64_t expected_version, AccountId account, const std::string& action,
                   const std::string& now, const Proposal* as_typed) {
    auto updated = c.run(R"sql(
        UPDATE proposals SET version = version + 1, updated_at = ?
        WHERE id = ? AND version = ?
        RETURNING edition_id
    )sql",
                         {now, proposal, expected_version});
    if (updated.empty()) return false;
    write_fields(c, proposal, updated.rows[0].id<EditionId>("edition_id"), p);
    write_people(c, proposal, p);
    keep_revision(c, proposal, expected_version + 1, as_typed ? *as_typed : p, account, action,
                  now);
    return true;
}

bool withdraw_proposal(db::Connection& c, ProposalId proposal, AccountId account,
                       const std::string& now) {
    auto updated = c.run(R"sql(
        UPDATE proposals SET status = 'withdrawn', version = version + 1, updated_at = ?
        WHERE id = ? AND status <> 'withdrawn'
        RETURNING version
    )sql",
                         {now, proposal});
    if (updated.empty()) return false;
    auto version = updated.rows[0].integer("version");
    // The revision before it, copied: the record shows the proposal as it was withdrawn.
    auto content = revision_content(c, proposal, version - 1);
    c.run(R"sql(
        INSERT INTO proposal_revisions (proposal_id, version, saved_at, account_id, action, content)
        VALUES (?, ?, ?, ?, 'withdrawn', ?)
    )sql",
          {proposal, version, now, account.value(),
           content ? to_json(*content).dump() : std::string("{}")});
    return true;
}

void mark_submitted(db::Connection& c, ProposalId proposal, const std::string& now) {
    c.run(R"sql(
        UPDATE proposals SET status = 'submitted', submitted_at = COALESCE(submitted_at, ?)
        WHERE id = ?
    )sql",
          {now, proposal});
}

std::vector<Revision> list_revisions(db::Connection& c, ProposalId proposal) {
    std::vector<Revision> out;
    auto r = c.run(R"sql(
        SELECT r.version, r.saved_at, COALESCE(a.name, '') AS saved_by, r.action
        FROM proposal_revisions r
        LEFT JOIN accounts a ON a.id = r.account_id
        WHERE r.proposal_id = ?
        ORDER BY r.version DESC
    )sql",
                   {proposal});
    for (const auto& row : r.rows)
        out.push_back({row.integer("version"), row.text("saved_at"), row.text("saved_by"),
                       row.text("action")});
    return out;
}

std::optional<Proposal> revision_content(db::Connection& c, ProposalId proposal,
                                         std::int64_t version) {
    auto r = c.run(R"sql(
        SELECT content FROM proposal_revisions WHERE proposal_id = ? AND version = ?
    )sql",
                   {proposal, version});
    if (r.empty()) return std::nullopt;
    auto j = nlohmann::json::parse(r.rows[0].text("content"), nullptr, false);
    try {
        return proposal_from_json(j);
    } catch (const InputError&) {  // an older revision in another shape
        return std::nullopt;
    }
}

bool is_editor(db::Connection& c, ProposalId proposal, AccountId account) {
    return !c.run(
                 R"sql(SELECT 1 FROM proposal_editors WHERE proposal_id = ? AND account_id = ?)sql",
                 {proposal, account.value()})
                .empty();
}

void add_editor(db::Connection& c, ProposalId proposal, AccountId account, const std::string& role,
                const std::string& now) {
    c.run(R"sql(
        INSERT INTO proposal_editors (proposal_id, account_id, role, added_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (proposal_id, account_id) DO NOTHING
    )sql",
          {proposal, account.value(), role, now});
}

std::vector<Editor> list_editors(db::Connection& c, ProposalId proposal) {
    std::vector<Editor> out;
    auto r = c.run(R"sql(
        SELECT a.id, a.name, a.email, e.role
        FROM proposal_editors e
        JOIN accounts a ON a.id = e.account_id
        WHERE e.proposal_id = ?
        ORDER BY e.added_at, a.id
    )sql",
                   {proposal});
    for (const auto& row : r.rows)
        out.push_back(
            {row.id<AccountId>("id"), row.text("name"), row.text("email"), row.text("role")});
    return out;
}

std::vector<OwnProposal> proposals_of(db::Connection& c, AccountId account) {
    std::vector<OwnProposal> out;
    auto r = c.run(R"sql(
        SELECT p.id, p.edition_id, p.number, p.version, ed.name AS edition_name, p.title,
               p.session_type, p.status, COALESCE(p.updated_at, p.created_at) AS updated_at,
               e.role
        FROM proposal_editors e
        JOIN proposals p ON p.id = e.proposal_id
        JOIN editions ed ON ed.id = p.edition_id
        WHERE e.account_id = ?
        ORDER BY ed.year DESC, p.number
    )sql",
                   {account.value()});
    for (const auto& row : r.rows) {
        OwnProposal p;
        p.id = row.id<ProposalId>("id");
        p.edition_id = row.id<EditionId>("edition_id");
        p.number = row.integer("number");
        p.version = row.integer("version");
        p.edition_name = row.text("edition_name");
        p.title = row.text("title");
        p.session_type = row.text("session_type");
        p.status = row.text("status");
        p.updated_at = row.text("updated_at");
        p.role = row.text("role");
        out.push_back(std::move(p));
    }
    return out;
}

void invite_co_organiser(db::Connection& c, ProposalId proposal, const std::string& email,
                         const std::string& token_hash, AccountId by, const std::string& now,
                         const std::string& expires_at) {
    c.run(R"sql(
        INSERT INTO co_organiser_invitations
            (proposal_id, email, token_hash, invited_by, created_at, expires_at)
        VALUES (?, ?, ?, ?, ?, ?)
    )sql",
          {proposal, email, token_hash, by.value(), now, expires_at});
}

std::optional<std::string> pending_co_organiser_invitation(db::Connection& c, ProposalId proposal,
                                                           const std::string& email,
                                                           const std::string& now) {
    auto r = c.run(R"sql(
        SELECT MAX(expires_at) AS expires_at
        FROM co_organiser_invitations
        WHERE proposal_id = ? AND email = ? AND accepted_at IS NULL AND withdrawn_at IS NULL
          AND expires_at > ?
    )sql",
                   {proposal, email, now});
    if (r.empty() || r.rows[0].is_null("expires_at")) return std::nullopt;
    return r.rows[0].text("expires_at");
}

std::optional<CoOrganiserInvitation> find_co_organiser_invitation(db::Connection& c,
                                                                  const std::string& token_hash) {
    auto r = c.run(R"sql(
        SELECT id, proposal_id, email, expires_at, COALESCE(accepted_at, '') AS accepted_at,
               COALESCE(withdrawn_at, '') AS withdrawn_at
        FROM co_organiser_invitations
        WHERE token_hash = ?
    )sql",
                   {token_hash});
    if (r.empty()) return std::nullopt;
    const auto& row = r.rows[0];
    return CoOrganiserInvitation{row.id<CoOrganiserInvitationId>("id"),
                                 row.id<ProposalId>("proposal_id"),
                                 row.text("email"),
                                 row.text("expires_at"),
                                 row.text("accepted_at"),
                                 row.text("withdrawn_at")};
}

bool accept_co_organiser_invitation(db::Connection& c, const CoOrganiserInvitation& invitation,
                                    AccountId account, const std::string& now) {
    auto taken = c.run(R"sql(
        UPDATE co_organiser_invitations SET accepted_by = ?, accepted_at = ?
        WHERE id = ? AND accepted_at IS NULL AND withdrawn_at IS NULL
    )sql",
                       {account.value(), now, invitation.id.value()});
    if (taken.changed == 0) return false;
    add_editor(c, invitation.proposal_id, account, "co_organiser", now);
    return true;
}

}  // namespace convene::store
