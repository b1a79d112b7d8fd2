#include "web/site/other_nodes.hpp"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "security/secrets.hpp"
#include "store/common/node_events.hpp"
#include "web/site/app.hpp"

namespace convene::web {

namespace {
const std::string channel = "convene_nodes";
}

OtherNodes::OtherNodes(App& app) : app_(app), node_(random_token().substr(0, 16)) {}

OtherNodes::~OtherNodes() = default;

void OtherNodes::follow(const std::string& database_url) {
    if (app_.database().engine() != db::Engine::postgresql) return;
    listener_ = db::listen_postgresql(
        database_url, channel, [this](const std::string& payload) { heard(payload); },
        [this] {
            // Whatever was written while this node did not listen: read it afresh.
            app_.invalidate_cache();
            spdlog::info("listening to the other nodes (node {})", node_);
        });
}

// Notices in the order of the events: as many events to a notice as fit, with the node's
// name; an event too large for a notice is kept in the database and its notice carries its
// id. A write without events still sends one notice: the other nodes drop their pages.
void OtherNodes::tell(db::Connection& c,
                      const std::vector<std::pair<std::string, std::string>>& events,
                      const std::string& now, const std::string& a_minute_ago) {
    if (!listener_) return;
    const std::size_t empty_bytes = 64 + node_.size();
    nlohmann::json batch = nlohmann::json::array();
    std::size_t bytes = empty_bytes;
    bool sent = false;
    auto send_batch = [&] {
        db::send_notice(c, channel, nlohmann::json{{"from", node_}, {"events", batch}}.dump());
        batch = nlohmann::json::array();
        bytes = empty_bytes;
        sent = true;
    };
    for (const auto& [topic, message] : events) {
        // Quoted once more inside the notice: every character may take two bytes.
        auto size = (topic.size() + message.size()) * 2 + 16;
        if (bytes + size > db::max_notice_bytes && !batch.empty()) send_batch();
        if (empty_bytes + size <= db::max_notice_bytes) {
            batch.push_back({topic, message});
            bytes += size;
        } else {
            auto id = store::keep_node_event(c, topic, message, now, a_minute_ago);
            db::send_notice(c, channel, nlohmann::json{{"from", node_}, {"kept", id}}.dump());
            sent = true;
        }
    }
    if (!batch.empty() || !sent) send_batch();
}

void OtherNodes::heard(const std::string& payload) {
    auto notice = nlohmann::json::parse(payload, nullptr, false);
    if (!notice.is_object() || notice.value("from", "") == node_) return;
    app_.invalidate_cache();
    if (auto it = notice.find("events"); it != notice.end() && it->is_array()) {
        for (const auto& e : *it)
            if (e.is_array() && e.size() == 2 && e[0].is_string() && e[1].is_string())
                app_.live().publish(e[0].get<std::string>(), e[1].get<std::string>());
    }
    if (auto it = notice.find("kept"); it != notice.end() && it->is_number_integer()) {
        try {
            auto lease = app_.database().acquire();
            if (auto event = store::node_event(*lease, it->get<std::int64_t>()))
                app_.live().publish(event->first, event->second);
        } catch (const std::exception& e) {
            spdlog::warn("a live event of another node could not be read: {}", e.what());
        }
    }
}

}  // namespace convene::web
