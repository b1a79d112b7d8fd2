#pragma once
// Proposals of an edition as the domain core sees them, and the results of screening.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "core/common/ids.hpp"
#include "core/proposals/proposal.hpp"
#include "core/screening/screening.hpp"
#include "database/database.hpp"

namespace convene::store {

// The FROM and WHERE (edition id as its one parameter) of the proposals that go on to
// the MAG and the programme: submitted, and passed screening (the Secretariat's verdict
// first) or not screened.
inline constexpr std::string_view submitted_proposals = R"sql(
        FROM proposals p
        LEFT JOIN themes t ON t.id = p.theme_id
        LEFT JOIN screening_results s ON s.proposal_id = p.id
        LEFT JOIN screening_overrides o ON o.proposal_id = p.id
        WHERE p.edition_id = ? AND p.status = 'submitted'
          AND (s.proposal_id IS NULL OR COALESCE(o.passed, s.passed) = 1)
)sql";

// Every proposal of the edition with its people, in two queries whatever the count.
// Drafts and withdrawn proposals are left out unless asked for: screening sees what
// proposers submitted and still stand by.
std::vector<Proposal> load_proposals(db::Connection& c, EditionId edition,
                                     bool with_drafts = false);
std::optional<Proposal> load_proposal(db::Connection& c, ProposalId proposal);
// The edition a proposal belongs to.
std::optional<EditionId> edition_of_proposal(db::Connection& c, ProposalId proposal);

ScreeningRules screening_rules(db::Connection& c, EditionId edition);
void set_screening_rules(db::Connection& c, EditionId edition, const ScreeningRules& rules);
// The edition's rules and MAG members, ready for screen_proposals(); `now` decides whether
// a report of a past session not filed yet is still due or missing ("": missing).
ScreeningContext screening_context(db::Connection& c, EditionId edition,
                                   const std::string& now = "");

// Replaces the edition's screening results.
void save_screening(db::Connection& c, EditionId edition,
                    const std::vector<ScreeningResult>& results, const std::string& now);
// The Secretariat's verdict over the rules', with who gave it and when.
struct ScreeningOverride {
    bool passed = false;
    std::string justification, by, at;
};
// A screened proposal: what the rules said, and the override when there is one.
struct ScreenedProposal {
    ProposalId proposal;
    std::int64_t number = 0;
    std::string title, theme;
    bool passed = false;  // by the rules
    std::vector<ScreeningFailure> failures;
    std::string screened_at;
    std::optional<ScreeningOverride> override_by_secretariat;
    bool final_passed() const {
        return override_by_secretariat ? override_by_secretariat->passed : passed;
    }
};
// The edition's screened proposals, by number.
std::vector<ScreenedProposal> load_screening(db::Connection& c, EditionId edition);
std::optional<ScreenedProposal> load_screening_result(db::Connection& c, ProposalId proposal);

// The Secretariat's own verdict on a proposal, replacing any earlier one.
void override_screening(db::Connection& c, ProposalId proposal, bool passed,
                        const std::string& justification, AccountId account,
                        const std::string& now);

}  // namespace convene::store
