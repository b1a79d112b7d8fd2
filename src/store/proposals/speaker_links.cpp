#include "store/proposals/speaker_links.hpp"

namespace convene::store {

std::optional<SpeakerLink> find_speaker_link(db::Connection& c, const std::string& token_hash) {
    auto r = c.run(R"sql(
        SELECT si.id, si.proposal_id, si.person_id, pe.name, si.email, si.expires_at,
               COALESCE(si.response, '') AS response
        FROM speaker_invitations si
        JOIN people pe ON pe.id = si.person_id
        WHERE si.token_hash = ?
    )sql",
                   {token_hash});
    if (r.empty()) return std::nullopt;
    const auto& row = r.rows[0];
    return SpeakerLink{row.id<SpeakerInvitationId>("id"),
                       row.id<ProposalId>("proposal_id"),
                       row.integer("person_id"),
                       row.text("name"),
                       row.text("email"),
                       row.text("expires_at"),
                       row.text("response")};
}

std::vector<std::string> roles_on_proposal(db::Connection& c, ProposalId proposal,
                                           std::int64_t person) {
    std::vector<std::string> out;
    auto r = c.run(R"sql(
        SELECT role
        FROM proposal_people
        WHERE proposal_id = ? AND person_id = ?
        ORDER BY position
    )sql",
                   {proposal, person});
    for (const auto& row : r.rows) out.push_back(row.text("role"));
    return out;
}

void answer_speaker_link(db::Connection& c, SpeakerInvitationId invitation,
                         const std::string& response, const std::string& now) {
    c.run(R"sql(
        UPDATE speaker_invitations SET response = ?, responded_at = ? WHERE id = ?
    )sql",
          {response, now, invitation.value()});
}

std::vector<Uninvited> uninvited_people(db::Connection& c, ProposalId proposal) {
    std::vector<Uninvited> out;
    auto r = c.run(R"sql(
        SELECT DISTINCT pe.id, pe.name, pe.email
        FROM proposal_people pp
        JOIN people pe ON pe.id = pp.person_id
        WHERE pp.proposal_id = ? AND pp.role <> 'organiser'
          AND pe.email IS NOT NULL AND pe.email <> ''
          AND NOT EXISTS (SELECT 1 FROM speaker_invitations si
                          WHERE si.proposal_id = pp.proposal_id
                            AND si.person_id = pe.id)
    )sql",
                   {proposal});
    for (const auto& row : r.rows)
        out.push_back({row.integer("id"), row.text("name"), row.text("email")});
    return out;
}

std::map<std::int64_t, SpeakerInvitationId> add_speaker_links(
    db::Connection& c, ProposalId proposal, const std::vector<NewSpeakerLink>& links,
    const std::string& now, const std::string& expires_at) {
    std::vector<db::Value> values;
    for (const auto& l : links)
        for (db::Value v : {db::Value{proposal}, db::Value{l.person}, db::Value{l.email},
                            db::Value{l.token_hash}, db::Value{now}, db::Value{expires_at}})
            values.push_back(std::move(v));
    std::map<std::int64_t, SpeakerInvitationId> invitation_of;
    if (links.empty()) return invitation_of;
    auto r = db::insert_rows(c, R"sql(
        INSERT INTO speaker_invitations
            (proposal_id, person_id, email, token_hash, sent_at, expires_at)
    )sql",
                             6, values, R"sql( RETURNING id, person_id)sql");
    for (const auto& row : r.rows)
        invitation_of[row.integer("person_id")] = row.id<SpeakerInvitationId>("id");
    return invitation_of;
}

}  // namespace convene::store
