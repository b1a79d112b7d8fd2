#pragma once
// Last year's regional IGF in the demo database: its programme published and held, each
// session's reports filed as forum.past_sessions says (on time, late, missing), the
// participants' ratings, and the messages of the year drafted, commented and published.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/demo/demo_forum.hpp"
#include "database/database.hpp"

namespace convene::store {

// Submitted proposals of the edition with their people; their ids, in order.
std::vector<std::int64_t> insert_demo_proposals(db::Connection& c, EditionId edition,
                                                const std::vector<DemoProposal>& proposals,
                                                const std::vector<ThemeId>& theme_ids,
                                                const std::vector<std::int64_t>& person_ids,
                                                const std::string& now);

struct DemoPastCount {
    std::optional<EditionId> edition;
    int sessions = 0, on_time = 0, late = 0, missing = 0;  // by the full report
    int ratings = 0, messages = 0;
};

// `drafter` (a MAG member's account) drafts the messages; `secretariat` publishes them.
DemoPastCount load_demo_past_edition(db::Connection& c, const DemoForum& forum,
                                     const std::vector<std::int64_t>& person_ids,
                                     AccountId secretariat, std::optional<AccountId> drafter,
                                     const std::string& now);

}  // namespace convene::store
