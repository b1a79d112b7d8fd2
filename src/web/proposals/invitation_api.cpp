// Co-organisers' invitations and speakers' confirmations over the API.
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

http::Response api_co_organiser_invite(Exchange& ex) {
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object() || !body.contains("email") || !body["email"].is_string())
        throw http::unprocessable({{"email", say("proposals.give_the_co_organiser_s_e")}});
    invite(ex, ex.params.id<ProposalId>("proposal"), body["email"].get<std::string>());
    return http::Response::json({{"invited", body["email"]}}, 201);
}

http::Response api_speaker_link_show(Exchange& ex) {
    return http::Response::json(speaker_link_view(ex, valid_speaker_link(ex)));
}

http::Response api_speaker_link_answer(Exchange& ex) {
    auto link = valid_speaker_link(ex);
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object() || !body.contains("response") || !body["response"].is_string())
        throw http::unprocessable(
            {{"response", say("proposals.response_must_be_confirmed_or_declined")}});
    auto response = body["response"].get<std::string>();
    answer(ex, link, response);
    link.response = response;
    return http::Response::json(speaker_link_view(ex, link));
}

}  // namespace convene::web
