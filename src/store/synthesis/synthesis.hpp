#pragma once
// The synthesis and selection in the database: the Secretariat's settings (slot plan,
// ranking, selection rules, speaker rule, message texts), the edition's proposals with
// the people the diversity figures count, their texts for merger candidates, and the
// last selection made.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/synthesis/synthesis.hpp"
#include "database/database.hpp"

namespace convene::store {

struct SynthesisSettings {
    SlotPlan plan;
    std::string rank_by = "mean";  // mean, median, normalised
    // The selection's rules in the shape of `convene select`, proposals named by number:
    // max_per_organisation, constraints, forced_in, forced_out, merged.
    nlohmann::json rules = nlohmann::json::object();
    int max_sessions_per_person = 3;
    std::map<std::string, std::string> texts;  // decision kind -> message text
};
// The stored settings over defaults drawn from the edition (streams: its rooms without
// interpretation; days: its programme days; four slots a day).
SynthesisSettings synthesis_settings(db::Connection& c, std::int64_t edition);
void set_synthesis_settings(db::Connection& c, std::int64_t edition, const SynthesisSettings& s);
nlohmann::json to_json(const SynthesisSettings& s);

// Every submitted proposal of the edition (that passed screening, when it ran), with
// the people named on it, by number. Ids are the proposals' database ids.
std::vector<ProgrammeProposal> programme_proposals(db::Connection& c, std::int64_t edition);

// Changes whenever a proposal of the edition is added, edited or withdrawn, an
// evaluation is saved, the round's settings change or screening is run or overridden.
std::string edition_fingerprint(db::Connection& c, std::int64_t edition);
// Title, description and policy questions of each submitted proposal, by id.
std::vector<std::pair<std::int64_t, std::string>> proposal_texts(db::Connection& c,
                                                                 std::int64_t edition);

struct StoredSelection {
    nlohmann::json content;  // {"rules", "slots", "scores_by", "result"}
    std::string made_at;
};
std::optional<StoredSelection> load_selection(db::Connection& c, std::int64_t edition);
void save_selection(db::Connection& c, std::int64_t edition, const nlohmann::json& content,
                    std::optional<std::int64_t> account, const std::string& now);

}  // namespace convene::store
