#pragma once
// The demo's meeting in progress: a live room in the main demo edition ("MAG open
// consultation") with its agenda, chaired by the demo Secretariat, a MAG member as online
// moderator, someone speaking, a few people waiting onsite and online, and earlier turns
// for the room's figures, so a new user sees a live queue at once.
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/demo/demo_forum.hpp"
#include "database/database.hpp"

namespace convene::store {

// Returns the room (none when the forum is too small for one).
std::optional<LiveRoomId> load_demo_meeting(db::Connection& c, EditionId edition,
                                            const DemoForum& forum, AccountId chair,
                                            const std::vector<AccountId>& members);

}  // namespace convene::store
