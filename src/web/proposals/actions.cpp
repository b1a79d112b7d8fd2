#include "web/proposals/actions.hpp"

#include <map>

#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/times.hpp"
#include "core/people/country.hpp"
#include "core/policy/policy.hpp"
#include "core/screening/screening.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/common/outbox.hpp"
#include "store/decisions/decisions.hpp"
#include "store/proposals/proposals.hpp"
#include "store/proposals/speaker_links.hpp"
#include "web/accounts/session_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/mail.hpp"

namespace convene::web {

EditableProposal proposal_for(Exchange& ex, ProposalId proposal) {
    auto record = store::find_proposal_record(ex.db(), proposal);
    if (!record) throw http::not_found(say("proposals.there_is_no_proposal_with_this"));
    const auto& account = ex.require_sign_in();
    EditableProposal out{*record, *store::find_edition(ex.db(), record->edition_id),
                         store::load_call(ex.db(), record->edition_id), false};
    out.editor = store::is_editor(ex.db(), proposal, account.id);
    if (!policy::may_see_proposal(ex.actor(), {record->edition_id, out.editor}))
        throw http::forbidden(say("proposals.only_the_organisers_of_this_proposal"));
    return out;
}

ProposalChecks checks_for(Exchange& ex, const store::Edition& edition, const Call& call) {
    ProposalChecks checks{call, {}, {}};
    for (const auto& t : store::list_themes(ex.db(), edition.id)) checks.themes.push_back(t.name);
    return checks;
}

void require_open_call(Exchange& ex, const Call& call, std::string_view zone) {
    auto state = call_state(call, ex.now());
    if (state == CallState::open) return;
    throw http::Error(409,
                      state == CallState::closed ? say("proposals.the_call_is_closed")
                                                 : say("proposals.the_call_is_not_open"),
                      call_state_sentence(call, state, zone));
}

namespace {

std::vector<std::string> required_fields(Exchange& ex, EditionId edition,
                                         const std::string& session_type) {
    auto rules = store::screening_rules(ex.db(), edition);
    auto found = rules.required_fields.find(session_type);
    return found != rules.required_fields.end() ? found->second
                                                : standard_required_fields(session_type);
}

nlohmann::json comparable(nlohmann::json j) {
    j["id"] = "";
    j["submitted_at"] = "";
    return j;
}

// The receipt to every organiser with an account, and the audit entry.
void announce_submission(Exchange& ex, ProposalId proposal, std::int64_t number,
                         const store::Edition& edition, const Call& call, const Proposal& p) {
    std::vector<store::Mail> mails;
    for (const auto& editor : store::list_editors(ex.db(), proposal)) {
        auto mail = mail_from_template(
            "receipt", {{"name", editor.name},
                        {"number", number},
                        {"title", p.title},
                        {"edition", edition.name},
                        {"submitted_at", stored_time(ex.now(), edition.time_zone).text},
                        {"closes_at", stored_time(call.closes_at, edition.time_zone).text},
                        {"link", ex.app.config().base_url + "/proposals/" + to_string(proposal)}});
        mail.dedupe_key = "receipt:" + to_string(proposal) + ":" + to_string(editor.account_id);
        mail.recipient = editor.email;
        mails.push_back(std::move(mail));
    }
    store::enqueue_mails(ex.db(), mails, ex.now());
    ex.audit("proposal.submit", "proposal " + to_string(proposal),
             {{"number", number}, {"title", p.title}});
}

// Submits when asked and the proposal is complete, and invites its speakers once it is
// submitted; true when it was submitted just now.
bool finish(Exchange& ex, SaveOutcome& out, const store::Edition& edition, const Call& call,
            const Proposal& p, Intent intent) {
    bool now_submitted = false;
    if (intent == Intent::submit && !out.submitted) {
        ProposalChecks checks = checks_for(ex, edition, call);
        checks.required_fields = required_fields(ex, edition.id, p.session_type);
        out.submission_errors = check_proposal_submission(p, checks);
        // The draft is kept; only an account whose address is confirmed submits.
        if (const auto& who = ex.account(); who && !who->email_verified)
            out.submission_errors.insert(
                out.submission_errors.begin(),
                {"email", say("proposals.submit.not_confirmed", {{"email", who->email}})});
        if (out.submission_errors.empty()) {
            store::mark_submitted(ex.db(), out.proposal, ex.now());
            out.submitted = now_submitted = true;
        }
    }
    if (out.submitted) invite_speakers(ex, out.proposal, p, edition);
    return now_submitted;
}

}  // namespace

namespace {

// What the tables accept of a draft: a country not in the list is left out of the
// people's rows (the revision keeps it as typed).
Proposal storable_columns(Proposal p) {
    for (auto* list :
         {&p.organisers, &p.speakers, &p.moderators, &p.online_moderators, &p.rapporteurs})
        for (auto& person : *list)
            if (!person.country.empty() && !find_country(person.country)) person.country.clear();
    return p;
}

}  // namespace

Proposal proposal_as_saved(Exchange& ex, const store::ProposalRecord& record) {
    if (record.status == "draft")
        // An older revision in another shape reads as none: the tables hold the same fields.
        if (auto content = store::revision_content(ex.db(), record.id, record.version))
            return *content;
    return *store::load_proposal(ex.db(), record.id);
}

SaveOutcome start_proposal(Exchange& ex, const store::Edition& edition, Proposal draft,
                           const std::string& creation_key, Intent intent) {
    const auto& account = ex.require_sign_in();
    if (auto existing = store::proposal_by_creation_key(ex.db(), account.id, creation_key)) {
        auto target = proposal_for(ex, *existing);
        // The same form sent again (the back button, a second click) saves over its draft,
        // so nothing typed since is dropped; an identical one changes nothing.
        if (target.record.status == "draft") {
            auto out = save_proposal(ex, target, std::move(draft), target.record.version, intent);
            out.existed = true;
            return out;
        }
        return {target.record.id,
                target.record.version,
                target.record.status == "submitted",
                {},
                true,
                {},
                target.record.updated_at};
    }
    auto call = store::load_call(ex.db(), edition.id);
    require_open_call(ex, call, edition.time_zone);
    throw_if_invalid(check_proposal_storable(draft));
    auto warnings = check_proposal_draft(draft, checks_for(ex, edition, call));
    throttle(ex, "save:" + to_string(account.id), ex.app.config().saves_per_minute,
             std::chrono::minutes(1), "throttle.saves");
    auto created = store::create_proposal(ex.db(), edition.id, storable_columns(draft), account.id,
                                          creation_key, ex.now(), &draft);
    if (created.existed) {
        auto record = *store::find_proposal_record(ex.db(), created.id);
        return {record.id, record.version,   record.status == "submitted", {}, true,
                {},        record.updated_at};
    }
    auto id = created.id;
    ex.audit("proposal.create", "proposal " + to_string(id),
             {{"edition", edition.id}, {"title", draft.title}});
    SaveOutcome out{id, 1, false, {}, false, warnings, ex.now()};
    bool now_submitted = finish(ex, out, edition, call, draft, intent);
    // Last, so that concurrent proposers wait for each other only from here to commit.
    auto number = store::number_proposal(ex.db(), edition.id, id);
    if (now_submitted) announce_submission(ex, id, number, edition, call, draft);
    return out;
}

SaveOutcome save_proposal(Exchange& ex, const EditableProposal& target, Proposal draft,
                          std::int64_t expected_version, Intent intent) {
    if (!policy::may_edit_proposal(ex.actor(), {target.record.edition_id, target.editor}))
        throw http::forbidden(say("proposals.only_the_organisers_of_this_proposal_2"));
    if (target.record.status == "withdrawn")
        throw http::Error(409, say("proposals.withdrawn.title"),
                          say("proposals.withdrawn.not_editable"));
    require_open_call(ex, target.call, target.edition.time_zone);
    throw_if_invalid(check_proposal_storable(draft));
    auto checks = checks_for(ex, target.edition, target.call);
    auto warnings = check_proposal_draft(draft, checks);
    // A submitted proposal is screened as it stands: it never becomes invalid.
    if (target.record.status == "submitted") {
        checks.required_fields = required_fields(ex, target.edition.id, draft.session_type);
        throw_if_invalid(check_proposal_submission(draft, checks));
    }
    const auto id = target.record.id;
    auto current = store::revision_content(ex.db(), id, target.record.version);
    auto yours = to_json(draft);
    // Saving what is already saved (a double click, a second tab) changes nothing.
    bool unchanged = current && comparable(to_json(*current)) == comparable(yours);
    if (!unchanged) {
        auto account = ex.require_sign_in().id;
        // Faster than anyone types: a script. Refused before anything is stored.
        throttle(ex, "save:" + to_string(account), ex.app.config().saves_per_minute,
                 std::chrono::minutes(1), "throttle.saves");
        if (expected_version != target.record.version ||
            !store::save_proposal(ex.db(), id, storable_columns(draft), expected_version, account,
                                  intent == Intent::submit ? "submitted" : "saved", ex.now(),
                                  &draft)) {
            auto record = *store::find_proposal_record(ex.db(), id);
            auto now_saved = store::revision_content(ex.db(), id, record.version);
            throw EditConflict{record.version,
                               now_saved ? *now_saved : proposal_as_saved(ex, record)};
        }
        ex.audit("proposal.save", "proposal " + to_string(id), {{"version", expected_version + 1}});
        ex.publish("proposal-" + to_string(id),
                   {{"event", "proposal.saved"},
                    {"version", expected_version + 1},
                    {"text", say("proposals.saved_version", {{"name", ex.require_sign_in().name},
                                                             {"version", expected_version + 1}})}});
    }
    auto record = *store::find_proposal_record(ex.db(), id);
    SaveOutcome out{id,       record.version,   record.status == "submitted", {}, false,
                    warnings, record.updated_at};
    if (finish(ex, out, target.edition, target.call, draft, intent))
        announce_submission(ex, id, record.number, target.edition, target.call, draft);
    return out;
}

bool decision_recorded(Exchange& ex, ProposalId proposal) {
    auto d = store::load_decision(ex.db(), proposal);
    return d.version > 0 && !d.decision.kind.empty();
}

void withdraw(Exchange& ex, const EditableProposal& target) {
    if (!policy::may_withdraw_proposal(ex.actor(), {target.record.edition_id, target.editor}))
        throw http::forbidden(say("proposals.withdrawn.only_organisers"));
    const auto id = target.record.id;
    // The decision is public and goes to the programme: the Secretariat, who recorded it,
    // changes it (the forum's process), not a click that silently empties a slot.
    if (decision_recorded(ex, id))
        throw http::conflict(say("proposals.withdrawn.decided_title"),
                             {{"confirm", say("proposals.withdrawn.decided")}});
    if (!store::withdraw_proposal(ex.db(), id, ex.require_sign_in().id, ex.now()))
        throw http::Error(409, say("proposals.withdrawn.title"),
                          say("proposals.withdrawn.already"));
    ex.audit("proposal.withdraw", "proposal " + to_string(id),
             {{"number", target.record.number}, {"was", target.record.status}});
}

int invite_speakers(Exchange& ex, ProposalId proposal, const Proposal& p,
                    const store::Edition& edition) {
    auto people = store::uninvited_people(ex.db(), proposal);
    if (people.empty()) return 0;
    std::string organisers;
    for (const auto& o : p.organisers)
        organisers += (organisers.empty() ? "" : ", ") + o.name +
                      (o.organisation.empty() ? "" : " (" + o.organisation + ")");
    auto expires =
        format_utc(ex.clock() + std::chrono::hours(24 * ex.app.config().speaker_link_days));
    // One statement for the links and one for their mails, however many.
    std::vector<store::NewSpeakerLink> links;
    std::map<std::int64_t, std::string> tokens;
    for (const auto& person : people) {
        auto token = random_token();
        tokens[person.person] = token;
        links.push_back({person.person, person.email, token_hash(token)});
    }
    auto invitation_of = store::add_speaker_links(ex.db(), proposal, links, ex.now(), expires);
    std::vector<store::Mail> mails;
    for (const auto& person : people) {
        auto mail = mail_from_template(
            "speaker_invitation",
            {{"name", person.name},
             {"organisers", organisers},
             {"title", p.title},
             {"edition", edition.name},
             {"link", ex.app.config().base_url + "/confirm/" + tokens.at(person.person)},
             {"expires_at", stored_time(expires, edition.time_zone).text}});
        mail.dedupe_key = "speaker_invitation:" + to_string(invitation_of.at(person.person));
        mail.recipient = person.email;
        mails.push_back(std::move(mail));
    }
    store::enqueue_mails(ex.db(), mails, ex.now());
    int sent = static_cast<int>(mails.size());
    return sent;
}

}  // namespace convene::web
