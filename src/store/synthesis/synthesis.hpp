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

#include "core/common/ids.hpp"
#include "core/selection/selection.hpp"
#include "core/synthesis/synthesis.hpp"
#include "database/database.hpp"

namespace convene::store {

struct SynthesisSettings {
    SlotPlan plan;
    std::string rank_by = "mean";  // mean, median, normalised
    SelectionRules rules;          // proposals named by number
    int max_sessions_per_person = 3;
    std::map<std::string, std::string> texts;  // decision kind -> message text
};
// The stored settings over defaults drawn from the edition (streams: its rooms without
// interpretation; days: its programme days; four slots a day).
SynthesisSettings synthesis_settings(db::Connection& c, EditionId edition);
void set_synthesis_settings(db::Connection& c, EditionId edition, const SynthesisSettings& s);
nlohmann::json to_json(const SynthesisSettings& s);

// Every submitted proposal of the edition (that passed screening, when it ran), with
// the people named on it, by number. Ids are the proposals' database ids.
std::vector<ProgrammeProposal> programme_proposals(db::Connection& c, EditionId edition);

// Changes whenever a proposal of the edition is added, edited or withdrawn, an
// evaluation is saved, the round's settings change or screening is run or overridden.
std::string edition_fingerprint(db::Connection& c, EditionId edition);
// Title, description and policy questions of each submitted proposal, by id.
std::vector<std::pair<ProposalId, std::string>> proposal_texts(db::Connection& c,
                                                               EditionId edition);

// The last selection made: the rules it ran under and what it chose, proposals named
// by number (the selection's own ids) except `selected_proposals`.
struct StoredSelection {
    SelectionRules rules;  // the settings' rules as run
    int slots = 0;
    std::string rank_by;
    std::vector<long long> selected;
    double total_score = 0;
    std::vector<BindingRule> binding;
    std::vector<long long> entered, left;                     // versus the plain cut-off
    std::map<long long, std::vector<SelectionCause>> causes;  // number -> why it entered or left
    std::vector<ProposalId> selected_proposals;
    std::string made_at;
};
// Nullopt when none was made (or the stored one cannot be read).
std::optional<StoredSelection> load_selection(db::Connection& c, EditionId edition);
void save_selection(db::Connection& c, EditionId edition, const StoredSelection& selection,
                    std::optional<AccountId> account, const std::string& now);

}  // namespace convene::store
