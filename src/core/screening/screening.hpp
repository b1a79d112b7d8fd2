#pragma once
// Stage 1: the Secretariat's screening of submitted proposals against the minimum
// criteria of the edition. Every rule is a setting (0, false or null turns it off);
// every failure has a stable code and a sentence for the proposer.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/proposals/proposal.hpp"

namespace convene {

struct ScreeningRules {
    int min_confirmed_speakers = 3;
    // Which confirmation counts: "declared" (confirmed or provisionally confirmed by the
    // proposers, unless the speaker declined through their link) or "own_answer" (the
    // speaker confirmed through their link).
    std::string speaker_confirmation = "declared";
    int max_proposals_per_person = 3;
    int max_proposals_per_institution = 3;
    bool mag_members_excluded = true;
    bool previous_report_required = true;
    int report_lookback_editions = 2;
    bool require_gender_diversity = false;
    int min_onsite_speakers = 0;
    bool require_onsite_moderator = false;
    bool require_online_moderator = true;
    bool check_completeness = true;
    // Required fields per session type; a type not listed uses standard_required_fields().
    std::map<std::string, std::vector<std::string>> required_fields;
};

// A session held in an earlier edition, for the report-compliance rule.
struct PastSession {
    int editions_ago = 1;  // 1: the previous edition
    std::string title;
    std::vector<ProposalPerson> organisers;  // people and their institutions
    bool report_filed = false;
};

struct ScreeningContext {
    ScreeningRules rules;
    std::vector<ProposalPerson> mag_members;
    std::vector<PastSession> past_sessions;
};

struct ScreeningFailure {
    std::string code;     // "too_few_confirmed_speakers"
    std::string message;  // "2 of the required 3 speakers have confirmed"
    std::string field;    // the proposal field at fault, when there is one
};

struct ScreeningResult {
    std::string proposal;
    bool passed = true;
    std::vector<ScreeningFailure> failures;
};

// The fields a session type must fill unless the edition says otherwise.
std::vector<std::string> standard_required_fields(const std::string& session_type);
std::string field_label(const std::string& field);

// Screens every proposal; limits per person and institution count proposals in the
// order they were submitted (then by id), so the earliest ones stand.
std::vector<ScreeningResult> screen_proposals(const std::vector<Proposal>& proposals,
                                              const ScreeningContext& context);

// Reads the rules' object; an absent rule keeps its default, 0/false/null turns one off;
// throws InputError naming an unknown or mistyped rule ("screening.min_onsite_speakers").
ScreeningRules screening_rules_from_json(const nlohmann::json& rules);
nlohmann::json to_json(const ScreeningRules& rules);  // every rule, defaults included

// Reads {"screening": {...rules}, "mag_members": [...], "past_sessions": [...]};
// throws InputError naming an unknown or mistyped setting ("screening.min_onsite_speakers").
ScreeningContext screening_context_from_json(const nlohmann::json& edition);
nlohmann::json to_json(const ScreeningResult& result);

}  // namespace convene
