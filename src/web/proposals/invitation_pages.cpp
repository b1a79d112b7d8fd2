// Links sent by e-mail: co-organisers join a proposal (with an account), speakers
// confirm or decline (no account). Links carry a random token; only its hash is stored.
#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/common/outbox.hpp"
#include "store/proposals/proposals.hpp"
#include "store/proposals/speaker_links.hpp"
#include "store/proposals/submissions.hpp"
#include "web/accounts/session_actions.hpp"
#include "web/evaluation/actions.hpp"
#include "web/proposals/actions.hpp"
#include "web/proposals/handlers.hpp"
#include "web/proposals/invitation_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/links.hpp"
#include "web/site/mail.hpp"

namespace convene::web {

http::Response co_organiser_invite(Exchange& ex) {
    auto id = ex.params.id<ProposalId>("proposal");
    try {
        invite(ex, id, ex.form().get("email"));
        return http::Response::redirect("/proposals/" + to_string(id) + "?invited=1");
    } catch (const http::Error& e) {
        if (e.status() != 422 && e.status() != 409) throw;
        // Never a dead end: the proposal's page again, the address as typed.
        auto fields = e.fields().empty() ? FieldErrors{{"email", e.detail()}} : e.fields();
        return proposal_page(ex, ex.form().get("email"), fields, e.status());
    }
}

http::Response co_organise_form(Exchange& ex) {
    auto invitation = valid_co_organiser_link(ex);
    auto p = *store::load_proposal(ex.db(), invitation.proposal_id);
    nlohmann::json view = {{"title", say("page.proposals.co_organise_a_proposal.title")},
                           {"proposal_title", p.title},
                           {"email", invitation.email},
                           {"token", ex.params.text("token")},
                           {"signed_in", ex.account().has_value()},
                           {"next", ex.request.path}};
    return ex.page("proposals/co_organise", view);
}

http::Response co_organise_accept(Exchange& ex) {
    auto invitation = valid_co_organiser_link(ex);
    const auto& account = ex.require_sign_in();
    // Bound to its addressee: only the account of the invited, verified address.
    if (normal_email(account.email) != normal_email(invitation.email) || !account.email_verified)
        throw http::forbidden(
            say("proposals.invitation.other_account", {{"email", invitation.email}}));
    if (!store::accept_co_organiser_invitation(ex.db(), invitation, account.id, ex.now()))
        throw http::Error(410, say("proposals.link_already_used"),
                          say("proposals.this_invitation_was_used_already_each"));
    ex.audit("proposal.join", "proposal " + to_string(invitation.proposal_id),
             {{"email", invitation.email}});
    auto record = store::find_proposal_record(ex.db(), invitation.proposal_id);
    if (record) conflict_on_joining(ex, record->edition_id, invitation.proposal_id, account.id);
    return http::Response::redirect("/proposals/" + to_string(invitation.proposal_id));
}

http::Response speaker_link_form(Exchange& ex) {
    auto link = valid_speaker_link(ex);
    auto view = speaker_link_view(ex, link);
    view["title"] = say("page.proposals.confirm_your_part.title");
    view["token"] = ex.params.text("token");
    view["confirmed"] = link.response == "confirmed";
    view["declined"] = link.response == "declined";
    return ex.page("proposals/confirm", view);
}

http::Response speaker_link_answer(Exchange& ex) {
    auto link = valid_speaker_link(ex);
    answer(ex, link, ex.form().get("response"));
    return http::Response::redirect(ex.request.path + "?answered=1");
}

}  // namespace convene::web
