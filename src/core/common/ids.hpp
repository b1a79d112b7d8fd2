#pragma once
// One id type per entity, so a proposal id cannot be passed where an account id is
// expected. Each wraps the database id; in JSON it is the plain number.
#include <compare>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

namespace convene {

template <class Tag>
class Id {
  public:
    Id() = default;
    explicit Id(std::int64_t value) : value_(value) {}
    std::int64_t value() const { return value_; }
    auto operator<=>(const Id&) const = default;
    friend void to_json(nlohmann::json& j, const Id& id) { j = id.value_; }
    friend void from_json(const nlohmann::json& j, Id& id) { id.value_ = j.get<std::int64_t>(); }
    friend std::string to_string(const Id& id) { return std::to_string(id.value_); }
    friend std::ostream& operator<<(std::ostream& out, const Id& id) { return out << id.value_; }

  private:
    std::int64_t value_ = 0;
};

// One alias per table with its own id (migrations/). Evaluations, assignments, conflicts,
// selections and decisions have none: they are keyed by proposal, account or edition.
using AccountId = Id<struct AccountTag>;
using EditionId = Id<struct EditionTag>;
using ThemeId = Id<struct ThemeTag>;
using RoomId = Id<struct RoomTag>;
using SessionTypeId = Id<struct SessionTypeTag>;
using OrganisationId = Id<struct OrganisationTag>;
using PersonId = Id<struct PersonTag>;
using ProposalId = Id<struct ProposalTag>;
using CoOrganiserInvitationId = Id<struct CoOrganiserInvitationTag>;
using SpeakerInvitationId = Id<struct SpeakerInvitationTag>;
using EnrolmentId = Id<struct EnrolmentTag>;
using EmailVerificationId = Id<struct EmailVerificationTag>;
using MessageId = Id<struct MessageTag>;  // a mail in the outbox
using AuditEntryId = Id<struct AuditEntryTag>;
using SessionId = Id<struct SessionTag>;  // a session of the programme (not a sign-in)
using PlacementChangeId = Id<struct PlacementChangeTag>;
using TimetableVersionId = Id<struct TimetableVersionTag>;
using LiveRoomId = Id<struct LiveRoomTag>;  // a live room: a session or a meeting running
using CaptionerTokenId = Id<struct CaptionerTokenTag>;  // a CART program's token for one room
using HubId = Id<struct HubTag>;  // a remote hub following sessions of an edition

}  // namespace convene

template <class Tag>
struct std::hash<convene::Id<Tag>> {
    std::size_t operator()(const convene::Id<Tag>& id) const noexcept {
        return std::hash<std::int64_t>{}(id.value());
    }
};
