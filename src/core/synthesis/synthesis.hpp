#pragma once
// The synthesis the MAG meets on: how many workshop slots the programme has, the
// cut-off score that fills them, the draft programme's diversity compared with every
// submitted proposal (for the whole programme and per theme), the themes that lack a
// region or a stakeholder group, and the speaker rule (nobody in more than N sessions).
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/common/field_error.hpp"
#include "core/common/ids.hpp"

namespace convene {

// Parallel workshop streams x slots per day x days, minus the sessions already
// reserved (open forums, dynamic coalitions, best practice forums, NRIs, main sessions).
struct SlotPlan {
    int streams = 0, slots_per_day = 0, days = 0;
    std::map<std::string, int> reserved;  // kind -> sessions
    int total() const { return streams * slots_per_day * days; }
    int reserved_total() const;
    int workshop_slots() const;  // never below 0
};

struct ReservedKind {
    std::string code, label;
};
// open_forum, dynamic_coalition, best_practice_forum, nri, main_session.
const std::vector<ReservedKind>& reserved_session_kinds();

// Reads {"streams", "slots_per_day", "days", "reserved": {kind: n}}; errors name the
// member ("reserved.open_forum"). Missing members keep the values of `base`.
SlotPlan slot_plan_from_json(const nlohmann::json& j, SlotPlan base, FieldErrors& errors);
nlohmann::json to_json(const SlotPlan& plan);

// The score of the last proposal that fits in `slots`, from scores ranked highest
// first; nullopt when there are no scores or no slots. Every proposal at that score is
// at the cut-off (ties are broken by the lower number).
std::optional<double> cutoff_score(const std::vector<double>& ranked_scores, int slots);

// A scored proposal in the synthesis' ranking, its figures rounded as the evaluation
// sheet shows them; `score` is the figure the settings rank by.
struct RankedProposal {
    ProposalId proposal;
    int rank = 0;
    long long number = 0;
    std::string title, theme, format;
    int count = 0;  // evaluations
    double mean = 0, median = 0, standard_deviation = 0, normalised = 0;
    std::string merge_with;  // the evaluators' "should merge with" marks, in words
    double score = 0;
    bool divided = false;  // the MAG loves or hates it
};
nlohmann::json to_json(const RankedProposal& row);

// A person named on a proposal, with what the forum balances.
struct ProgrammePerson {
    std::string key;   // the same person across proposals (see person_key)
    std::string name;  // for the speaker rule's list
    std::string role;  // organiser, speaker, moderator, online_moderator, rapporteur
    std::string stakeholder_group, regional_group, gender;
    std::string organisation;
    bool developing = false, first_time = false;
};

struct ProgrammeProposal {
    ProposalId id;
    long long number = 0;
    std::string title, theme;
    std::vector<ProgrammePerson> people;
};

// People (organisers and speakers, counted once per proposal they are on) by one
// dimension's values, among all submitted proposals and in the draft programme.
struct DiversityRow {
    std::string value, label;
    int all = 0, programme = 0;
};
struct DiversityDimension {
    std::string code, label;  // "stakeholder_group", "Stakeholder group"
    std::vector<DiversityRow> rows;
};
struct DiversityTable {
    std::string theme;  // empty: the whole programme
    int all_proposals = 0, programme_proposals = 0;
    int all_people = 0, programme_people = 0;
    std::vector<DiversityDimension> dimensions;
};
// The whole programme first, then each theme in order of first appearance.
std::vector<DiversityTable> programme_diversity(const std::vector<ProgrammeProposal>& proposals,
                                                const std::set<ProposalId>& programme);

// A theme of the draft programme in which no organiser or speaker comes from a UN
// regional group, or a stakeholder group.
struct ThemeGap {
    std::string theme;
    std::vector<std::string> regions, stakeholder_groups;  // labels of what is missing
};
std::vector<ThemeGap> theme_gaps(const std::vector<ProgrammeProposal>& proposals,
                                 const std::set<ProposalId>& programme);

// Somebody named (in any role) on more sessions of the programme than allowed.
struct SpeakerOverload {
    std::string key, name;
    std::vector<long long> numbers;  // the sessions, by number
};
std::vector<SpeakerOverload> speaker_rule(const std::vector<ProgrammeProposal>& proposals,
                                          const std::set<ProposalId>& programme, int max_sessions);

}  // namespace convene
