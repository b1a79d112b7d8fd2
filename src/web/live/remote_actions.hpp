#pragma once
// Remote participation's actions, shared by the pages and the API: the Secretariat sets
// each session's and meeting's online link and online moderator and the date links are
// published from; a signed-in person registers a remote hub, edits it and chooses the
// published sessions it follows; the hub's organiser adds requests for people at the hub
// in those sessions' live rooms (policy::may_relay_for_hub).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/live/queue.hpp"
#include "core/live/remote.hpp"
#include "http/form.hpp"
#include "store/editions/editions.hpp"
#include "store/live/remote.hpp"
#include "store/live/rooms.hpp"

namespace convene::web {

class Exchange;

// What the Secretariat types: the meeting tool's address ("" for none) and the online
// moderator (an account's e-mail address, or a name).
struct OnlineLinkInput {
    std::string online_link, moderator;
};
OnlineLinkInput online_link_in_form(const http::Form& form);
OnlineLinkInput online_link_in_body(const nlohmann::json& body);
// 422 naming online_link (not http or https) or moderator (an address with no account).
void save_session_link(Exchange& ex, const store::Edition& e, SessionId session,
                       const OnlineLinkInput& input);
void save_room_link(Exchange& ex, const store::Edition& e, LiveRoomId room,
                    const OnlineLinkInput& input);
// The Secretariat's view of a link (the form's values).
nlohmann::json online_link_json(const std::optional<store::OnlineLink>& link);
// What readers see: the link from the publication date on, before it when it will appear,
// the online moderator named; null when there is nothing to say.
nlohmann::json public_online_view(Exchange& ex, const store::Edition& e,
                                  const std::optional<store::OnlineLink>& link);
// 422 naming online_links_from unless a UTC time or "" (unset).
void save_links_from(Exchange& ex, const store::Edition& e, const std::string& typed);

// Hubs. `expected` is what was typed, checked with the rest.
live::Hub hub_in_form(const http::Form& form, FieldErrors& errors);
live::Hub hub_in_body(const nlohmann::json& body, FieldErrors& errors);
HubId register_hub(Exchange& ex, const store::Edition& e, const live::Hub& hub,
                   const FieldErrors& typing);
void edit_hub(Exchange& ex, const store::HubRow& row, const live::Hub& hub,
              const FieldErrors& typing);
// The hub of {hub} for its organiser or the Secretariat: 404 / 403.
store::HubRow hub_in_path(Exchange& ex, const store::Edition& e);
// Sessions by code, from the published programme; 422 naming sessions for another code.
void follow_sessions(Exchange& ex, const store::Edition& e, const store::HubRow& row,
                     const std::vector<std::string>& codes);
nlohmann::json hub_json(const store::HubRow& row, const std::map<SessionId, std::string>& codes);
nlohmann::json hub_counts_json(const std::vector<store::HubRow>& rows);
// Code of every session of the edition, by id.
std::map<SessionId, std::string> session_codes(Exchange& ex, const store::Edition& e);

// The signed-in person's hubs that follow the room's session (they may relay there).
std::vector<store::HubRow> relaying_hubs(Exchange& ex, const store::Edition& e,
                                         const store::LiveRoom& room);
// The request a hub's organiser relays: checked against the policy (403), marked
// where=hub with the hub's name.
live::Speaker hub_speaker(Exchange& ex, const store::Edition& e, LiveRoomId room, HubId hub,
                          live::Speaker relayed);

}  // namespace convene::web
