// Links sent by e-mail: co-organisers join a proposal (with an account), speakers
// confirm or decline (no account). Links carry a random token; only its hash is stored.
#include "core/clock.hpp"
#include "core/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/outbox.hpp"
#include "store/proposals.hpp"
#include "store/speaker_links.hpp"
#include "store/submissions.hpp"
#include "web/evaluation.hpp"
#include "web/exchange.hpp"
#include "web/handlers.hpp"
#include "web/links.hpp"
#include "web/mail.hpp"
#include "web/sessions.hpp"
#include "web/submissions.hpp"

namespace convene::web {

namespace {

std::int64_t invite(Exchange& ex, std::int64_t proposal_id, const std::string& email) {
    auto target = proposal_for(ex, proposal_id);
    if (!target.editor)
        throw http::forbidden("Only the organisers of this proposal can invite co-organisers.");
    const auto& who = ex.require_sign_in();
    if (!who.email_verified)
        throw http::forbidden(
            "Confirm your e-mail address before inviting co-organisers: follow "
            "the link we sent to " +
            who.email + ".");
    auto address = normal_email(email);
    if (!looks_like_email(address))
        throw http::unprocessable(
            {{"email", "Type the co-organiser's e-mail address, like name@example.org."}});
    for (const auto& editor : store::list_editors(ex.db(), proposal_id))
        if (normal_email(editor.email) == address)
            throw http::conflict(address + " already edits this proposal.",
                                 {{"email", address + " already edits this proposal."}});
    if (auto until =
            store::pending_co_organiser_invitation(ex.db(), proposal_id, address, ex.now()))
        throw http::conflict(
            "An invitation to " + address + " is waiting; its link works until " + *until +
                " (UTC).",
            {{"email", "An invitation to " + address + " is waiting; its link works until " +
                           *until + " (UTC)."}});
    throttle(ex, "invite:" + std::to_string(who.id), ex.app.config().invitations_per_hour,
             std::chrono::hours(1), "invitations from your account");
    auto token = random_token();
    auto expires = format_utc(ex.clock() + std::chrono::hours(24 * 14));
    store::invite_co_organiser(ex.db(), proposal_id, address, token_hash(token), who.id, ex.now(),
                               expires);
    auto p = *store::load_proposal(ex.db(), proposal_id);
    // The subject starts with our words: a sender's name or title never leads it.
    auto mail = mail_from_template("co_organiser_invitation",
                                   {{"inviter", who.name},
                                    {"title", p.title},
                                    {"edition", target.edition.name},
                                    {"link", ex.app.config().base_url + "/co-organise/" + token},
                                    {"expires_at", expires}});
    mail.dedupe_key = "co_organiser:" + token_hash(token);
    mail.recipient = address;
    store::enqueue_mail(ex.db(), mail, ex.now());
    ex.audit("proposal.invite_co_organiser", "proposal " + std::to_string(proposal_id),
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
        {"This invitation link is not valid. Ask the organiser to send a new one.",
         "This invitation was used on {at} (UTC); each link works once. Ask the organiser to "
         "send a new one.",
         "This invitation expired on {at} (UTC). Ask the organiser to send a new one."});
    return *found;
}

using store::SpeakerLink;

SpeakerLink valid_speaker_link(Exchange& ex) {
    auto found = store::find_speaker_link(ex.db(), token_hash(ex.params.text("token")));
    if (!found)
        throw http::not_found(
            "This confirmation link is not valid. Please use the link in your e-mail, or ask the "
            "organisers to send a new one.");
    auto link = *found;
    if (ex.now() >= link.expires_at)
        throw http::Error(410, "Link expired",
                          "This confirmation link expired on " + link.expires_at +
                              " (UTC). Please ask the organisers to send a new one.");
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
            {"expires_at", link.expires_at}};
}

void answer(Exchange& ex, const SpeakerLink& link, const std::string& response) {
    if (response != "confirmed" && response != "declined")
        throw http::unprocessable({{"response", "Choose confirm or decline."}});
    store::answer_speaker_link(ex.db(), link.invitation, response, ex.now());
    ex.audit("speaker.answer", "proposal " + std::to_string(link.proposal),
             {{"person", link.person}, {"response", response}});
    ex.publish("proposal-" + std::to_string(link.proposal),
               {{"event", "speaker.answered"},
                {"person", link.person},
                {"response", response},
                {"text", link.name + (response == "confirmed" ? " confirmed." : " declined.")}});
}

}  // namespace

http::Response co_organiser_invite(Exchange& ex) {
    auto id = ex.params.integer("proposal");
    try {
        invite(ex, id, ex.form().get("email"));
        return http::Response::redirect("/proposals/" + std::to_string(id) + "?invited=1");
    } catch (const http::Error& e) {
        if (e.status() != 422) throw;
        throw http::Error(422, "Invitation not sent", e.fields().front().message, e.fields());
    }
}

http::Response api_co_organiser_invite(Exchange& ex) {
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object() || !body.contains("email") || !body["email"].is_string())
        throw http::unprocessable({{"email", "Give the co-organiser's e-mail address."}});
    invite(ex, ex.params.integer("proposal"), body["email"].get<std::string>());
    return http::Response::json({{"invited", body["email"]}}, 201);
}

http::Response co_organise_form(Exchange& ex) {
    auto invitation = valid_co_organiser_link(ex);
    auto p = *store::load_proposal(ex.db(), invitation.proposal_id);
    nlohmann::json view = {{"title", "Co-organise a proposal - Convene"},
                           {"proposal_title", p.title},
                           {"email", invitation.email},
                           {"token", ex.params.text("token")},
                           {"signed_in", ex.account().has_value()},
                           {"next", ex.request.path}};
    return ex.page("co_organise", view);
}

http::Response co_organise_accept(Exchange& ex) {
    auto invitation = valid_co_organiser_link(ex);
    const auto& account = ex.require_sign_in();
    // Bound to its addressee: only the account of the invited, verified address.
    if (normal_email(account.email) != normal_email(invitation.email) || !account.email_verified)
        throw http::forbidden("This invitation was sent to " + invitation.email +
                              ". Sign in with the account of that address (confirmed by the link "
                              "we sent to it) to accept.");
    if (!store::accept_co_organiser_invitation(ex.db(), invitation, account.id, ex.now()))
        throw http::Error(410, "Link already used",
                          "This invitation was used already; each link works once.");
    ex.audit("proposal.join", "proposal " + std::to_string(invitation.proposal_id),
             {{"email", invitation.email}});
    auto record = store::find_proposal_record(ex.db(), invitation.proposal_id);
    if (record) conflict_on_joining(ex, record->edition_id, invitation.proposal_id, account.id);
    return http::Response::redirect("/proposals/" + std::to_string(invitation.proposal_id));
}

http::Response speaker_link_form(Exchange& ex) {
    auto link = valid_speaker_link(ex);
    auto view = speaker_link_view(ex, link);
    view["title"] = "Confirm your part - Convene";
    view["token"] = ex.params.text("token");
    view["confirmed"] = link.response == "confirmed";
    view["declined"] = link.response == "declined";
    return ex.page("confirm", view);
}

http::Response speaker_link_answer(Exchange& ex) {
    auto link = valid_speaker_link(ex);
    answer(ex, link, ex.form().get("response"));
    return http::Response::redirect(ex.request.path + "?answered=1");
}

http::Response api_speaker_link_show(Exchange& ex) {
    return http::Response::json(speaker_link_view(ex, valid_speaker_link(ex)));
}

http::Response api_speaker_link_answer(Exchange& ex) {
    auto link = valid_speaker_link(ex);
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object() || !body.contains("response") || !body["response"].is_string())
        throw http::unprocessable(
            {{"response", "response must be \"confirmed\" or \"declined\"."}});
    auto response = body["response"].get<std::string>();
    answer(ex, link, response);
    link.response = response;
    return http::Response::json(speaker_link_view(ex, link));
}

}  // namespace convene::web
