#pragma once
// Proposals of an edition as the domain core sees them, and the results of screening.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "core/proposal.hpp"
#include "core/screening.hpp"
#include "storage/database.hpp"

namespace convene::store {

// Every proposal of the edition with its people, in two queries whatever the count.
std::vector<Proposal> load_proposals(db::Connection& c, std::int64_t edition);
std::optional<Proposal> load_proposal(db::Connection& c, std::int64_t proposal);
// The edition a proposal belongs to.
std::optional<std::int64_t> edition_of_proposal(db::Connection& c, std::int64_t proposal);

nlohmann::json screening_rules(db::Connection& c, std::int64_t edition);
void set_screening_rules(db::Connection& c, std::int64_t edition, const nlohmann::json& rules);
// The edition's rules and MAG members, ready for screen_proposals().
ScreeningContext screening_context(db::Connection& c, std::int64_t edition);

// Replaces the edition's screening results.
void save_screening(db::Connection& c, std::int64_t edition,
                    const std::vector<ScreeningResult>& results, const std::string& now);
std::vector<nlohmann::json> load_screening(db::Connection& c, std::int64_t edition);

}  // namespace convene::store
