#include "web/submissions.hpp"

#include "core/clock.hpp"
#include "core/screening.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/outbox.hpp"
#include "store/proposals.hpp"
#include "web/exchange.hpp"

namespace convene::web {

EditableProposal proposal_for(Exchange& ex, std::int64_t proposal) {
    auto record = store::find_proposal_record(ex.db(), proposal);
    if (!record) throw http::not_found("There is no proposal with this number.");
    const auto& account = ex.require_sign_in();
    EditableProposal out{*record, *store::find_edition(ex.db(), record->edition_id),
                         store::load_call(ex.db(), record->edition_id), false};
    out.editor = store::is_editor(ex.db(), proposal, account.id);
    if (!out.editor && !ex.has_role(Role::admin, record->edition_id))
        throw http::forbidden("Only the organisers of this proposal and the Secretariat see it.");
    return out;
}

ProposalChecks checks_for(Exchange& ex, const store::Edition& edition, const Call& call) {
    ProposalChecks checks{call, {}, {}};
    for (const auto& t : store::list_themes(ex.db(), edition.id)) checks.themes.push_back(t.name);
    return checks;
}

void require_open_call(Exchange& ex, const Call& call) {
    auto state = call_state(call, ex.now());
    if (state == CallState::open) return;
    throw http::Error(409,
                      state == CallState::closed ? "The call is closed" : "The call is not open",
                      call_state_sentence(call, state));
}

namespace {

std::vector<std::string> required_fields(Exchange& ex, std::int64_t edition,
                                         const std::string& session_type) {
    auto rules =
        screening_context_from_json({{"screening", store::screening_rules(ex.db(), edition)}})
            .rules;
    auto found = rules.required_fields.find(session_type);
    return found != rules.required_fields.end() ? found->second
                                                : standard_required_fields(session_type);
}

nlohmann::json comparable(nlohmann::json j) {
    j["id"] = "";
    j["submitted_at"] = "";
    return j;
}

void send_receipts(Exchange& ex, std::int64_t proposal, const store::Edition& edition,
                   const Call& call, const Proposal& p) {
    auto record = store::find_proposal_record(ex.db(), proposal);
    for (const auto& editor : store::list_editors(ex.db(), proposal)) {
        store::Mail mail;
        mail.kind = "receipt";
        mail.dedupe_key =
            "receipt:" + std::to_string(proposal) + ":" + std::to_string(editor.account_id);
        mail.recipient = editor.email;
        mail.subject = "Proposal received: " + p.title;
        mail.body = "Dear " + editor.name + ",\n\nyour session proposal number " +
                    std::to_string(record->number) + ", \"" + p.title + "\", for " + edition.name +
                    " was submitted on " + ex.now() + " (UTC).\n\n" +
                    "You and your co-organisers can still edit it until " + call.closes_at +
                    " (UTC):\n" + ex.app.config().base_url + "/proposals/" +
                    std::to_string(proposal) +
                    "\n\nEach speaker named with an e-mail address receives a link to confirm.\n";
        store::enqueue_mail(ex.db(), mail, ex.now());
    }
}

SaveOutcome finish(Exchange& ex, std::int64_t proposal, const store::Edition& edition,
                   const Call& call, const Proposal& p, Intent intent) {
    auto record = *store::find_proposal_record(ex.db(), proposal);
    SaveOutcome out{proposal, record.version, record.status == "submitted", {}, false};
    if (intent == Intent::submit && !out.submitted) {
        ProposalChecks checks = checks_for(ex, edition, call);
        checks.required_fields = required_fields(ex, edition.id, p.session_type);
        out.submission_errors = check_proposal_submission(p, checks);
        if (out.submission_errors.empty()) {
            store::mark_submitted(ex.db(), proposal, ex.now());
            out.submitted = true;
            send_receipts(ex, proposal, edition, call, p);
            ex.audit("proposal.submit", "proposal " + std::to_string(proposal),
                     {{"number", record.number}, {"title", p.title}});
        }
    }
    if (out.submitted) invite_speakers(ex, proposal);
    return out;
}

}  // namespace

SaveOutcome start_proposal(Exchange& ex, const store::Edition& edition, Proposal draft,
                           const std::string& creation_key, Intent intent) {
    const auto& account = ex.require_sign_in();
    // Taken first, so a second request with the same key waits for the first one and
    // then finds its proposal.
    store::lock_edition(ex.db(), edition.id);
    if (auto existing = store::proposal_by_creation_key(ex.db(), account.id, creation_key)) {
        auto record = *store::find_proposal_record(ex.db(), *existing);
        return {record.id, record.version, record.status == "submitted", {}, true};
    }
    auto call = store::load_call(ex.db(), edition.id);
    require_open_call(ex, call);
    auto checks = checks_for(ex, edition, call);
    throw_if_invalid(check_proposal_draft(draft, checks));
    auto id =
        store::create_proposal(ex.db(), edition.id, draft, account.id, creation_key, ex.now());
    ex.audit("proposal.create", "proposal " + std::to_string(id),
             {{"edition", edition.id}, {"title", draft.title}});
    return finish(ex, id, edition, call, draft, intent);
}

SaveOutcome save_proposal(Exchange& ex, const EditableProposal& target, Proposal draft,
                          std::int64_t expected_version, Intent intent) {
    if (!target.editor)
        throw http::forbidden("Only the organisers of this proposal can change it.");
    require_open_call(ex, target.call);
    auto checks = checks_for(ex, target.edition, target.call);
    throw_if_invalid(check_proposal_draft(draft, checks));
    const auto id = target.record.id;
    auto current = store::revision_content(ex.db(), id, target.record.version);
    auto yours = to_json(draft);
    // Saving what is already saved (a double click, a second tab) changes nothing.
    bool unchanged = current && comparable(*current) == comparable(yours);
    if (!unchanged) {
        auto account = ex.require_sign_in().id;
        if (expected_version != target.record.version ||
            !store::save_proposal(ex.db(), id, draft, expected_version, account,
                                  intent == Intent::submit ? "submitted" : "saved", ex.now())) {
            auto record = *store::find_proposal_record(ex.db(), id);
            throw EditConflict{record.version, store::revision_content(ex.db(), id, record.version)
                                                   .value_or(nlohmann::json::object())};
        }
        ex.audit("proposal.save", "proposal " + std::to_string(id),
                 {{"version", expected_version + 1}});
        ex.publish("proposal-" + std::to_string(id),
                   {{"event", "proposal.saved"},
                    {"version", expected_version + 1},
                    {"text", ex.require_sign_in().name + " saved version " +
                                 std::to_string(expected_version + 1) + " of this proposal."}});
    }
    return finish(ex, id, target.edition, target.call, draft, intent);
}

int invite_speakers(Exchange& ex, std::int64_t proposal) {
    auto people = ex.db().run(
        "SELECT DISTINCT pe.id, pe.name, pe.email FROM proposal_people pp JOIN people pe ON pe.id "
        "= pp.person_id WHERE pp.proposal_id = ? AND pp.role <> 'organiser' AND pe.email IS NOT "
        "NULL AND pe.email <> '' AND NOT EXISTS (SELECT 1 FROM speaker_invitations si WHERE "
        "si.proposal_id = pp.proposal_id AND si.person_id = pe.id)",
        {proposal});
    if (people.empty()) return 0;
    auto p = *store::load_proposal(ex.db(), proposal);
    auto record = *store::find_proposal_record(ex.db(), proposal);
    auto edition = *store::find_edition(ex.db(), record.edition_id);
    std::string organisers;
    for (const auto& o : p.organisers)
        organisers += (organisers.empty() ? "" : ", ") + o.name +
                      (o.organisation.empty() ? "" : " (" + o.organisation + ")");
    auto expires =
        format_utc(Clock::now() + std::chrono::hours(24 * ex.app.config().speaker_link_days));
    int sent = 0;
    for (const auto& row : people.rows) {
        auto token = random_token();
        auto invitation = db::scalar(ex.db().run(
            "INSERT INTO speaker_invitations (proposal_id, person_id, email, token_hash, sent_at, "
            "expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            {proposal, row.integer(0), row.text(2), token_hash(token), ex.now(), expires}));
        store::Mail mail;
        mail.kind = "speaker_invitation";
        mail.dedupe_key = "speaker_invitation:" + std::to_string(invitation);
        mail.recipient = row.text(2);
        mail.subject = "Please confirm your part in \"" + p.title + "\"";
        mail.body = "Dear " + row.text(1) + ",\n\n" + organisers +
                    " named you in their session proposal \"" + p.title + "\" for " + edition.name +
                    ".\n\nPlease confirm or decline here (no account needed):\n" +
                    ex.app.config().base_url + "/confirm/" + token + "\n\nThe link works until " +
                    expires + " (UTC).\n";
        store::enqueue_mail(ex.db(), mail, ex.now());
        ++sent;
    }
    return sent;
}

}  // namespace convene::web
