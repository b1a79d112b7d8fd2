#include "store/common/node_events.hpp"

namespace convene::store {

std::int64_t keep_node_event(db::Connection& c, const std::string& topic,
                             const std::string& message, const std::string& now,
                             const std::string& forget_before) {
    c.run(R"sql(DELETE FROM node_events WHERE kept_at < ?)sql", {forget_before});
    return db::scalar(c.run(R"sql(
        INSERT INTO node_events (topic, message, kept_at) VALUES (?, ?, ?) RETURNING id
    )sql",
                            {topic, message, now}));
}

std::optional<std::pair<std::string, std::string>> node_event(db::Connection& c, std::int64_t id) {
    auto r = c.run(R"sql(SELECT topic, message FROM node_events WHERE id = ?)sql", {id});
    if (r.empty()) return std::nullopt;
    return std::make_pair(r.rows[0].text("topic"), r.rows[0].text("message"));
}

}  // namespace convene::store
