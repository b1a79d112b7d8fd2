#pragma once
// Several Convene nodes on one PostgreSQL behave as one server. Each write that commits
// tells the other nodes, inside its own transaction (database/notices.hpp): they drop
// their cached pages and pass the write's live events (queue changes, captions, edition
// events) to their own followers. A node that lost the database for a while drops its
// cache when it listens again. Sign-in sessions and memoised results need nothing: they
// are read from the database (memo.hpp keys them by a fingerprint read there).
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "database/notices.hpp"

namespace convene::web {

class App;

class OtherNodes {
  public:
    explicit OtherNodes(App& app);
    ~OtherNodes();
    // Starts following the other nodes' notices (PostgreSQL only; a no-op for SQLite).
    void follow(const std::string& database_url);
    bool following() const { return listener_ != nullptr; }
    bool listening() const { return listener_ && listener_->listening(); }
    // In the write's transaction, before it commits: what the other nodes must know.
    void tell(db::Connection& c, const std::vector<std::pair<std::string, std::string>>& events,
              const std::string& now, const std::string& a_minute_ago);

  private:
    void heard(const std::string& payload);

    App& app_;
    std::string node_;  // this process, so it skips its own notices
    std::unique_ptr<db::NoticeListener> listener_;
};

}  // namespace convene::web
