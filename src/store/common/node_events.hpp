#pragma once
// Live events kept for the other nodes sharing the database, when one is too large for a
// PostgreSQL notice (migrations/026_node_events.sql).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "database/database.hpp"

namespace convene::store {

// Keeps the event and forgets those kept before `forget_before`; returns its id.
std::int64_t keep_node_event(db::Connection& c, const std::string& topic,
                             const std::string& message, const std::string& now,
                             const std::string& forget_before);
// The event's topic and message; none when it was forgotten.
std::optional<std::pair<std::string, std::string>> node_event(db::Connection& c, std::int64_t id);

}  // namespace convene::store
