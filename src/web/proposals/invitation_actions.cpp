// Co-organisers' invitations and speakers' confirmation links, shared by the pages and the API.
#include "web/proposals/invitation_actions.hpp"

#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/common/times.hpp"
#include "core/policy/policy.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/common/outbox.hpp"
#include "store/proposals/proposals.hpp"
#include "store/proposals/speaker_links.hpp"
#include "store/proposals/submissions.hpp"
#include "web/accounts/session_actions.hpp"
#include "web/evaluation/actions.hpp"
#include "web/proposals/actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/links.hpp"
#include "web/site/mail.hpp"
#include "web/site/views.hpp"

namespace convene::web {

ProposalId invite(Exchange& ex, ProposalId proposal_id, const std::string& email) {
    auto target = proposal_for(ex, proposal_id);
    if (!policy::may_invite_co_organiser(ex.actor(), {target.record.edition_id, target.editor}))
        throw http::forbidden(say("proposals.only_the_organisers_of_this_proposal_3"));
    const auto& who = ex.require_sign_in();
    if (!who.email_verified)
        throw http::forbidden(say("proposals.invite.not_confirmed", {{"email", who.email}}));
    auto address = normal_email(email);
    if (!looks_like_email(address))
        throw http::unprocessable({{"email", say("proposals.type_the_co_organiser_s_e")}});
    for (const auto& editor : store::list_editors(ex.db(), proposal_id))
        if (normal_email(editor.email) == address)
            throw http::conflict(
                say("proposals.invite.already_edits", {{"email", address}}),
                {{"email", say("proposals.invite.already_edits", {{"email", address}})}});
    if (auto until =
            store::pending_co_organiser_invitation(ex.db(), proposal_id, address, ex.now()))
        throw http::conflict(
            say("proposals.invite.waiting",
                {{"email", address},
                 {"until", stored_time(*until, target.edition.time_zone).text}}),
            {{"email", say("proposals.invite.waiting",
                           {{"email", address},
                            {"until", stored_time(*until, target.edition.time_zone).text}})}});
    throttle(ex, "invite:" + to_string(who.id), ex.app.config().invitations_per_hour,
             std::chrono::hours(1), "throttle.invitations");
    auto token = random_token();
    auto expires = format_utc(ex.clock() + std::chrono::hours(24 * 14));
    store::invite_co_organiser(ex.db(), proposal_id, address, token_hash(token), who.id, ex.now(),
                               expires);
    auto p = *store::load_proposal(ex.db(), proposal_id);
    // The subject starts with our words: a sender's name or title never leads it.
    auto mail =
        mail_from_template("co_organiser_invitation",
                           {{"inviter", who.name},
                            {"title", p.title},
                            {"edition", target.edition.name},
                            {"link", ex.app.config().base_url + "/co-organise/" + token},
                            {"expires_at", stored_time(expires, target.edition.time_zone).text}});
    mail.dedupe_key = "co_organiser:" + token_hash(token);
    mail.recipient = address;
    store::enqueue_mail(ex.db(), mail, ex.now());
    ex.audit("proposal.invite_co_organiser", "proposal " + to_string(proposal_id),
             {{"email", address}});
    return proposal_id;
}

// The invitation link: unknown, used, withdrawn and expired links are refused by name.
store::CoOrganiserInvitation valid_co_organiser_link(Exchange& ex) {
    auto found = store::find_co_organiser_invitation(ex.db(), token_hash(ex.params.text("token")));
    auto used = !found                        ? ""
                : !found->accepted_at.empty() ? found->accepted_at
                                              : found->withdrawn_at;
    require_usable_link(
        ex, found.has_value(), used, found ? found->expires_at : "",
        {"proposals.link.unknown", "proposals.link.used", "proposals.link.expired"});
    return *found;
}

SpeakerLink valid_speaker_link(Exchange& ex) {
    auto found = store::find_speaker_link(ex.db(), token_hash(ex.params.text("token")));
    if (!found) throw http::not_found(say("proposals.this_confirmation_link_is_not_valid"));
    auto link = *found;
    if (ex.now() >= link.expires_at)
        throw http::Error(410, say("proposals.link_expired"),
                          say("proposals.confirm_link.expired",
                              {{"at", stored_time(link.expires_at, "UTC").text}}));
    return link;
}

nlohmann::json speaker_link_view(Exchange& ex, const SpeakerLink& link) {
    auto p = *store::load_proposal(ex.db(), link.proposal);
    auto record = *store::find_proposal_record(ex.db(), link.proposal);
    auto edition = *store::find_edition(ex.db(), record.edition_id);
    nlohmann::json roles = nlohmann::json::array();
    for (auto role : store::roles_on_proposal(ex.db(), link.proposal, link.person)) {
        std::replace(role.begin(), role.end(), '_', ' ');
        roles.push_back(role);
    }
    nlohmann::json organisers = nlohmann::json::array();
    for (const auto& o : p.organisers) organisers.push_back(o.name);
    return {{"name", link.name},
            {"proposal_title", p.title},
            {"edition", edition.name},
            {"roles", roles},
            {"organisers", organisers},
            {"response", link.response.empty() ? nlohmann::json() : nlohmann::json(link.response)},
            {"expires_at", link.expires_at},
            {"expires", time_view(link.expires_at, edition.time_zone)}};
}

void answer(Exchange& ex, const SpeakerLink& link, const std::string& response) {
    if (response != "confirmed" && response != "declined")
        throw http::unprocessable({{"response", say("proposals.choose_confirm_or_decline")}});
    store::answer_speaker_link(ex.db(), link.invitation, response, ex.now());
    ex.audit("speaker.answer", "proposal " + to_string(link.proposal),
             {{"person", link.person}, {"response", response}});
    ex.publish("proposal-" + to_string(link.proposal),
               {{"event", "speaker.answered"},
                {"person", link.person},
                {"response", response},
                {"text", say(response == "confirmed" ? "proposals.speaker.confirmed"
                                                     : "proposals.speaker.declined",
                             {{"name", link.name}})}});
}

}  // namespace convene::web
