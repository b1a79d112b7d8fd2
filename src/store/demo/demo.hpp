#pragma once
// Writes a generated demo forum into a database, in one transaction.
#include <optional>
#include <string>

#include "core/common/ids.hpp"
#include "core/demo/demo_forum.hpp"
#include "database/database.hpp"
#include "store/demo/demo_past.hpp"

namespace convene::store {

struct DemoCredentials {
    std::string admin_email, admin_password;
    std::string member_email, member_password;  // every MAG member shares the password
    EditionId edition_id;
    int programme_sessions = 0, programme_placed = 0;  // of the regional IGF's timetable
    std::optional<LiveRoomId> live_room;               // the meeting in progress
    DemoPastCount past;                                // last year's regional IGF
};

// Throws std::runtime_error when the database already holds the demo accounts.
DemoCredentials load_demo_forum(db::Database& db, const DemoForum& forum);

}  // namespace convene::store
