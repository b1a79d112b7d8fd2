#pragma once
// Speakers' confirmation links: one per person named on a proposal (not organisers),
// made when the proposal is submitted; only the token's hash is stored. The speaker's
// answer is kept apart from what the proposers declared.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "database/database.hpp"

namespace convene::store {

struct SpeakerLink {
    SpeakerInvitationId invitation;
    ProposalId proposal;
    std::int64_t person = 0;
    std::string name, email, expires_at, response;  // response: "", confirmed, declined
};
std::optional<SpeakerLink> find_speaker_link(db::Connection& c, const std::string& token_hash);
// The person's roles on the proposal ("speaker", "online_moderator"), in form order.
std::vector<std::string> roles_on_proposal(db::Connection& c, ProposalId proposal,
                                           std::int64_t person);
void answer_speaker_link(db::Connection& c, SpeakerInvitationId invitation,
                         const std::string& response, const std::string& now);

struct Uninvited {
    std::int64_t person = 0;
    std::string name, email;
};
// People with an e-mail address on the proposal (not organisers) without a link yet.
std::vector<Uninvited> uninvited_people(db::Connection& c, ProposalId proposal);
struct NewSpeakerLink {
    std::int64_t person = 0;
    std::string email, token_hash;
};
// Stores the links in one statement; the invitation id of each person.
std::map<std::int64_t, SpeakerInvitationId> add_speaker_links(
    db::Connection& c, ProposalId proposal, const std::vector<NewSpeakerLink>& links,
    const std::string& now, const std::string& expires_at);

}  // namespace convene::store
