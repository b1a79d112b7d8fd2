#pragma once
// A session proposal as the call for proposals collects it, and its JSON shape (the
// one GET /api/v1/proposals/{id} returns and `convene screen` reads).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace convene {

// The fields of a proposal as its JSON names them, in the form's order (revisions are
// compared over these, and each has a label "proposal_field.<name>" in the catalog).
inline constexpr std::string_view proposal_fields[] = {"session_type",
                                                       "title",
                                                       "theme",
                                                       "format",
                                                       "duration",
                                                       "description",
                                                       "policy_questions",
                                                       "tags",
                                                       "sdgs",
                                                       "agenda",
                                                       "expected_outcomes",
                                                       "online_participation",
                                                       "background_paper",
                                                       "previous_report",
                                                       "relevance",
                                                       "organisers",
                                                       "speakers",
                                                       "moderators",
                                                       "online_moderators",
                                                       "rapporteurs"};

// Someone named on a proposal: organiser, speaker, moderator, online moderator, rapporteur.
struct ProposalPerson {
    std::string name;
    std::string email;
    std::string organisation;  // institution
    std::string affiliation;   // as written ("Chair, CSTD Working Group, ...")
    std::string country;       // ISO alpha-2, may be empty
    std::string stakeholder_group;
    std::string regional_group;
    std::string gender;
    // What the proposers declared: proposed, invited, provisionally_confirmed, confirmed,
    // declined. The speaker's own answer through their link is kept apart in `answer`
    // ("", confirmed, declined); the edition's screening rule says which one counts.
    std::string confirmation = "proposed";
    std::string answer;
    std::optional<bool> onsite;  // unknown when not given
};

struct Proposal {
    std::string id;  // as given: a number in the database, any text offline
    std::string session_type = "workshop";
    std::string title, theme, format, description;
    int duration = 0;
    std::vector<std::string> policy_questions, tags, sdgs;
    std::string agenda, expected_outcomes, online_participation, background_paper, previous_report,
        relevance;
    std::string submitted_at;  // UTC; orders proposals for per-person limits
    ProposalPerson proposer;
    std::vector<ProposalPerson> organisers, speakers, moderators, online_moderators, rapporteurs;
};

// Reads the JSON shape; throws InputError naming the member at fault.
Proposal proposal_from_json(const nlohmann::json& j);
nlohmann::json to_json(const Proposal& p);
nlohmann::json to_json(const ProposalPerson& p);

// Who a person is across proposals: the e-mail when given, else the name without
// titles, case and extra spaces ("Mr. Peter  Major" and "peter major" are one person).
std::string person_key(const ProposalPerson& p);
std::string name_key(std::string_view name);  // "name:peter major"
std::string institution_key(std::string_view organisation);

}  // namespace convene
