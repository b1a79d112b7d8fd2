#pragma once
// Co-organisers' invitations and speakers' confirmation links, shared by the pages and the API.
#include "core/common/clock.hpp"
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
#include "web/site/exchange.hpp"
#include "web/site/links.hpp"
#include "web/site/mail.hpp"

namespace convene::web {

ProposalId invite(Exchange& ex, ProposalId proposal_id, const std::string& email);

// The invitation link: unknown, used, withdrawn and expired links are refused by name.
store::CoOrganiserInvitation valid_co_organiser_link(Exchange& ex);

using store::SpeakerLink;

SpeakerLink valid_speaker_link(Exchange& ex);

nlohmann::json speaker_link_view(Exchange& ex, const SpeakerLink& link);

void answer(Exchange& ex, const SpeakerLink& link, const std::string& response);

}  // namespace convene::web
