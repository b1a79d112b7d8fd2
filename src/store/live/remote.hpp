#pragma once
// Remote participation in the database: the online link and online moderator of each
// session of the programme and each meeting (live room), the edition's date from which
// links are published, and the remote hubs with the sessions each follows.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/live/remote.hpp"
#include "database/database.hpp"

namespace convene::store {

struct OnlineLink {
    std::string url;
    std::optional<AccountId> moderator;  // an account, or only a name
    std::string moderator_name;          // the account's name when there is one
    std::string moderator_email;         // the account's address ("" for a name)
};

std::optional<OnlineLink> session_online_link(db::Connection& c, SessionId session);
std::optional<OnlineLink> room_online_link(db::Connection& c, LiveRoomId room);
// Every session's link in the edition (for the agenda and the calendar).
std::map<SessionId, OnlineLink> session_online_links(db::Connection& c, EditionId edition);
void save_session_online_link(db::Connection& c, EditionId edition, SessionId session,
                              const OnlineLink& link);
void save_room_online_link(db::Connection& c, EditionId edition, LiveRoomId room,
                           const OnlineLink& link);

// UTC "YYYY-MM-DDTHH:MM:SSZ", "" while the Secretariat has not set it.
std::string online_links_from(db::Connection& c, EditionId edition);
void set_online_links_from(db::Connection& c, EditionId edition, const std::string& from);

struct HubRow {
    HubId id;
    EditionId edition;
    AccountId organiser;
    std::string organiser_name;
    live::Hub hub;
    std::string created_at;
    std::vector<SessionId> sessions;  // the sessions it follows
};

HubId add_hub(db::Connection& c, EditionId edition, AccountId organiser, const live::Hub& hub,
              const std::string& now);
void save_hub(db::Connection& c, HubId id, const live::Hub& hub);
std::optional<HubRow> hub(db::Connection& c, EditionId edition, HubId id);
// The edition's hubs (only `organiser`'s when given), by city.
std::vector<HubRow> hubs(db::Connection& c, EditionId edition,
                         std::optional<AccountId> organiser = std::nullopt);
void set_hub_sessions(db::Connection& c, HubId id, const std::vector<SessionId>& sessions);

}  // namespace convene::store
